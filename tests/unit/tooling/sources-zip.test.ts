import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `wxt zip -b firefox` in a copy of the project that has what a developer's folder has besides the sources: the
 * server's data folder (LTI key, SQLite database), a .env, built output. The copy keeps the real folder untouched and
 * has its own .output, so this never meets a concurrent `npm run build`. WXT writes the zip with jszip, which reads it
 * back here.
 */
const ROOT = resolve('.');
const WXT = join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
const run = promisify(execFile);

/** Folders a developer's checkout may hold that are not sources (the copy plants its own). */
const NOT_COPIED = /^(node_modules|\.git|\.output|\.wxt|dist|data|coverage|test-results)(\/|$)/;

let work: string;
let entries: string[];
let zip: JSZip;

function plant(base: string, path: string, content: string | Uint8Array) {
  mkdirSync(dirname(join(base, path)), { recursive: true });
  writeFileSync(join(base, path), content);
}

function withModules(dir: string) {
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'), 'dir');
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tasting-menu-zip-'));
  const project = join(work, 'project');
  cpSync(ROOT, project, { recursive: true, filter: (src) => !NOT_COPIED.test(relative(ROOT, src)) });
  withModules(project);
  plant(project, 'data/lti-key', 'planted-lti-key-0123456789abcdef0123456789abcdef');
  plant(project, 'data/tasting-menu.db', 'SQLite format 3\0planted');
  plant(project, '.env', 'LTI_KEY=planted');
  plant(project, 'extension/.env.local', 'SECRET=planted');
  plant(project, 'dist/app/index.html', '<!doctype html>');
  await run(process.execPath, [WXT, 'zip', '-b', 'firefox'], {
    cwd: project,
  });
  const sources = readdirSync(join(project, '.output')).find((f) => f.endsWith('-sources.zip'));
  if (!sources) throw new Error('wxt zip wrote no sources zip');
  zip = await JSZip.loadAsync(readFileSync(join(project, '.output', sources)));
  entries = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the Firefox sources zip', () => {
  it('when the project folder holds the server, its data and local settings, then none of it is in the zip', () => {
    const leaks = entries.filter(
      (name) =>
        /^(data|dist|lti-server|tests|scripts|docs|\.output|\.wxt)\//.test(name) ||
        /(^|\/)\.env/.test(name) ||
        /(^|\/)\./.test(name) ||
        /\.(db|sqlite|sqlite3|pem|key)$/i.test(name) ||
        /lti-key/.test(name),
    );
    expect(leaks).toEqual([]);
  });

  it('when it is unzipped, then the rebuild instructions and the add-on sources are there', async () => {
    expect(entries).toEqual(
      expect.arrayContaining(['SOURCES.md', 'wxt.config.ts', 'package.json', 'package-lock.json']),
    );
    expect(entries.some((name) => name.startsWith('extension/entrypoints/'))).toBe(true);
    const readme = await zip.file('SOURCES.md')!.async('string');
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npx wxt build -b firefox');
    expect(readme).toContain('.output/firefox-mv2');
  });

  it('when the add-on is built from the zip alone, as a reviewer does, then it builds', async () => {
    const rebuild = join(work, 'rebuild');
    for (const name of entries) plant(rebuild, name, await zip.file(name)!.async('uint8array'));
    // What `npm ci` would install: the same packages.
    withModules(rebuild);
    await run(process.execPath, [WXT, 'build', '-b', 'firefox'], {
      cwd: rebuild,
    });
    const manifest = join(rebuild, '.output', 'firefox-mv2', 'manifest.json');
    expect(existsSync(manifest)).toBe(true);
    // The name comes from the English or Spanish catalog (extension/public/_locales), both in the rebuild.
    expect(JSON.parse(readFileSync(manifest, 'utf8'))).toMatchObject({
      name: '__MSG_ext_name__',
      default_locale: 'en',
      manifest_version: 2,
    });
    const spanish = join(rebuild, '.output', 'firefox-mv2', '_locales', 'es', 'messages.json');
    expect(JSON.parse(readFileSync(spanish, 'utf8')).ext_name.message).toBe('Tasting Menu');
  }, 240_000);
});
