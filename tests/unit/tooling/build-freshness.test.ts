import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILDS, markBuilt, needsBuild, sourcesDigest } from '../../../scripts/build-freshness.mjs';

/** What `npm start` skips: a project folder with the sources and outputs of both builds, in a temporary folder. */
let root: string;

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Both builds ran on the current sources. */
function buildBoth() {
  for (const build of BUILDS) {
    write(build.output, 'built');
    markBuilt(root, build, sourcesDigest(root, build.inputs));
  }
}

const stale = () => BUILDS.filter((b) => needsBuild(root, b)).map((b) => b.name);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tasting-menu-freshness-'));
  write('lti-server/app/main.tsx', 'app');
  write('extension/entrypoints/popup/main.tsx', 'popup');
  write('shared/api.ts', 'api');
  write('wxt.config.ts', 'wxt');
  write('package-lock.json', '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm start rebuilds only what changed', () => {
  it('when nothing was built here yet, then both builds run', () => {
    expect(stale()).toEqual(['app', 'extension']);
  });

  it('when both were built and nothing changed, then neither runs', () => {
    buildBoth();
    expect(stale()).toEqual([]);
  });

  it('when an app file changes, then only the app is rebuilt; an extension file, only the extension', () => {
    buildBoth();
    write('lti-server/app/main.tsx', 'app, changed');
    expect(stale()).toEqual(['app']);
    buildBoth();
    write('extension/entrypoints/popup/main.tsx', 'popup, changed');
    write('wxt.config.ts', 'wxt, changed');
    expect(stale()).toEqual(['extension']);
  });

  it('when a shared file or the lock file changes, or a file is added, then both are rebuilt', () => {
    for (const change of [
      () => write('shared/api.ts', 'api, changed'),
      () => write('package-lock.json', '{"lockfileVersion":3}'),
      () => write('shared/new-helper.ts', 'new'),
    ]) {
      buildBoth();
      change();
      expect(stale()).toEqual(['app', 'extension']);
    }
  });

  it('when an output was deleted, then its build runs again although the sources are unchanged', () => {
    buildBoth();
    rmSync(join(root, 'dist'), { recursive: true });
    expect(stale()).toEqual(['app']);
  });

  it('when only files outside the inputs change (the server, tests, docs), then neither runs', () => {
    buildBoth();
    write('lti-server/src/main.ts', 'server');
    write('README.md', 'docs');
    write('extension/node_modules/x/index.js', 'ignored');
    expect(stale()).toEqual([]);
  });
});
