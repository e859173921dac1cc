/**
 * The dependency rule of the handbook, as a lint step (`npm run lint`), for scripts and stylesheets alike:
 *   shared/ imports nothing of ours but shared/ and no Node built-ins (it runs in the browser too);
 *   extension/ and lti-server/ never import each other; the in-LMS app (lti-server/app) imports only shared/;
 *   inside the server, http → domain → db, never backwards.
 * The edges of http/ and the sandbox (EDGE_RULES below):
 *   http/ imports nothing from db/, not even a type: the database handle and records reach it through domain/
 *   (domain/database.ts re-exports the handle);
 *   the sandbox is a stand-in LMS that only the composition root (server.ts) knows and mounts: http/ does not import
 *   sandbox/, and sandbox/ talks to the tool over HTTP as a real LMS does, so it imports neither http/, domain/, lti/
 *   nor cli/ (it may import shared/, itself, db/ repositories for its own key, and neutral server modules such as
 *   lti-server/src/html.ts, the server-rendered page helpers both http/ and sandbox/ use).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

export interface SourceFile {
  path: string;
  source: string;
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT =
  /(?:^|[;\s])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|@import\s+(?:url\(\s*)?['"]([^'"]+)['"]/g;

/** The specifiers a file imports: ES imports, and a stylesheet's `@import` (the design tokens cross folders too). */
export function importsOf(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return [...withoutComments.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').filter(Boolean);
}

const SHARED_PACKAGES = new Set(['zod', 'i18next']);

function area(path: string): string {
  if (path.startsWith('shared/')) return 'shared';
  if (path.startsWith('extension/')) return 'extension';
  if (path.startsWith('lti-server/app/')) return 'app';
  for (const layer of ['http', 'domain', 'db', 'lti', 'sandbox', 'cli']) {
    if (path.startsWith(`lti-server/src/${layer}/`)) return `server:${layer}`;
  }
  if (path.startsWith('lti-server/')) return 'server';
  return 'other';
}

/** Server layers each layer may not import (http → domain → db). */
const SERVER_FORBIDDEN: Record<string, string[]> = {
  'server:db': ['server:domain', 'server:http', 'server:lti', 'server:sandbox', 'server:cli'],
  'server:domain': ['server:http', 'server:sandbox', 'server:cli'],
  'server:lti': ['server:http', 'server:domain', 'server:sandbox', 'server:cli'],
};

// ── Data access and the LTI seam (issue #19.5) ──────────────────────────────────────────────────────────────────────
// SQL lives in db/ (repositories and the ltijs store): only db/ imports kysely's values (`sql`, the `Kysely` class),
// elsewhere `import type { Kysely }` carries the handle's type, and no query is built outside db/. The domain asks
// lti/ for what it needs through interfaces it declares itself (`DeepLinkSigner`, `PlatformRegistry`,
// `DynamicRegistrar`), which `LtiTool` satisfies: it imports nothing from lti/, types included.

/** The source without its comments, lines kept (so a query's line number still matches). */
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, '')).replace(/(^|[^:])\/\/.*$/gm, '$1');

/**
 * The specifiers a file imports as values: all that `importsOf` finds but `import type …` / `export type …` and
 * imports whose every name is marked `type` (`import { type A, type B } from …`).
 */
export function valueImportsOf(source: string): string[] {
  const typeOnly = new Map<string, number>();
  const STATEMENT = /(?:^|[;\s])(?:import|export)\s+(type\s+)?([^'"]*?)from\s*['"]([^'"]+)['"]/g;
  for (const [, typeKeyword, clause = '', specifier = ''] of withoutComments(source).matchAll(STATEMENT)) {
    const names = /^\s*\{([^}]*)\}\s*$/
      .exec(clause)?.[1]
      ?.split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const allTyped = names !== undefined && names.length > 0 && names.every((n) => /^type\s/.test(n));
    if (typeKeyword || allTyped) typeOnly.set(specifier, (typeOnly.get(specifier) ?? 0) + 1);
  }
  return importsOf(source).filter((specifier) => {
    const left = typeOnly.get(specifier) ?? 0;
    if (left === 0) return true;
    typeOnly.set(specifier, left - 1);
    return false;
  });
}

