import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/errors';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

const LOGIN = '/lti/login?iss=x&login_hint=y&target_link_uri=z';

/** The statuses of `count` logins, each sent to the next of `servers` in turn. */
async function logins(servers: TestServer[], count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${servers[i % servers.length]!.url}${LOGIN}`, { redirect: 'manual' });
    statuses.push(res.status);
    if (res.status === 429) expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('RATE_LIMITED');
    else await res.arrayBuffer();
  }
  return statuses;
}

describe('rate limits on the LTI endpoints', () => {
  let server: TestServer;
  useTestServer({ config: { ltiRateLimit: 5 } }, (s) => {
    server = s;
  });

  it('when one address floods /lti/login, then it gets 429 after the limit and other routes still answer', async () => {
    const statuses = await logins([server], 7);
    expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe(`rate limits across two instances on one ${testDbKind()} database`, () => {
  let database: TestDatabase;
  let one: TestServer;
  let two: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    one = await startTestServer({ database, config: { ltiRateLimit: 6 } });
    two = await startTestServer({ database, config: { ltiRateLimit: 6 } });
  }, 90_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('when an address alternates between the instances, then they share one count', async () => {
    const statuses = await logins([one, two], 8);
    expect(statuses.slice(0, 6).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });
});

/** Statuses of `count` logins that a proxy on this host forwards for `address`. */
async function forwardedLogins(server: TestServer, address: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${server.url}${LOGIN}`, {
      redirect: 'manual',
      headers: { 'x-forwarded-for': address },
    });
    statuses.push(res.status);
    await res.arrayBuffer();
  }
  return statuses;
}

describe('rate limits behind a proxy (TRUST_PROXY)', () => {
  describe('with the default, a proxy on this host', () => {
    let server: TestServer;
    useTestServer({ config: { ltiRateLimit: 3 } }, (s) => {
      server = s;
    });

    it('when the proxy forwards two clients, then each has its own count', async () => {
      expect((await forwardedLogins(server, '198.51.100.1', 4)).at(-1)).toBe(429);
      expect((await forwardedLogins(server, '198.51.100.2', 3)).includes(429)).toBe(false);
    });
  });

  describe('when only a load balancer elsewhere is trusted', () => {
    let server: TestServer;
    useTestServer({ config: { ltiRateLimit: 3, trustProxy: ['10.0.0.0/8'] } }, (s) => {
      server = s;
    });

    it('then a header from this host is not believed and every request counts as this host', async () => {
      expect((await forwardedLogins(server, '198.51.100.1', 3)).includes(429)).toBe(false);
      expect(await forwardedLogins(server, '198.51.100.2', 1)).toEqual([429]);
    });
  });
});
