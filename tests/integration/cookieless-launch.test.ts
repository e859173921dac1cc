import { describe, expect, it } from 'vitest';
import { CLAIM } from '../../shared/lti';
import {
  beginCookielessLogin,
  beginLogin,
  postCookielessLaunch,
  postLaunch,
  signWithSandboxKey,
  signWithStrangerKey,
  storageConfigOf,
} from '../support/server/forged-launch';
import { useLoggedServer } from '../support/server/launch-server';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
const { sessionCount, refusedWith } = useLoggedServer((s) => {
  server = s;
});

describe('a login from an LMS that offers platform storage', () => {
  it('when the login names an lti_storage_target, then the tool answers with the storage page that keeps a binding with the LMS', async () => {
    const login = await beginCookielessLogin(server);
    expect(login.loginStatus).toBe(200);
    expect(login.loginHtml).toContain('Opening Tasting Menu');
    const storage = login.storage!;
    expect(storage.target).toBe('post_message_forwarding');
    // Messages go to the platform's origin: that of its OIDC authorization endpoint.
    expect(storage.origin).toBe(new URL(server.sandbox!.registration.authUrl).origin);
    const next = new URL(storage.next);
    expect(`${next.origin}${next.pathname}`).toBe(server.sandbox!.registration.authUrl);
    expect(login.state).toMatch(/^[0-9a-f]{50}$/);
    expect(login.nonce).not.toBe('');
    expect(storage.key).toBe(`tasting_menu_state_${login.state}`);
    expect(storage.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The binding secret is not the state, and only its hash is kept.
    expect(storage.value).not.toBe(login.state);
    const row = await server.database.db
      .withTables<{ lti_storage_bindings: { state: string; binding_hash: string } }>()
      .selectFrom('lti_storage_bindings')
      .selectAll()
      .where('state', '=', login.state)
      .executeTakeFirstOrThrow();
    expect(row.binding_hash).not.toContain(storage.value);
    // The nonce is checked against the login's own record (lti_launch_nonces), which keeps only its hash.
    expect(Object.values(row)).not.toContain(login.nonce);
    // The state cookie is still set: a browser that keeps it (a new window) launches the classic way.
    expect(login.setCookies.some((c) => c.startsWith(`state${login.state}=`))).toBe(true);
  });

  it('when the browser reads Spanish, then the storage page is in Spanish, its fallback line too', async () => {
    const login = await beginCookielessLogin(server, { language: 'es-MX,es;q=0.9' });
    expect(login.loginStatus).toBe(200);
    expect(login.loginHtml).toContain('<html lang="es">');
    expect(login.loginHtml).toContain('<h1>Abriendo Tasting Menu…</h1>');
    expect(login.loginHtml).toContain('Guardando la comprobación del inicio en tu LMS…');
    expect(login.loginHtml).toContain('Continuar a tu LMS');
    expect(storageConfigOf(login.loginHtml)?.noStorage).toBe(
      'Tu LMS no guarda datos del inicio; seguimos con una cookie…',
    );
  });

  it('when the login names a frame name we do not accept, then it is answered as a cookie login', async () => {
    const login = await beginCookielessLogin(server, { target: '<script>' });
    expect(login.loginStatus).toBe(302);
    expect(login.storage).toBeUndefined();
  });
});

describe('the launch of a cookieless login', () => {
  it('when the state cookie is missing and the LMS hands back the kept value, then the launch completes with a session', async () => {
    const before = await sessionCount();
    const login = await beginCookielessLogin(server);
    const result = await postCookielessLaunch(
      server,
      login,
      await signWithSandboxKey(server, login.claims),
      login.storage!.value,
    );
    // The first answer is the page that asks the LMS, posting back to the launch URL.
    expect(storageConfigOf(result.loadHtml)).toEqual({
      mode: 'load',
      origin: login.storage!.origin,
      target: 'post_message_forwarding',
      key: login.storage!.key,
    });
    expect(result.loadForm?.action).toBe('/lti/launch');
    expect(result.loadForm?.fields.state).toBe(login.state);
    expect(result.token).toBeTruthy();
    expect(await sessionCount()).toBe(before + 1);
    const me = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${decodeURIComponent(result.token!)}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { person: { name: string } }).person.name).toBe('Ana Rivera');
  });

  it('when the launch link carried a query (a deep-linked strategy), then it survives the cookieless launch', async () => {
    const login = await beginCookielessLogin(server, {
      targetLinkUri: `${server.sandbox!.launchUrl}?strategy=strategy-123`,
    });
    const result = await postCookielessLaunch(
      server,
      login,
      await signWithSandboxKey(server, login.claims),
      login.storage!.value,
    );
    expect(result.location).toMatch(/#session=[^&]+&strategy=strategy-123$/);
  });

  const refusals: Array<{ name: string; reason: string; value: (real: string) => string }> = [
    { name: 'a wrong kept value', reason: 'STORAGE_VALUE_MISMATCH', value: (v) => `${v.slice(0, -1)}x` },
    { name: 'no kept value (the LMS answered nothing)', reason: 'STORAGE_VALUE_MISSING', value: () => '' },
    { name: 'a very long kept value', reason: 'STORAGE_VALUE_MISMATCH', value: (v) => v.repeat(10) },
  ];
  for (const c of refusals) {
    it(`when the launch page posts ${c.name}, then it is refused with ${c.reason}, logged, and no session is created`, async () => {
      const before = await sessionCount();
      const login = await beginCookielessLogin(server);
      const result = await postCookielessLaunch(
        server,
        login,
        await signWithSandboxKey(server, login.claims),
        c.value(login.storage!.value),
      );
      expect(result.token).toBeUndefined();
      expect(result.status).toBe(401);
      expect(result.reason).toBe(c.reason);
      expect(result.html).toContain('Tasting Menu could not open');
      expect(await sessionCount()).toBe(before);
      expect(refusedWith(c.reason)).toBe(true);
    });
  }

  it('when a used binding value is posted again, then it is refused as used and no second session is created', async () => {
    const login = await beginCookielessLogin(server);
    const idToken = await signWithSandboxKey(server, login.claims);
    const first = await postCookielessLaunch(server, login, idToken, login.storage!.value);
    expect(first.token).toBeTruthy();
    const before = await sessionCount();
    // Replayed as the launch page would post it…
    const replay = await login.browser.follow(`${server.url}/lti/launch`, {
      method: 'POST',
      form: { ...first.loadForm!.fields, lti_storage_value: login.storage!.value },
    });
    expect(replay.status).toBe(401);
    expect(/<code data-reason>([A-Z_]+)<\/code>/.exec(replay.html)?.[1]).toBe('STORAGE_BINDING_USED');
    // …and as the platform's post that started it.
    const again = await postCookielessLaunch(server, login, idToken, login.storage!.value);
    expect(again.reason).toBe('STORAGE_BINDING_USED');
    expect(await sessionCount()).toBe(before);
  });

  it('when a wrong value was tried once, then the right value no longer opens it (a guess burns the binding)', async () => {
    const login = await beginCookielessLogin(server);
    const idToken = await signWithSandboxKey(server, login.claims);
    expect((await postCookielessLaunch(server, login, idToken, 'guess')).reason).toBe(
      'STORAGE_VALUE_MISMATCH',
    );
    const second = await login.browser.follow(`${server.url}/lti/launch`, {
      method: 'POST',
      form: {
        id_token: idToken,
        state: login.state,
        lti_storage: '1',
        lti_storage_value: login.storage!.value,
      },
    });
    expect(/<code data-reason>([A-Z_]+)<\/code>/.exec(second.html)?.[1]).toBe('STORAGE_BINDING_USED');
  });

  it('when the id_token carries the nonce of another login, then it is refused with NONCE_INVALID', async () => {
    const before = await sessionCount();
    const login = await beginCookielessLogin(server);
    const other = await beginCookielessLogin(server);
    const result = await postCookielessLaunch(
      server,
      login,
      await signWithSandboxKey(server, { ...login.claims, nonce: other.nonce }),
      login.storage!.value,
    );
    expect(result.reason).toBe('NONCE_INVALID');
    expect(await sessionCount()).toBe(before);
  });

  it('when a post claims a storage launch for a state no login started, then it is refused with STORAGE_STATE_UNKNOWN', async () => {
    const login = await beginCookielessLogin(server);
    const result = await login.browser.follow(`${server.url}/lti/launch`, {
      method: 'POST',
      form: {
        id_token: await signWithSandboxKey(server, login.claims),
        state: 'f'.repeat(50),
        lti_storage: '1',
        lti_storage_value: login.storage!.value,
      },
    });
    expect(result.status).toBe(401);
    expect(/<code data-reason>([A-Z_]+)<\/code>/.exec(result.html)?.[1]).toBe('STORAGE_STATE_UNKNOWN');
  });

  // The binding stands in for the state cookie only: every other check still runs.
  const forged: Array<{
    name: string;
    reason: string;
    forge: (claims: Record<string, unknown>) => Promise<string>;
  }> = [
    {
      name: 'a key the platform never published',
      reason: 'SIGNATURE_INVALID',
      forge: (c) => signWithStrangerKey(c),
    },
    {
      name: 'an unknown deployment_id',
      reason: 'DEPLOYMENT_UNKNOWN',
      forge: (c) => signWithSandboxKey(server, { ...c, [CLAIM.deploymentId]: 'another-school' }),
    },
    {
      name: 'an iat too long ago',
      reason: 'TOKEN_TOO_OLD',
      forge: (c) => signWithSandboxKey(server, { ...c, iat: Math.floor(Date.now() / 1000) - 120 }),
    },
    {
      name: 'a wrong iss',
      reason: 'PLATFORM_UNKNOWN',
      forge: (c) => signWithSandboxKey(server, { ...c, iss: 'https://lms.attacker.example' }),
    },
  ];
  for (const c of forged) {
    it(`when the id_token has ${c.name} and the kept value is right, then it is still refused with ${c.reason}`, async () => {
      const before = await sessionCount();
      const login = await beginCookielessLogin(server);
      const result = await postCookielessLaunch(
        server,
        login,
        await c.forge(login.claims),
        login.storage!.value,
      );
      expect(result.token).toBeUndefined();
      expect(result.reason).toBe(c.reason);
      expect(await sessionCount()).toBe(before);
    });
  }

  it('when the used id_token comes back with a fresh cookieless login, then its nonce is refused', async () => {
    const first = await beginCookielessLogin(server);
    const token = await signWithSandboxKey(server, first.claims);
    expect((await postCookielessLaunch(server, first, token, first.storage!.value)).token).toBeTruthy();
    const second = await beginCookielessLogin(server);
    const replay = await postCookielessLaunch(server, second, token, second.storage!.value, second.state);
    expect(replay.token).toBeUndefined();
    // The nonce was issued with the first login's state, not this one.
    expect(replay.reason).toBe('NONCE_INVALID');
  });
});

