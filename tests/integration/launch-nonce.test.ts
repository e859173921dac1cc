import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startRetentionJob } from '../../lti-server/src/domain/retention-job';
import { createLogger } from '../../lti-server/src/logger';
import { MeSchema } from '../../shared/api';
import {
  beginCookielessLogin,
  beginLogin,
  postCookielessLaunch,
  postLaunch,
  signWithSandboxKey,
} from '../support/server/forged-launch';
import { useLoggedServer } from '../support/server/launch-server';
import type { TestServer } from '../support/server/test-server';

/**
 * The launch's nonce must be the one the tool sent with that launch's own login (IMS Security Framework §5.1.3),
 * once, on the cookie path and the cookieless one. Each attack below got a session (or another reason) before.
 */
let server: TestServer;
const { sessionCount, refusedWith } = useLoggedServer((s) => {
  server = s;
});
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
async function whoHas(token: string): Promise<string> {
  const res = await fetch(`${server.url}/api/me`, {
    headers: { authorization: `Bearer ${decodeURIComponent(token)}` },
  });
  return MeSchema.parse(await res.json()).person.name;
}

describe('the nonce of a launch with its state cookie', () => {
  it('when the login is recorded, then only the hashes of its state and nonce are kept', async () => {
    const login = await beginLogin(server);
    const row = await server.database.db
      .selectFrom('lti_launch_nonces')
      .selectAll()
      .where('state_hash', '=', sha256(login.state))
      .executeTakeFirstOrThrow();
    expect(row.nonce_hash).toBe(sha256(login.nonce));
    expect(row.issuer).toBe(server.sandbox!.issuer);
    expect(row.used_at).toBeNull();
    expect(row.expires_at - row.created_at).toBe(10 * 60_000);
    expect(Object.values(row)).not.toContain(login.state);
    expect(Object.values(row)).not.toContain(login.nonce);
  });

  it('when the id_token has no nonce, then it is refused with NONCE_INVALID, logged, and no session is created', async () => {
    const before = await sessionCount();
    const login = await beginLogin(server);
    const result = await postLaunch(
      server,
      login,
      await signWithSandboxKey(server, { ...login.claims, nonce: undefined }),
    );
    expect(result.token).toBeUndefined();
    expect(result.status).toBe(401);
    expect(result.reason).toBe('NONCE_INVALID');
    expect(result.html).toContain('nonce check failed');
    expect(await sessionCount()).toBe(before);
    expect(refusedWith('NONCE_INVALID')).toBe(true);
  });

  it('when the id_token carries a nonce the tool never issued, then it is refused with NONCE_INVALID', async () => {
    const before = await sessionCount();
    const login = await beginLogin(server);
    const nonce = randomBytes(16).toString('hex');
    const result = await postLaunch(
      server,
      login,
      await signWithSandboxKey(server, { ...login.claims, nonce }),
    );
    expect(result.token).toBeUndefined();
    expect(result.reason).toBe('NONCE_INVALID');
    expect(await sessionCount()).toBe(before);
  });

  it("when a victim's unused id_token is posted in the attacker's own login flow, then it is refused and the victim's launch still works", async () => {
    const victim = await beginLogin(server, 'sandbox-ana-rivera');
    const victimToken = await signWithSandboxKey(server, victim.claims);
    const attacker = await beginLogin(server, 'sandbox-ben-okafor');
    const before = await sessionCount();
    // The attacker's browser, state and state cookie; the victim's token.
    const stolen = await postLaunch(server, attacker, victimToken);
    expect(stolen.token).toBeUndefined();
    expect(stolen.reason).toBe('NONCE_INVALID');
    expect(await sessionCount()).toBe(before);
    const own = await postLaunch(server, victim, victimToken);
    expect(own.reason).toBeUndefined();
    expect(await whoHas(own.token!)).toBe('Ana Rivera');
  });

  it('when a used id_token is replayed in a second login, then it is refused with NONCE_INVALID', async () => {
    const first = await beginLogin(server);
    const token = await signWithSandboxKey(server, first.claims);
    expect((await postLaunch(server, first, token)).token).toBeTruthy();
    const before = await sessionCount();
    const second = await beginLogin(server);
    const replay = await postLaunch(server, second, token);
    expect(replay.token).toBeUndefined();
    expect(replay.reason).toBe('NONCE_INVALID');
    expect(await sessionCount()).toBe(before);
  });

  it('when an id_token without a nonce is posted in one login and again in a second, then neither opens a session', async () => {
    const before = await sessionCount();
    const first = await beginLogin(server);
    const token = await signWithSandboxKey(server, { ...first.claims, nonce: undefined });
    const once = await postLaunch(server, first, token);
    const second = await beginLogin(server);
    const twice = await postLaunch(server, second, token);
    expect([once.reason, twice.reason]).toEqual(['NONCE_INVALID', 'NONCE_INVALID']);
    expect(await sessionCount()).toBe(before);
  });

  it('when the same post comes twice with its state cookie, then the second is refused: a login is used once', async () => {
    const login = await beginLogin(server);
    const cookie = `state${login.state}`;
    const kept = login.browser.cookies.get(cookie) ?? '';
    const token = await signWithSandboxKey(server, login.claims);
    expect((await postLaunch(server, login, token)).token).toBeTruthy();
    login.browser.cookies.set(cookie, kept);
    const replay = await postLaunch(server, login, token);
    expect(replay.token).toBeUndefined();
    expect(replay.reason).toBe('NONCE_INVALID');
  });

  it('when the login is older than its ten minutes, then its launch is refused with NONCE_INVALID', async () => {
    const login = await beginLogin(server);
    await server.database.db
      .updateTable('lti_launch_nonces')
      .set({ expires_at: Date.now() - 1 })
      .where('state_hash', '=', sha256(login.state))
      .execute();
    const result = await postLaunch(server, login, await signWithSandboxKey(server, login.claims));
    expect(result.token).toBeUndefined();
    expect(result.reason).toBe('NONCE_INVALID');
  });

  it('when a login has expired, then the retention job deletes its row and keeps the live ones', async () => {
    const expired = await beginLogin(server);
    const live = await beginLogin(server);
    const rowOf = (login: { state: string }) =>
      server.database.db
        .selectFrom('lti_launch_nonces')
        .select('state_hash')
        .where('state_hash', '=', sha256(login.state))
        .executeTakeFirst();
    await server.database.db
      .updateTable('lti_launch_nonces')
      .set({ expires_at: Date.now() - 1 })
      .where('state_hash', '=', sha256(expired.state))
      .execute();
    const job = startRetentionJob(server.database.db, server.database.kind, createLogger('silent'));
    await job.ready;
    job.stop();
    expect(await rowOf(expired)).toBeUndefined();
    expect(await rowOf(live)).toBeDefined();
  });

  it('when the state is posted as a list, then the launch is refused and its nonce is still checked', async () => {
    const login = await beginLogin(server);
    const token = await signWithSandboxKey(server, { ...login.claims, nonce: 'never-issued' });
    // A JSON body can name the state cookie `state${['…']}` without being a string.
    const res = await fetch(`${server.url}/lti/launch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: [...login.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: JSON.stringify({ id_token: token, state: [login.state] }),
      redirect: 'manual',
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('<code data-reason>NONCE_INVALID</code>');
  });
});

describe('the nonce of a cookieless launch', () => {
  it('when the id_token carries a nonce the tool never issued and the kept value is right, then it is refused with NONCE_INVALID', async () => {
    const before = await sessionCount();
    const login = await beginCookielessLogin(server);
    const result = await postCookielessLaunch(
      server,
      login,
      await signWithSandboxKey(server, { ...login.claims, nonce: randomBytes(16).toString('hex') }),
      login.storage!.value,
    );
    expect(result.token).toBeUndefined();
    expect(result.reason).toBe('NONCE_INVALID');
    expect(await sessionCount()).toBe(before);
    expect(refusedWith('NONCE_INVALID')).toBe(true);
  });

  it('when the id_token has no nonce and the kept value is right, then it is refused with NONCE_INVALID', async () => {
    const login = await beginCookielessLogin(server);
    const result = await postCookielessLaunch(
      server,
      login,
      await signWithSandboxKey(server, { ...login.claims, nonce: undefined }),
      login.storage!.value,
    );
    expect(result.token).toBeUndefined();
    expect(result.reason).toBe('NONCE_INVALID');
  });
});

describe('the target_link_uri of a login', () => {
  const login = (target: string | undefined) =>
    fetch(`${server.url}/lti/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        iss: server.sandbox!.issuer,
        login_hint: 'sandbox-ana-rivera',
        client_id: server.sandbox!.clientId,
        lti_deployment_id: server.sandbox!.deploymentId,
        ...(target === undefined ? {} : { target_link_uri: target }),
      }),
      redirect: 'manual',
    });

  const foreign = () => [
    'https://evil.example/steal',
    'https://evil.example/lti/launch',
    `${server.url}/steal`,
    `${server.url}/app/`,
    `${server.url}/lti/launch/../../steal`,
    `${server.url}/lti/launch#frag`,
    `${server.url.replace('http://', 'http://evil.example@')}/lti/launch`,
    `${server.url.replace('http://', 'https://')}/lti/launch`,
    '/lti/launch',
  ];

  it('when it is not the tool launch URL, then the login is refused with TARGET_LINK_INVALID before any redirect', async () => {
    for (const target of foreign()) {
      const res = await login(target);
      const html = await res.text();
      expect({ target, status: res.status, location: res.headers.get('location') }).toEqual({
        target,
        status: 400,
        location: null,
      });
      expect(html).toContain('<code data-reason>TARGET_LINK_INVALID</code>');
      expect(html).toContain(`${server.url}/lti/launch`);
      // No login was started: no state cookie, no nonce recorded.
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    expect(refusedWith('TARGET_LINK_INVALID')).toBe(true);
  });

  it('when it is missing, then the login is refused with TARGET_LINK_INVALID', async () => {
    const res = await login(undefined);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<code data-reason>TARGET_LINK_INVALID</code>');
  });

  it('when it is the launch URL, with or without a query, then the platform is asked to post there', async () => {
    for (const target of [`${server.url}/lti/launch`, `${server.url}/lti/launch?strategy=abc`]) {
      const res = await login(target);
      expect(res.status).toBe(302);
      const auth = new URL(res.headers.get('location') ?? '');
      expect(auth.searchParams.get('redirect_uri')).toBe(`${server.url}/lti/launch`);
    }
  });

  it('when it is the server root (a Schoology app set up with its bare address), then the launch posted there opens a session', async () => {
    const before = await sessionCount();
    const root = await beginLogin(server, 'sandbox-ana-rivera', 'sandbox-course-7sci', `${server.url}/`);
    const launch = await postLaunch(
      server,
      root,
      await signWithSandboxKey(server, root.claims),
      root.state,
      '/',
    );
    expect(launch.reason).toBeUndefined();
    expect(launch.token).toBeDefined();
    expect(await whoHas(launch.token!)).toBe('Ana Rivera');
    expect(await sessionCount()).toBe(before + 1);
  });
});
