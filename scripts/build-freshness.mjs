// Which builds `npm start` can skip: a build is up to date when its output exists and the stamp written after it
// holds the digest of the sources that fed it. A content digest, not file times: a checkout or a copy changes times
// without changing what is built. Plain JavaScript: start.mjs runs before dependencies are installed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The two builds of `npm run build`, what feeds each and where its stamp lives (beside its output). */
export const BUILDS = [
  {
    name: 'app',
    script: 'build:app',
    inputs: ['lti-server/app', 'shared', 'package-lock.json'],
    output: 'dist/app/index.html',
    stamp: 'dist/.app-build-stamp',
  },
  {
    name: 'extension',
    script: 'build:ext',
    inputs: ['extension', 'shared', 'wxt.config.ts', 'package-lock.json'],
    output: '.output/chrome-mv3/manifest.json',
    stamp: '.output/.extension-build-stamp',
  },
];

const SKIPPED = new Set(['node_modules', '.output', '.wxt', 'dist']);

function filesUnder(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .filter((name) => !SKIPPED.has(name))
    .flatMap((name) => filesUnder(root, join(path, name)));
}

/** SHA-256 over the names and contents of every file under `inputs` (files or folders, relative to `root`). */
export function sourcesDigest(root, inputs) {
  const files = [...new Set(inputs.flatMap((input) => filesUnder(root, input)))].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${relative(root, join(root, file)).split('\\').join('/')}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Whether `build` must run: its output is missing, it never ran through here, or its sources (whose digest is
 * `digest`) changed since.
 */
export function needsBuild(root, build, digest = sourcesDigest(root, build.inputs)) {
  if (!existsSync(join(root, build.output))) return true;
  const stamp = join(root, build.stamp);
  return !existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== digest;
}

/** Records that `build` ran on the sources whose digest is `digest` (taken before it ran). */
export function markBuilt(root, build, digest) {
  const stamp = join(root, build.stamp);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${digest}\n`);
}
