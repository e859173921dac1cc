import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The container image's rules, read from the Dockerfile (no image is built here: there is no registry to pull the
 * base images from). Instructions are joined across backslash-continued lines; comments are dropped.
 */
const ROOT = resolve('.');
const instructions = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8')
  .replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [keyword = '', ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });

/** Each stage: its FROM line's arguments and its instructions. */
const stages = instructions.reduce<Array<{ from: string; body: typeof instructions }>>((all, i) => {
  if (i.keyword === 'FROM') all.push({ from: i.args, body: [] });
  else all.at(-1)?.body.push(i);
  return all;
}, []);
const final = stages.at(-1)!;
const COMPILERS = /\b(gcc|g\+\+|make|build-essential|python3?|node-gyp|clang)\b/;

describe('the Dockerfile', () => {
  it('when read, then it has a build stage and a slim final stage that copies from it', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(final.from).toMatch(/^node:\S*slim\S*(\s+AS\s+\S+)?$/i);
    const buildName = /\sAS\s+(\S+)$/i.exec(stages[0]!.from)?.[1];
    expect(buildName).toBeTruthy();
    const copies = final.body.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies.some((c) => c.startsWith(`--from=${buildName} `) && /node_modules/.test(c))).toBe(true);
    expect(copies.some((c) => /\/dist\b/.test(c))).toBe(true);
    expect(copies.some((c) => /\.output\/\*\.zip/.test(c))).toBe(true);
  });

  it('when the final stage runs commands, then none installs a compiler or dependencies', () => {
    for (const run of final.body.filter((i) => i.keyword === 'RUN')) {
      expect(run.args).not.toMatch(COMPILERS);
      expect(run.args).not.toMatch(/\b(apt-get|apk|npm (ci|install|rebuild))\b/);
    }
  });

  it('when the build stage prepares production, then it prunes the development dependencies', () => {
    const build = stages[0]!.body.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(build.some((r) => /npm prune --omit=dev/.test(r))).toBe(true);
    expect(build.some((r) => /npm run build/.test(r))).toBe(true);
  });

  it('when the container runs, then it runs as a user other than root, with a health check on /healthz', () => {
    const users = final.body.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const health = final.body.find((i) => i.keyword === 'HEALTHCHECK');
    expect(health?.args).toMatch(/\/healthz/);
    expect(final.body.some((i) => i.keyword === 'CMD')).toBe(true);
    // The command is after USER: nothing after it switches back.
    const keywords = final.body.map((i) => i.keyword);
    const lastUser = keywords.lastIndexOf('USER');
    const lastCmd = keywords.lastIndexOf('CMD');
    expect(lastCmd).toBeGreaterThan(lastUser);
  });

  it('when the build context is sent, then local installs, builds, data and secrets stay out', () => {
    const ignored = readFileSync(resolve(ROOT, '.dockerignore'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim());
    for (const entry of ['node_modules', 'dist', '.output', 'data', '.env', '.git']) {
      expect(ignored, entry).toContain(entry);
    }
  });

  it('when the server starts in the image, then what it runs with is a production dependency', () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const cmd = final.body.find((i) => i.keyword === 'CMD')!.args;
    expect(cmd).toMatch(/"tsx"/);
    expect(pkg.dependencies).toHaveProperty('tsx');
  });
});
