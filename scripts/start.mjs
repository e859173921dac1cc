#!/usr/bin/env node
// `npm start`: install what is missing, build what changed, then run the server (which creates or migrates the
// database).
// Plain JavaScript on purpose: it must run before dependencies (and tsx) are installed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILDS, markBuilt, needsBuild, sourcesDigest } from './build-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const stampFile = join(root, 'node_modules', '.tasting-menu-install');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Tasting Menu needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

function run(args, what) {
  console.log(`\n> ${what}`);
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${what} failed (npm ${args.join(' ')}). Fix the error above and run npm start again.`);
    process.exit(result.status ?? 1);
  }
}

const lock = join(root, 'package-lock.json');
const wanted = createHash('sha256').update(readFileSync(lock)).digest('hex');
const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (!existsSync(join(root, 'node_modules')) || installed !== wanted) {
  run(
    ['ci', '--no-audit', '--no-fund'],
    'Installing dependencies (first start, or package-lock.json changed)',
  );
  writeFileSync(stampFile, `${wanted}\n`);
}

// Each build runs only when its sources changed since it last ran here (see build-freshness.mjs).
for (const build of BUILDS) {
  const digest = sourcesDigest(root, build.inputs);
  if (!needsBuild(root, build, digest)) {
    console.log(`\n> ${build.name} up to date`);
    continue;
  }
  run(['run', build.script, '--silent'], `rebuilding the ${build.name}`);
  markBuilt(root, build, digest);
}

console.log('\n> Starting the server');
const child = spawn(process.execPath, ['--import', 'tsx', join('lti-server', 'src', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  // `npm start` is the trial: the sandbox's demo school is seeded once unless DEMO_SCHOOL=0 (npm run serve leaves it off).
  env: { ...process.env, DEMO_SCHOOL: process.env.DEMO_SCHOOL ?? '1' },
});
// Ctrl-C reaches the server too (same process group); forward other signals and wait for it to finish cleanly.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
