import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeSchema } from '../../shared/api';
import { beginLogin, postLaunch, signWithSandboxKey } from '../support/server/forged-launch';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';

/**
 * Two instances on one database with the same LTI_KEY, as behind a load balancer: everything a launch needs
 * (state, nonces, platforms, sessions) is in the database, nothing in one process's memory.
 */
let database: TestDatabase;
let one: TestServer;
let two: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  [one, two] = await Promise.all([startTestServer({ database }), startTestServer({ database })]);
}, 90_000);
afterAll(async () => {
  await one?.close();
  await two?.close();
  await database?.drop();
});

describe(`two instances on one ${testDbKind()} database`, () => {
  it('when a login starts on instance 1 and the launch lands on instance 2, then the launch succeeds', async () => {
    const login = await beginLogin(one);
    const token = await signWithSandboxKey(one, login.claims);
    const result = await postLaunch(two, login, token);
    expect(result.reason).toBeUndefined();
    expect(result.token).toBeTruthy();
    // The session works on both instances.
    for (const server of [one, two]) {
      const res = await fetch(`${server.url}/api/me`, {
        headers: { authorization: `Bearer ${decodeURIComponent(result.token!)}` },
      });
      expect(MeSchema.parse(await res.json()).person.name).toBe('Ana Rivera');
    }
  });

  it('when a nonce was used on instance 1, then it is refused on instance 2', async () => {
    const first = await beginLogin(one);
    const token = await signWithSandboxKey(one, first.claims);
    expect((await postLaunch(one, first, token)).token).toBeTruthy();
    // A fresh, valid login state, so only the nonce can stop the replay on the other instance.
    const again = await beginLogin(one);
    const replay = await postLaunch(two, again, token);
    expect(replay.token).toBeUndefined();
    expect(replay.reason).toBe('NONCE_INVALID');
  });

  it('when a launch used its login on instance 1, then the same post replayed on instance 2 is refused', async () => {
    const login = await beginLogin(one);
    const cookie = `state${login.state}`;
    const kept = login.browser.cookies.get(cookie) ?? '';
    const token = await signWithSandboxKey(one, login.claims);
    expect((await postLaunch(one, login, token)).token).toBeTruthy();
    // The captured request again, its state cookie and all: the login's nonce record is used, on every instance.
    login.browser.cookies.set(cookie, kept);
    const replay = await postLaunch(two, login, token);
    expect(replay.token).toBeUndefined();
    expect(replay.reason).toBe('NONCE_INVALID');
  });

  it('when both instances started on an empty database at once, then the schema was migrated exactly once', async () => {
    const rows = await one.database.db
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => (r as { name: string }).name)).size).toBe(rows.length);
  });
});
