import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const domain = join(root, 'lti-server/src/domain');
const http = join(root, 'lti-server/src/http');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each line of the files that matches, as `file:line: text`. */
function linesMatching(pattern: RegExp, files = sourcesUnder(domain)): string[] {
  return files.flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${relative(root, path)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

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
});

describe('the http layer', () => {
  // Routes, not middleware: a middleware that continues the chain on success still needs its own `next`.
  const routeFiles = () => sourcesUnder(http).filter((path) => /(-routes?|\/app)\.ts$/.test(path));

  it('when a route awaits something, then it is written with wrap, not with .then(…, next) or try/catch', () => {
    expect(routeFiles().length).toBeGreaterThan(5);
    expect(linesMatching(/\.then\(|\.catch\(next\)/, routeFiles())).toEqual([]);
    expect(linesMatching(/\bnext\(error\)/, routeFiles())).toEqual([]);
  });
});
