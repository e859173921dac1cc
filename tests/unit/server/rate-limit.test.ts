import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { countHit, deleteEndedWindows } from '../../../lti-server/src/db/repositories/rate-limits';
import { HitCounter, rateLimit, useRateLimitCounter } from '../../../lti-server/src/http/rate-limit';
import { ErrorBodySchema } from '../../../shared/errors';
import { useMemoryDb } from '../../support/server/memory-db';

const memory = useMemoryDb();
const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** An app (an instance) counting in the test's database; `x-client` stands for the client address. */
async function instance(): Promise<string> {
  const app: Express = express();
  useRateLimitCounter(app, new HitCounter(memory.handle.db));
  const byClient = { key: (req: express.Request) => String(req.get('x-client')) };
  app.get('/a', rateLimit({ limit: 3, windowMs: 60_000, ...byClient }), (_req, res) =>
    res.json({ ok: true }),
  );
  app.get('/b', rateLimit({ limit: 3, windowMs: 60_000, ...byClient }), (_req, res) =>
    res.json({ ok: true }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  closers.push(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const hit = (url: string, client: string) => fetch(url, { headers: { 'x-client': client } });

describe('rateLimit', () => {
  it('when a client sends more than the limit in a window, then the extra requests get 429 RATE_LIMITED with Retry-After', async () => {
    const url = await instance();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await hit(`${url}/a`, 'one');
      statuses.push(res.status);
      expect(res.headers.get('ratelimit-limit')).toBe('3');
      expect(res.headers.get('ratelimit-remaining')).toBe(String(2 - i));
    }
    const blocked = await hit(`${url}/a`, 'one');
    expect([...statuses, blocked.status]).toEqual([200, 200, 200, 429]);
    expect(blocked.headers.get('retry-after')).toBe('60');
    const body = ErrorBodySchema.parse(await blocked.json());
    expect(body.error).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many requests. Try again in 60 seconds.',
    });
    // Another client, and another route's limit, count on their own.
    expect((await hit(`${url}/a`, 'two')).status).toBe(200);
    expect((await hit(`${url}/b`, 'one')).status).toBe(200);
  });

  it('when two instances count in one database, then the limit holds across both', async () => {
    const [one, two] = [await instance(), await instance()];
    const statuses = [];
    for (const url of [one, two, one, two]) statuses.push((await hit(`${url}/a`, 'shared')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('when a window ends, then the count starts again, and ended windows are deleted', async () => {
    const db = memory.handle.db;
    expect((await countHit(db, 'k', 1_000, 0)).hits).toBe(1);
    expect(await countHit(db, 'k', 1_000, 999)).toEqual({ hits: 2, resetAt: 1_000 });
    expect(await countHit(db, 'k', 1_000, 1_000)).toEqual({ hits: 1, resetAt: 2_000 });
    await countHit(db, 'other', 5_000, 1_000);
    await deleteEndedWindows(db, 2_000);
    expect(await db.selectFrom('rate_limits').select('reset_at').execute()).toEqual([{ reset_at: 6_000 }]);
  });

  it('when requests are counted, then the table holds digests, not client addresses', async () => {
    const url = await instance();
    await hit(`${url}/a`, '203.0.113.7');
    const rows = await memory.handle.db.selectFrom('rate_limits').select('key').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** A counter that counts its statements, on a clock the test moves. */
class CountingCounter extends HitCounter {
  statements = 0;
  clock = 1_000_000;
  constructor() {
    super(memory.handle.db, () => this.clock);
  }
  override count(key: string, windowMs: number, amount?: number) {
    this.statements++;
    return super.count(key, windowMs, amount);
  }
}

/** An instance whose /lti limit counts in leases. */
async function leasingInstance(counter: CountingCounter, limit: number): Promise<string> {
  const app: Express = express();
  useRateLimitCounter(app, counter);
  app.get(
    '/lti',
    rateLimit({
      name: 'lti',
      limit,
      windowMs: 60_000,
      lease: true,
      key: (req) => String(req.get('x-client')),
    }),
    (_req, res) => res.json({ ok: true }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  closers.push(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/lti`;
}

describe('rateLimit with leases (a busy route)', () => {
  it('when a client is busy, then it is counted a few requests at a time and refused past the limit', async () => {
    const counter = new CountingCounter();
    const url = await leasingInstance(counter, 100);
    const statuses: number[] = [];
    for (let i = 0; i < 110; i++) statuses.push((await hit(url, 'school')).status);
    expect(statuses.slice(0, 100).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(100).every((s) => s === 429)).toBe(true);
    // Leases of 1, 2, 4, then 5 (a twentieth of 100): far fewer statements than requests; the refused ones after the
    // first refusal ask the store nothing.
    expect(counter.statements).toBeLessThan(30);
    const [row] = await memory.handle.db.selectFrom('rate_limits').select('hits').execute();
    expect(row!.hits).toBeGreaterThanOrEqual(100);
  });

  it('when a client is quiet (more than a second between requests), then each request is counted on its own', async () => {
    const counter = new CountingCounter();
    const url = await leasingInstance(counter, 3);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await hit(url, 'quiet')).status);
      counter.clock += 1_500;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(counter.statements).toBe(4);
  });

  it('when two instances lease for one client, then together they never let more than the limit through', async () => {
    const one = new CountingCounter();
    const two = new CountingCounter();
    const urls = [await leasingInstance(one, 100), await leasingInstance(two, 100)];
    let allowed = 0;
    for (let i = 0; i < 300; i++) if ((await hit(urls[i % 2]!, 'shared')).status === 200) allowed++;
    // At most one unused lease per instance (5 requests) is refused early.
    expect(allowed).toBeLessThanOrEqual(100);
    expect(allowed).toBeGreaterThanOrEqual(90);
  });

  it('when many requests of a client come at once, then they share one lease and the limit holds exactly', async () => {
    const counter = new CountingCounter();
    const url = await leasingInstance(counter, 200);
    const first = await Promise.all(Array.from({ length: 250 }, () => hit(url, 'burst')));
    expect(first.filter((res) => res.status === 200)).toHaveLength(200);
    // Leases of up to 10 (a twentieth of 200), none counted twice at once.
    expect(counter.statements).toBeLessThan(40);
  });

  it('when the window ends, then a refused client is let through again', async () => {
    const counter = new CountingCounter();
    const url = await leasingInstance(counter, 2);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await hit(url, 'later')).status);
    counter.clock += 60_000;
    statuses.push((await hit(url, 'later')).status);
    expect(statuses).toEqual([200, 200, 429, 200]);
  });
});