/** A query built with Kysely (`.selectFrom`, `.insertInto`, …, `.withTables`) or a raw `sql` template. */
const QUERY =
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|withTables)\b|\bsql(?:<[^`;]*>)?\s*`/g;

function dataViolations(file: SourceFile, from: string): Violation[] {
  if (!from.startsWith('server') || from === 'server:db') return [];
  const violations: Violation[] = [];
  const add = (specifier: string, rule: string) => violations.push({ file: file.path, specifier, rule });
  for (const specifier of valueImportsOf(file.source)) {
    if (specifier === 'kysely' || specifier.startsWith('kysely/'))
      add(specifier, 'only db/ imports kysely values (sql, Kysely); elsewhere import type { Kysely }');
  }
  const code = withoutComments(file.source);
  for (const query of code.matchAll(QUERY)) {
    const line = code.slice(0, query.index).split('\n').length;
    add(
      `query ${query[0]} at line ${line}`,
      'SQL lives in db/: a query outside db/ belongs in a repository (db/repositories/)',
    );
  }
  if (from === 'server:domain') {
    for (const specifier of importsOf(file.source)) {
      const target = specifier.startsWith('.')
        ? area(normalize(join(dirname(file.path), specifier)).replace(/\\/g, '/'))
        : undefined;
      if (target === 'server:lti')
        add(specifier, 'domain/ may not import lti/, types included: it declares the interface it needs');
    }
  }
  return violations;
}
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
/** Per layer, the layers it may not import and why (the edges of http/ and the sandbox; see the header). */
const EDGE_RULES: Record<string, Record<string, string>> = {
  'server:http': {
    'server:db':
      'http/ may not import db/, not even a type: the database handle and records come through domain/',
    'server:sandbox': 'http/ may not import sandbox/: server.ts mounts the sandbox',
  },
  'server:sandbox': {
    'server:http':
      'sandbox/ may not import http/: it is an LMS of its own (shared page helpers are in lti-server/src/html.ts)',
    'server:domain': 'sandbox/ may not import domain/: it talks to the tool over HTTP, as a real LMS does',
    'server:lti': 'sandbox/ may not import lti/: it talks to the tool over HTTP, as a real LMS does',
    'server:cli': 'sandbox/ may not import cli/',
  },
};

export function findViolations(files: SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const from = area(file.path);
    if (from === 'other') continue;
    violations.push(...dataViolations(file, from));
    for (const specifier of importsOf(file.source)) {
      const relative = specifier.startsWith('.');
      const target = relative
        ? area(normalize(join(dirname(file.path), specifier)).replace(/\\/g, '/'))
        : undefined;
      const add = (rule: string) => violations.push({ file: file.path, specifier, rule });
      if (from === 'shared') {
        if (relative && target !== 'shared') add('shared/ may import only shared/');
        if (!relative && !SHARED_PACKAGES.has(specifier.split('/')[0] ?? ''))
          add(`shared/ may import only ${[...SHARED_PACKAGES].join(', ')} and itself`);
        continue;
      }
      if (!relative || !target) continue;
      if (from === 'extension' && target !== 'extension' && target !== 'shared')
        add('extension/ may import only extension/ and shared/');
      if (from === 'app' && target !== 'app' && target !== 'shared')
        add('lti-server/app may import only itself and shared/');
      if (from.startsWith('server') && (target === 'extension' || target === 'app'))
        add('the server never imports the extension or the browser app');
      if (SERVER_FORBIDDEN[from]?.includes(target))
        add(`${from.slice(7)}/ may not import ${target.slice(7)}/ (http → domain → db)`);
      const edge = EDGE_RULES[from]?.[target];
      if (edge) add(edge);
    }
  }
  return violations;
}

function main(): void {
  const paths = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', 'shared', 'extension', 'lti-server'],
    {
      encoding: 'utf8',
    },
  )
    .split('\n')
    .filter((p) => /\.(ts|tsx|mts|js|mjs|css)$/.test(p));
  const violations = findViolations(paths.map((path) => ({ path, source: readFileSync(path, 'utf8') })));
  if (violations.length === 0) {
    console.log(`check-boundaries: ${paths.length} files, no forbidden imports`);
    return;
  }
  for (const v of violations) {
    const what = v.specifier.startsWith('query ') ? v.specifier : `import "${v.specifier}"`;
    console.error(`${v.file}: ${what} breaks the rule: ${v.rule}`);
  }
  process.exit(1);
}

if (process.argv[1]?.endsWith('check-boundaries.ts')) main();
