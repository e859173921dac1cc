import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../../../scripts/check-boundaries';

const root = join(__dirname, '../../..');
const domain = join(root, 'lti-server/src/domain');
const http = join(root, 'lti-server/src/http');
const db = join(root, 'lti-server/src/db');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each line of the files that matches, as `file:line: text`. */
function linesMatching(
  pattern: RegExp,
  files = sourcesUnder(domain),
  read = (path: string) => readFileSync(path, 'utf8'),
): string[] {
  return files.flatMap((path) =>
    read(path)
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${relative(root, path)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

/**
 * A source with the text of its browser scripts blanked (lines kept, so line numbers still match): a constant named
 * `…_SCRIPT` holding a template string is JavaScript served to the browser as a static file, not server code.
 */
const withoutBrowserScripts = (path: string) =>
  readFileSync(path, 'utf8').replace(
    /(\bconst [A-Z_]+_SCRIPT = `)([^`]*)(`)/g,
    (_m, open, body: string, close) => [open, body.replace(/[^\n]/g, ''), close].join(''),
  );

describe('the domain layer', () => {
  // A row's `status: 'open'` is data; an HTTP status is a number, or a `{ status }` passed along to an error.
  it('when the domain throws, then it never picks an HTTP status: the error class fixes it', () => {
    expect(linesMatching(/\bstatus\s*:\s*\d/)).toEqual([]);
    expect(linesMatching(/\{\s*status\s*[,}]/)).toEqual([]);
  });

  it('when the domain throws, then it throws a named error kind, never a bare AppError', () => {
    expect(linesMatching(/\bnew AppError\s*\(/)).toEqual([]);
  });

  // Who may do what is decided in domain/policies/ (docs/permissions.md), never by an inline role check or 403.
  it('when the domain refuses someone, then a policy decides it: ForbiddenError is thrown only in domain/policies/', () => {
    const policies = join(domain, 'policies');
    const outside = sourcesUnder(domain).filter((path) => !path.startsWith(policies));
    expect(linesMatching(/\bnew ForbiddenError\b/, outside)).toEqual([]);
    expect(linesMatching(/\bactor\.role\b/, outside)).toEqual([]);
  });

  // What the domain still parses is not an HTTP request; each case says what it is. Anything else is parsed at its
  // route, from its schema in shared/, and the domain takes the typed value.
  const notRequestInput: Array<{ file: string; call: string; why: string }> = [
    {
      file: 'platforms.ts',
      call: 'parseAt(REGISTRATION, PlatformRegistrationSchema',
      why: 'what an operator typed (npm run platform -- add), the sandbox or a test registers: one check for all',
    },
    {
      file: 'platforms.ts',
      call: 'parseAt(REGISTRATION, DynamicPlatformRegistrationSchema',
      why: 'what the LMS answered during dynamic registration (its configuration and the client id it gave us)',
    },
    {
      file: 'settings.ts',
      call: "parseAt('errors.source.coach-roles', TenantSettingsSchema",
      why: 'the roles an operator typed (npm run platform -- coach-roles), merged with the stored settings',
    },
    {
      file: 'room.ts',
      call: "parseAt('errors.source.note', SealedContentSchema",
      why: 'a note sealed on the phone: only the domain holds the key that opens it, so its content is parsed there',
    },
  ];

  it('when a route hands request input to the domain, then it is parsed already: the domain parses only what is listed', () => {
    const parses = linesMatching(/\bparseAt\(|Schema\.(safeParse|parse)\(/);
    const unlisted = parses.filter(
      (line) => !notRequestInput.some((c) => line.includes(`/domain/${c.file}:`) && line.includes(c.call)),
    );
    expect(unlisted).toEqual([]);
    // Each listed case still exists, so the list cannot outlive the code it excuses.
    for (const c of notRequestInput)
      expect(
        parses.some((line) => line.includes(c.call)),
        c.why,
      ).toBe(true);
  });

  it('when a domain function takes input, then its parameter has a type, never unknown', () => {
    expect(linesMatching(/\b\w+\s*:\s*unknown\s*[,)]/)).toEqual([]);
  });
});

describe('rows stay in db/', () => {
  // Repositories return typed records: JSON columns decoded and validated, 0/1 as booleans, names in camelCase.
  it('when the domain or http reads a record, then it is already decoded: no JSON.parse above db/', () => {
    const files = [...sourcesUnder(domain), ...sourcesUnder(http)];
    expect(linesMatching(/\bJSON\.parse\(/, files, withoutBrowserScripts)).toEqual([]);
  });

  it('when the browser script of a page is blanked, then only its text is: the rule still sees the code around it', () => {
    const launchPages = join(http, 'launch-pages.ts');
    expect(readFileSync(launchPages, 'utf8')).toMatch(/PLATFORM_STORAGE_SCRIPT = `[^`]*JSON\.parse\(/);
    expect(linesMatching(/\bJSON\.parse\(/, [launchPages], withoutBrowserScripts)).toEqual([]);
    expect(linesMatching(/\bJSON\.stringify\(/, [launchPages], withoutBrowserScripts)).not.toEqual([]);
  });

  it('when http/ needs the database or a record type, then it gets it from domain/: it imports nothing from db/', () => {
    const fromDb = sourcesUnder(http).flatMap((path) =>
      importsOf(readFileSync(path, 'utf8'))
        .filter(
          (specifier) => specifier.startsWith('.') && join(dirname(path), specifier).startsWith(`${db}/`),
        )
        .map((specifier) => `${relative(root, path)}: ${specifier}`),
    );
    expect(fromDb).toEqual([]);
  });
});

describe('the http layer', () => {
  // Routes, not middleware: a middleware that continues the chain on success still needs its own `next`.
  const routeFiles = () => sourcesUnder(http).filter((path) => /(-routes?|\/app)\.ts$/.test(path));

  it('when a route awaits something, then it is written with wrap, not with .then(…, next) or try/catch', () => {
    expect(routeFiles().length).toBeGreaterThan(5);
    expect(linesMatching(/\.then\(|\.catch\(next\)/, routeFiles())).toEqual([]);
    expect(linesMatching(/\bnext\(error\)/, routeFiles())).toEqual([]);
  });

  // The JSON API's routers (`*-routes.ts`): each request shape is declared once in shared/ and parsed where the route
  // is declared, so a bad request is 400 VALIDATION_FAILED with field paths before any use case runs.
  it('when an API route reads its body or query, then it parses it with parseAt and a schema from shared/', () => {
    const apiRouters = sourcesUnder(http).filter((path) => /-routes\.ts$/.test(path));
    expect(apiRouters.length).toBeGreaterThan(5);
    const reads = linesMatching(/\breq\.(body|query)\b/, apiRouters);
    expect(reads.length).toBeGreaterThan(10);
    expect(reads.filter((line) => !/\bparseAt\('[^']+', \w+Schema, req\.(body|query)\)/.test(line))).toEqual(
      [],
    );
    expect(linesMatching(/\bz\.object\(|from 'zod'/, apiRouters)).toEqual([]);
  });

  // Each feature's routes live in its own http/<feature>-routes.ts (named as in domain/); app.ts only puts them in order.
  it('when the app is composed, then http/app.ts declares no route and no handler: it mounts routers and middleware', () => {
    const app = join(http, 'app.ts');
    expect(linesMatching(/\b(app|router)\.(get|post|put|patch|delete|options|all|route)\(/, [app])).toEqual(
      [],
    );
    expect(linesMatching(/=>|\bfunction\b(?! createApp\b)/, [app])).toEqual([]);
  });
});
