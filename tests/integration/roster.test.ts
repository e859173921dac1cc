import { describe, expect, it } from 'vitest';
import { CLAIM } from '../../shared/lti';
import { RosterSchema } from '../../shared/roster';
import { apiClient, launchAs } from '../support/server/api-client';
import { beginLogin, postLaunch, signWithSandboxKey } from '../support/server/forged-launch';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});
describe('the course roster (Names and Roles)', () => {
  it('when a teacher asks for colleagues, then every page of the LMS roster is read and only staff come back', async () => {
    const ana = await launchAs(server, 'sandbox-ana-rivera');
    const res = await ana.get('/api/roster');
    expect(res.status).toBe(200);
    const roster = RosterSchema.parse(res.body);
    expect(roster.available).toBe(true);
    // Fourteen members over five pages of three; the student is dropped.
    expect(roster.colleagues).toHaveLength(13);
    expect(roster.colleagues.slice(0, 4)).toEqual([
      { name: 'Ana Rivera', role: 'teacher' },
      { name: 'Ben Okafor', role: 'teacher' },
      { name: 'Chloé Martin', role: 'teacher' },
      { name: 'Dana Kim', role: 'coach' },
    ]);
    expect(roster.colleagues.at(-1)).toEqual({ name: 'Noah Schmidt', role: 'teacher' });
    expect(roster.colleagues.map((c) => c.name)).not.toContain('Sam Student');
  });

  it('when the roster was read, then no student name was stored anywhere', async () => {
    await (await launchAs(server, 'sandbox-ben-okafor')).get('/api/roster');
    const db = server.database.db;
    const people = await db.selectFrom('people').select('name').execute();
    expect(people.map((p) => p.name)).not.toContain('Sam Student');
    // Staff on the roster are stored as people (for rounds) before they ever open the tool.
    expect(people.map((p) => p.name)).toContain('Maya Cohen');
    const tokens = await db.selectFrom('lti_accesstoken').select('doc').execute();
    expect(tokens.length).toBeGreaterThan(0); // the service token is cached (encrypted) …
    expect(JSON.stringify(tokens)).not.toContain('Sam');
  });

  it('when the menu is school-wide, then there is no single course roster and the answer says why', async () => {
    const dana = await launchAs(server, 'sandbox-dana-kim');
    await dana.put('/api/settings', {
      networkScope: 'deployment',
      coachRoles: ['institution#Administrator'],
    });
    const ben = await launchAs(server, 'sandbox-ben-okafor');
    const roster = RosterSchema.parse((await ben.get('/api/roster')).body);
    expect(roster).toMatchObject({ available: false, colleagues: [] });
    expect(roster.message).toContain('several courses');
    await dana.put('/api/settings', { networkScope: 'course', coachRoles: ['institution#Administrator'] });
  });

  it('when a coach by the coach claim is on the roster, then reading the roster leaves them a coach', async () => {
    await server.database.db.deleteFrom('tenant_settings').execute(); // the defaults: the coach claim counts
    const course = 'sandbox-course-9eng';
    const login = await beginLogin(server, 'sandbox-chloe-martin', course);
    const claims = { ...login.claims, [CLAIM.custom]: { coach: 'true' } };
    const launch = await postLaunch(server, login, await signWithSandboxKey(server, claims));
    const chloe = apiClient(server, decodeURIComponent(launch.token!));
    expect((await chloe.get('/api/settings')).status).toBe(200);
    // The roster says only Instructor for her: it must not turn her back into a teacher.
    const ben = await launchAs(server, 'sandbox-ben-okafor', { course });
    const roster = RosterSchema.parse((await ben.get('/api/roster')).body);
    expect(roster.colleagues).toContainEqual({ name: 'Chloé Martin', role: 'coach' });
    expect((await chloe.get('/api/settings')).status).toBe(200);
  });

  it('when a service token is asked for with a forged assertion, then the sandbox refuses it', async () => {
    const res = await fetch(`${server.sandbox!.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: 'e30.e30.x',
        scope: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
      }),
    });
    expect(res.status).toBe(401);
    const members = await fetch(`${server.sandbox!.issuer}/courses/sandbox-course-7sci/memberships`);
    expect(members.status).toBe(401);
  });
});
