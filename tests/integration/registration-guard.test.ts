import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlatforms } from '../../lti-server/src/domain/platforms';
import { listPendingInvites } from '../../lti-server/src/domain/registration';
import { type FakeLms, launchFromLms, startFakeLms } from '../support/server/fake-lms';
import {
  inviteCode,
  registerThroughPage,
  registrationFormOf,
  registrationLinkFor,
} from '../support/server/registration';
import { startTestServer, type TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/**
 * The school takeover through /lti/register (issue 14): an attacker serves a configuration claiming a registered
 * issuer, registers with the school's client id, then launches with their own key as the school's staff. Each test
 * passes two of the three checks and proves the third refuses on its own: the configuration's origin, "registration
 * never changes a platform", and the operator's registration code.
 */
let server: TestServer;
let school: FakeLms;
let attacker: FakeLms;
const lmsServers: FakeLms[] = [];

async function fakeLms(clientId: string, deploymentId: string | undefined = `${clientId}-deployment`) {
  const lms = await startFakeLms(clientId, deploymentId);
  lmsServers.push(lms);
  return lms;
}

const platforms = () => listPlatforms(server.database.db, server.lti);
const platformOf = async (issuer: string, clientId: string) =>
  (await platforms()).find((p) => p.issuer === issuer && p.clientId === clientId);

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  school = await fakeLms('school-client', 'school-deployment');
  attacker = await fakeLms('attacker-client', 'attacker-deployment');
  // The school's LMS registered itself the intended way: its administrator typed the operator's code.
  const registered = await registerThroughPage(
    registrationLinkFor(server, school.configurationUrl),
    await inviteCode(server),
    '198.51.100.1',
  );
  expect(registered.status, registered.html).toBe(200);
}, 60_000);
afterAll(async () => {
  await Promise.all(lmsServers.map((l) => l.close()));
});

describe('registration guard: a configuration must come from its issuer’s own origin', () => {
  it('when a configuration claims an issuer its address only starts with, then it is refused even with a valid code', async () => {
    // The exact analogue of `https://canvas.instructure.com.attacker.example` passing for `https://canvas.instructure.com`:
    // the configuration at http://127.0.0.1:41234/… claims the issuer http://127.0.0.1:4123.
    const claimed = `http://127.0.0.1:${String(attacker.port).slice(0, -1)}`;
    attacker.config.issuer = claimed;
    const code = await inviteCode(server);
    const before = attacker.registrations.length;

    const res = await registerThroughPage(
      registrationLinkFor(server, attacker.configurationUrl),
      code,
      '198.51.100.2',
    );

    expect(res.status, res.html).toBe(400);
    expect(res.html).toContain('is not its own address');
    expect(attacker.registrations.length).toBe(before);
    expect((await platforms()).some((p) => p.issuer === claimed)).toBe(false);
    // The refusal did not use up the code.
    expect((await listPendingInvites(server.database.db, new Date())).length).toBeGreaterThan(0);
  });

  it('when the configuration is at another host or port of the same machine, then it is refused too', async () => {
    attacker.config.issuer = attacker.origin;
    const otherHost = attacker.configurationUrl.replace('127.0.0.1', 'localhost');
    const otherPort = `${school.origin}/.well-known/openid-configuration`;
    const code = await inviteCode(server);
    for (const [url, issuer] of [
      [otherHost, attacker.origin],
      [otherPort, attacker.origin],
    ] as const) {
      school.config.issuer = issuer;
      const res = await registerThroughPage(registrationLinkFor(server, url), code, '198.51.100.3');
      expect(res.status, `${url}: ${res.html}`).toBe(400);
      expect(res.html).toContain('is not its own address');
    }
    school.config.issuer = school.origin;
    expect((await platforms()).some((p) => p.issuer === attacker.origin)).toBe(false);
  });
});

describe('registration guard: registration never changes a platform', () => {
  it('when a registration names the issuer and client id of a registered school, then it is refused, the school keeps its addresses and still launches', async () => {
    const before = await platformOf(school.origin, 'school-client');
    expect(before).toBeDefined();
    // As if the attacker passed the origin check: the school's address now serves the attacker's key set and
    // login address, and its registration endpoint hands back the school's client id.
    const original = { ...school.config };
    Object.assign(school.config, { authUrl: `${attacker.origin}/auth`, jwksUrl: `${attacker.origin}/jwks` });
    try {
      const res = await registerThroughPage(
        registrationLinkFor(server, school.configurationUrl),
        await inviteCode(server),
        '198.51.100.4',
      );
      // Soft: with the check gone, the test goes on to show what the takeover does to the school.
      expect.soft(res.status, res.html).toBe(409);
      expect.soft(res.html).toContain('already registered');
    } finally {
      Object.assign(school.config, original);
    }

    const after = await platformOf(school.origin, 'school-client');
    expect.soft(after).toEqual(before);
    expect.soft(after).toMatchObject({ authUrl: `${school.origin}/auth`, jwksUrl: `${school.origin}/jwks` });
    const ids = { clientId: 'school-client', deploymentId: 'school-deployment' };
    const forged = await launchFromLms(server, { issuer: school.origin }, ids, attacker);
    expect(forged.token).toBeUndefined();
    const real = await launchFromLms(server, { issuer: school.origin }, ids, school);
    expect(real.reason).toBeUndefined();
    expect(real.token).toBeTruthy();
  });
});

