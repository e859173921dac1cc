import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRetentionJob } from '../../lti-server/src/domain/retention-job';
import { ReadySchema } from '../../shared/api';
import { ErrorBodySchema } from '../../shared/errors';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { beginLogin, postLaunch, signWithSandboxKey } from '../support/server/forged-launch';
import { startTestServer, type TestServer } from '../support/server/test-server';
import { createThrowawayPostgres, type ThrowawayPostgres } from '../support/server/throwaway-postgres';

/**
 * The database going away (a restart, a failover, `pg_terminate_backend`) must not end the process: the server
 * reports itself unready, answers 503 DATABASE_UNAVAILABLE with Retry-After, and works again when the database is
 * back, without a restart. This needs a PostgreSQL cluster the test may stop, so it starts its own.
 */
let cluster: ThrowawayPostgres;
let server: TestServer;
let dataDir: string;
let ana: ApiClient;
const logLines: Array<Record<string, unknown>> = [];
const escaped: unknown[] = [];
const onEscaped = (error: unknown) => escaped.push(error);

const strategy = (title: string) => ({
  title,
  purpose: 'Every student talks about evidence before the lesson starts.',
  steps: ['Project a data card', 'Think for two minutes', 'Share with a partner'],
  minutes: 10,
  subject: 'Science',
  gradeBand: '6-8',
  tags: ['discussion'],
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A request that gets no answer fails the test in `ms` instead of hanging it. */
function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function readyz() {
  const started = Date.now();
  const res = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: ReadySchema.parse(await res.json()), ms: Date.now() - started };
}

/** Polls /readyz until it answers `status`, for at most `ms`. */
async function waitForReady(status: number, ms = 20_000) {
  const until = Date.now() + ms;
  for (;;) {
    const r = await readyz();
    if (r.status === status) return r;
    if (Date.now() > until) throw new Error(`/readyz stayed ${r.status} (${JSON.stringify(r.body)})`);
    await sleep(200);
  }
}

function expectUnavailable(res: { status: number; body: unknown; headers: Headers }) {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(ErrorBodySchema.parse(res.body).error.code).toBe('DATABASE_UNAVAILABLE');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

/** One statement from a client of its own, as an administrator would run it. */
async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: cluster.url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const terminateOtherBackends = async () =>
  (
    await adminQuery(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    )
  ).length;

beforeAll(async () => {
  // An 'error' event nobody listens to ends a Node process; here it would land in these spies instead.
  process.on('uncaughtException', onEscaped);
  process.on('unhandledRejection', onEscaped);
  cluster = await createThrowawayPostgres();
  dataDir = mkdtempSync(join(tmpdir(), 'tasting-menu-outage-'));
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  server = await startTestServer({
    database: {
      target: { kind: 'postgres', url: cluster.url, schema: undefined },
      url: cluster.url,
      dataDir,
      async drop() {},
    },
    logger: pino({ level: 'info' }, sink),
  });
  ana = await launchAs(server, 'sandbox-ana-rivera');
}, 90_000);

afterAll(async () => {
  process.off('uncaughtException', onEscaped);
  process.off('unhandledRejection', onEscaped);
  try {
    await server?.close();
  } finally {
    await cluster?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);

// Each test starts from a running database, whatever the one before left behind.
beforeEach(async () => {
  await cluster.start();
  await waitForReady(200);
});

describe('when PostgreSQL stops and comes back', () => {
  it('then the process stays up, readyz and the API answer 503 with the reason, and all works again after the restart', async () => {
    expect((await ana.get('/api/strategies')).status).toBe(200);
    expect((await readyz()).status).toBe(200);
    // A login started before the outage, whose launch arrives during it.
    const login = await beginLogin(server, 'sandbox-ben-okafor');

    // Sessions commit without waiting for the WAL (docs/architecture.md), so a crash a moment after the launch may
    // lose this one by design: make it durable first, the outage is what this test is about.
    await adminQuery('checkpoint');
    await cluster.stop();
    await sleep(1_500);
    expect(escaped).toEqual([]);

    const ready = await readyz();
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', database: 'postgres' });
    expect(ready.body.reason).toMatch(/\w/);
    expect(ready.body.reason).not.toContain(String(cluster.port));
    expect(ready.ms).toBeLessThan(3_000);

    expectUnavailable(await ana.get('/api/strategies'));
    expectUnavailable(await ana.post('/api/strategies', strategy('Written during the outage')));

    // The launch path (ltijs's routes) answers a page, not a crash and not a refusal.
    const launch = await within(
      postLaunch(server, login, await signWithSandboxKey(server, login.claims)),
      'the launch',
    );
    expect(launch.status).toBe(503);
    expect(launch.reason).toBeUndefined();
    expect(launch.html).toContain('database');
    // The same launch posted to the server root (Schoology apps set up with the bare address) gets the page too.
    const atRoot = await fetch(`${server.url}/`, {
      method: 'POST',
      body: new URLSearchParams({
        id_token: await signWithSandboxKey(server, login.claims),
        state: login.state,
      }),
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    expect(atRoot.status).toBe(503);
    expect(atRoot.headers.get('content-type')).toContain('text/html');
    expect(atRoot.headers.get('retry-after')).toBeTruthy();
    const newLogin = await fetch(server.sandbox!.loginUrl, {
      method: 'POST',
      body: new URLSearchParams({
        iss: server.sandbox!.issuer,
        login_hint: 'sandbox-ben-okafor',
        target_link_uri: server.sandbox!.launchUrl,
        client_id: server.sandbox!.clientId,
      }),
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    expect(newLogin.status).toBe(503);
    expect(newLogin.headers.get('retry-after')).toBeTruthy();
    expect(await newLogin.text()).toContain('database');

    expect(escaped).toEqual([]);
    const lost = logLines.filter(
      (l) => l.msg === 'lost a database connection; the pool reconnects when asked',
    );
    expect(lost).toHaveLength(1);
    expect(JSON.stringify(lost)).not.toMatch(/postgres:\/\/|password/i);

    await cluster.start();
    expect((await waitForReady(200)).body).toEqual({ status: 'ready', database: 'postgres' });
    expect((await ana.get('/api/strategies')).status).toBe(200);
    const created = await ana.post('/api/strategies', strategy('Written after the outage'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Nothing of the refused write reached the database.
    const titles = (await ana.get('/api/strategies?status=mine')).body.items.map(
      (s: { title: string }) => s.title,
    );
    expect(titles).toContain('Written after the outage');
    expect(titles).not.toContain('Written during the outage');
    const again = await beginLogin(server, 'sandbox-ben-okafor');
    const relaunch = await postLaunch(server, again, await signWithSandboxKey(server, again.claims));
    expect(relaunch.token).toBeTruthy();
    expect(escaped).toEqual([]);
  }, 90_000);
});

describe('when every connection is terminated (pg_terminate_backend)', () => {
  it('then requests in flight and after either succeed or get 503, and the process never crashes', async () => {
    // Fill the pools with idle connections, then cut them while requests are running.
    await Promise.all(Array.from({ length: 8 }, () => ana.get('/api/strategies')));
    const during = Array.from({ length: 12 }, () => ana.get('/api/strategies'));
    expect(await terminateOtherBackends()).toBeGreaterThan(0);
    const after = Array.from({ length: 12 }, () => ana.get('/api/strategies'));
    const statuses = (await Promise.all([...during, ...after])).map((r) => r.status);
    for (const status of statuses) expect([200, 503]).toContain(status);
    await sleep(500);
    expect(escaped).toEqual([]);
    expect((await ana.get('/api/strategies')).status).toBe(200);
    expect((await ana.post('/api/strategies', strategy('After the termination'))).status).toBe(201);
    expect((await readyz()).status).toBe(200);
  }, 60_000);
});

describe('when the retention job runs while the database is down', () => {
  it('then it logs one line, skips the run and does not throw', async () => {
    await cluster.stop();
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const job = startRetentionJob(server.database.db, 'postgres', logger);
    try {
      await expect(job.ready).resolves.toBeUndefined();
    } finally {
      job.stop();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, reason: expect.any(String) });
    expect(String(lines[0]?.msg)).toContain('skips this run');
    expect(lines[0]).not.toHaveProperty('err');
    expect(escaped).toEqual([]);
  }, 60_000);
});
