import { describe, expect, it } from 'vitest';
import { CLAIM } from '../../shared/lti';
import {
  beginLogin,
  postLaunch,
  signWithSandboxKey,
  signWithStrangerKey,
  unsignedToken,
} from '../support/server/forged-launch';
import { useLoggedServer } from '../support/server/launch-server';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
const { logLines, sessionCount } = useLoggedServer((s) => {
  server = s;
});

const now = () => Math.floor(Date.now() / 1000);

/** Each case forges one thing; everything else is a valid launch. */
const cases: Array<{
  name: string;
  reason: string;
  forge: (claims: Record<string, unknown>) => Promise<string> | string;
}> = [
  {
    name: 'a key the platform never published',
    reason: 'SIGNATURE_INVALID',
    forge: (c) => signWithStrangerKey(c),
  },
  { name: 'alg none', reason: 'ALG_NOT_ALLOWED', forge: (c) => unsignedToken(c) },
  {
    name: 'an expired exp',
    reason: 'TOKEN_EXPIRED',
    forge: (c) => signWithSandboxKey(server, { ...c, iat: now() - 3, exp: now() - 1 }),
  },
  {
    name: 'an iat in the future',
    reason: 'IAT_IN_FUTURE',
    forge: (c) => signWithSandboxKey(server, { ...c, iat: now() + 3600, exp: now() + 7200 }),
  },
  {
    name: 'an iat too long ago',
    reason: 'TOKEN_TOO_OLD',
    forge: (c) => signWithSandboxKey(server, { ...c, iat: now() - 120 }),
  },
  {
    name: 'a wrong aud',
    reason: 'PLATFORM_UNKNOWN',
    forge: (c) => signWithSandboxKey(server, { ...c, aud: 'some-other-tool', azp: undefined }),
  },
  {
    name: 'a wrong iss',
    reason: 'PLATFORM_UNKNOWN',
    forge: (c) => signWithSandboxKey(server, { ...c, iss: 'https://lms.attacker.example' }),
  },
  {
    name: 'an unknown deployment_id',
    reason: 'DEPLOYMENT_UNKNOWN',
    forge: (c) => signWithSandboxKey(server, { ...c, [CLAIM.deploymentId]: 'another-school' }),
  },
  {
    name: 'no deployment_id',
    reason: 'DEPLOYMENT_MISSING',
    forge: (c) => signWithSandboxKey(server, { ...c, [CLAIM.deploymentId]: undefined }),
  },
  {
    name: 'no message_type',
    reason: 'MESSAGE_TYPE_MISSING',
    forge: (c) => signWithSandboxKey(server, { ...c, [CLAIM.messageType]: undefined }),
  },
  {
    name: 'no version',
    reason: 'VERSION_INVALID',
    forge: (c) => signWithSandboxKey(server, { ...c, [CLAIM.version]: undefined }),
  },
];

describe('forged and broken launches', () => {
  it('when the launch is valid, then a session is created (the control case)', async () => {
    const login = await beginLogin(server);
    const result = await postLaunch(server, login, await signWithSandboxKey(server, login.claims));
    expect(result.token).toBeTruthy();
  });

  for (const c of cases) {
    it(`when the id_token has ${c.name}, then it is refused with ${c.reason}, logged, and no session is created`, async () => {
      const before = await sessionCount();
      const login = await beginLogin(server);
      const result = await postLaunch(server, login, await c.forge(login.claims));
      expect(result.token).toBeUndefined();
      expect(result.status).toBe(401);
      expect(result.reason).toBe(c.reason);
      expect(result.html).toContain('Tasting Menu could not open');
      expect(await sessionCount()).toBe(before);
      expect(logLines.some((l) => l.msg === 'lti launch refused' && l.reason === c.reason)).toBe(true);
    });
  }

  it('when a used id_token is replayed with a fresh login, then the nonce is refused', async () => {
    const first = await beginLogin(server);
    const token = await signWithSandboxKey(server, first.claims);
    expect((await postLaunch(server, first, token)).token).toBeTruthy();
    const before = await sessionCount();
    const second = await beginLogin(server);
    const replay = await postLaunch(server, second, token, second.state);
    expect(replay.token).toBeUndefined();
    // Its nonce was issued with the first login's state, not this one (launch-nonce.test.ts has the other cases).
    expect(replay.reason).toBe('NONCE_INVALID');
    expect(await sessionCount()).toBe(before);
  });

  it('when the state does not match the login, then the launch is refused', async () => {
    const login = await beginLogin(server);
    const result = await postLaunch(
      server,
      login,
      await signWithSandboxKey(server, login.claims),
      'not-the-state',
    );
    expect(result.token).toBeUndefined();
    expect(result.reason).toBe('STATE_MISMATCH');
  });

  it('when a Learner launches with a valid token, then they get the teachers-only page and no session', async () => {
    const before = await sessionCount();
    const login = await beginLogin(server, 'sandbox-sam-student');
    const result = await postLaunch(server, login, await signWithSandboxKey(server, login.claims));
    expect(result.status).toBe(403);
    expect(result.html).toContain('Tasting Menu is for teachers');
    expect(await sessionCount()).toBe(before);
    expect(logLines.some((l) => l.reason === 'ROLE_REFUSED')).toBe(true);
  });

  it('when a deployment is removed while the guard still remembers it, then the launch itself refuses it', async () => {
    const ok = await beginLogin(server);
    expect((await postLaunch(server, ok, await signWithSandboxKey(server, ok.claims))).token).toBeTruthy();
    const registration = server.sandbox!.registration;
    const db = server.database.db;
    const rows = await db
      .selectFrom('platform_deployments')
      .selectAll()
      .where('issuer', '=', registration.issuer)
      .where('client_id', '=', registration.clientId)
      .execute();
    await db
      .deleteFrom('platform_deployments')
      .where('issuer', '=', registration.issuer)
      .where('client_id', '=', registration.clientId)
      .execute();
    try {
      const before = await sessionCount();
      const login = await beginLogin(server);
      const result = await postLaunch(server, login, await signWithSandboxKey(server, login.claims));
      expect(result.token).toBeUndefined();
      expect(result.status).toBe(401);
      expect(result.reason).toBe('DEPLOYMENT_UNKNOWN');
      expect(await sessionCount()).toBe(before);
      expect(logLines.some((l) => l.msg === 'lti launch refused' && l.reason === 'DEPLOYMENT_UNKNOWN')).toBe(
        true,
      );
    } finally {
      await db.insertInto('platform_deployments').values(rows).execute();
    }
  });

  it('when the login names an unregistered platform, then it is refused with a clear page', async () => {
    const res = await fetch(`${server.url}/lti/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        iss: 'https://unknown-lms.example',
        login_hint: 'x',
        target_link_uri: `${server.url}/lti/launch`,
        client_id: 'nope',
      }),
      redirect: 'manual',
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('PLATFORM_UNKNOWN');
  });
});