describe('the cookie launch beside it', () => {
  it('when a storage login keeps its cookie (a new window), then the launch goes the classic way', async () => {
    const login = await beginCookielessLogin(server, { keepCookies: true });
    const result = await postLaunch(server, login, await signWithSandboxKey(server, login.claims));
    expect(result.token).toBeTruthy();
  });

  it('when a login without lti_storage_target loses its cookie, then the launch is refused with STATE_MISMATCH as before', async () => {
    const login = await beginLogin(server);
    login.browser.cookies.clear();
    const result = await postLaunch(server, login, await signWithSandboxKey(server, login.claims));
    expect(result.token).toBeUndefined();
    expect(result.reason).toBe('STATE_MISMATCH');
    expect(result.html).not.toContain('lti-storage-launch');
  });
});

describe('the sandbox LMS offers both modes', () => {
  it('when a person launches without cookies, then the sandbox hosts a post_message_forwarding frame and sends lti_storage_target', async () => {
    const base = `${server.url}/sandbox/courses/sandbox-course-7sci`;
    const course = await (await fetch(base)).text();
    expect(course).toContain('launch?user=sandbox-ana-rivera&amp;storage=1');
    const launch = await (await fetch(`${base}/launch?user=sandbox-ana-rivera&storage=1`)).text();
    expect(launch).toContain('name="post_message_forwarding"');
    expect(launch).toContain(`data-src="${server.sandbox!.issuer}/storage-frame"`);
    const initiate = await (await fetch(`${base}/initiate?user=sandbox-ana-rivera&storage=1`)).text();
    expect(initiate).toContain('name="lti_storage_target" value="post_message_forwarding"');
    const plain = await (await fetch(`${base}/initiate?user=sandbox-ana-rivera`)).text();
    expect(plain).not.toContain('lti_storage_target');
    const frame = await fetch(`${server.sandbox!.issuer}/storage-frame`);
    expect(frame.status).toBe(200);
    expect(await frame.text()).toContain('lti.get_data');
  });
});