describe('registration guard: the registration code', () => {
  it('when the LMS opens the registration link, then the page says what will be registered, asks for a code and registers nothing', async () => {
    const lms = await fakeLms('no-code-client');
    const res = await fetch(registrationLinkFor(server, lms.configurationUrl), {
      headers: { 'x-forwarded-for': '198.51.100.5' },
    });
    const html = await res.text();
    expect(res.status, html).toBe(200);
    expect(html).toContain(lms.origin);
    expect(html).toContain('<label for="code">Registration code</label>');
    expect(registrationFormOf(html)).toMatchObject({
      action: `${server.url}/lti/register`,
      fields: { openid_configuration: lms.configurationUrl, registration_token: 'lms-registration-token' },
      asksForCode: true,
    });
    expect(html).not.toContain('<script');
    expect(lms.seen).toEqual([]);
    expect(await platformOf(lms.origin, 'no-code-client')).toBeUndefined();
  });

  it('when the code is missing, mistyped, used or expired, then nothing is registered, the LMS is not asked, and the form asks again', async () => {
    const lms = await fakeLms('guarded-client');
    const link = registrationLinkFor(server, lms.configurationUrl);
    const used = await inviteCode(server);
    const elsewhere = await fakeLms('first-client');
    expect(
      (
        await registerThroughPage(
          registrationLinkFor(server, elsewhere.configurationUrl),
          used,
          '198.51.100.6',
        )
      ).status,
    ).toBe(200);
    const expired = await inviteCode(server, new Date(Date.now() - 2 * 3_600_000), 3_600_000);

    for (const [code, message] of [
      [undefined, 'Enter the registration code'],
      ['', 'Enter the registration code'],
      ['AAAA-BBBB-CCCC-DDDD', 'This registration code is not valid'],
      [used, 'This registration code is not valid'],
      [expired, 'This registration code is not valid'],
    ] as const) {
      const res = await registerThroughPage(link, code, '198.51.100.7');
      expect(res.status, `${code}: ${res.html}`).toBe(401);
      expect(res.html).toContain(message);
      expect(registrationFormOf(res.html)?.asksForCode).toBe(true);
    }
    expect(lms.seen).toEqual([]);
    expect(await platformOf(lms.origin, 'guarded-client')).toBeUndefined();

    // None of that used anything up: a fresh code, typed the way people type, registers.
    const fresh = (await inviteCode(server)).toLowerCase().replaceAll('-', ' ');
    const res = await registerThroughPage(link, fresh, '198.51.100.8');
    expect(res.status, res.html).toBe(200);
    expect(await platformOf(lms.origin, 'guarded-client')).toBeDefined();
  });

  it('when a code has registered one LMS, then it does not register a second', async () => {
    const code = await inviteCode(server);
    const first = await fakeLms('once-client-1');
    const second = await fakeLms('once-client-2');
    expect(
      (await registerThroughPage(registrationLinkFor(server, first.configurationUrl), code, '198.51.100.9'))
        .status,
    ).toBe(200);
    const again = await registerThroughPage(
      registrationLinkFor(server, second.configurationUrl),
      code,
      '198.51.100.9',
    );
    expect(again.status).toBe(401);
    expect(await platformOf(second.origin, 'once-client-2')).toBeUndefined();
  });
});

describe('registration guard: REGISTRATION=open', () => {
  let open: TestServer;
  beforeAll(async () => {
    open = await startTestServer({ config: { registration: 'open' } });
  }, 60_000);
  afterAll(async () => {
    await open?.close();
  });

  it('when registration is open, then the page asks for no code and Register registers', async () => {
    const lms = await fakeLms('open-client');
    const link = registrationLinkFor(open, lms.configurationUrl);
    const page = await fetch(link);
    const form = registrationFormOf(await page.text());
    expect(form?.asksForCode).toBe(false);
    const res = await registerThroughPage(link, undefined, '198.51.100.10');
    expect(res.status, res.html).toBe(200);
    expect(
      (await listPlatforms(open.database.db, open.lti)).some(
        (p) => p.issuer === lms.origin && p.clientId === 'open-client',
      ),
    ).toBe(true);
  });
});
