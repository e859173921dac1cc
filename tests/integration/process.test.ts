import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/server/free-port';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';

/** The real entry point (`npm run serve`) as a child process: start-up banner, configuration errors, Ctrl-C. */
const children: ChildProcess[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of databases.splice(0)) await d.drop();
});

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lti-server/src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    out: () => stdout,
    err: () => stderr,
    async waitFor(text: string, ms = 30_000) {
      const until = Date.now() + ms;
      while (!stdout.includes(text)) {
        if (Date.now() > until || child.exitCode !== null)
          throw new Error(`never printed "${text}":\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

describe('the server process', () => {
  it('when PORT is not a number, then start-up stops with one line naming PORT', async () => {
    const p = run({ PORT: 'abc' });
    expect(await p.exited).toBe(1);
    expect(p.err().trim()).toMatch(/^Configuration error: PORT must be a whole number/);
    expect(p.err().trim().split('\n')).toHaveLength(1);
  });

  it('when DATABASE_URL names MySQL, then start-up stops naming DATABASE_URL', async () => {
    const p = run({ DATABASE_URL: 'mysql://root@localhost/x' });
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain('Configuration error: DATABASE_URL');
  });

  it('when started, then it prints the sandbox and LTI URLs and the extension folder, and Ctrl-C stops it cleanly', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const port = await freePort();
    const p = run({ PORT: String(port), DATABASE_URL: db.url, DATA_DIR: db.dataDir });
    await p.waitFor('Press Ctrl-C to stop.');
    const out = p.out();
    expect(out).toContain(`http://localhost:${port}/sandbox`);
    expect(out).toContain(`OIDC login initiation URL:  http://localhost:${port}/lti/login`);
    expect(out).toContain('.output/chrome-mv3');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain('shutting down');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
