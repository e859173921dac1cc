import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlatforms } from '../../lti-server/src/domain/platforms';
import { MeSchema } from '../../shared/api';
import { RosterSchema } from '../../shared/roster';
import { apiClient } from '../support/server/api-client';
import { platformCliOn } from '../support/server/platform-cli';
import {
  launchFromSchoology,
  SCHOOLOGY_PEOPLE,
  SCHOOLOGY_ROSTER,
  type SchoologyPerson,
  type SchoologyPlatform,
  startSchoologyPlatform,
} from '../support/server/schoology-platform';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
let schoology: SchoologyPlatform;
let added: { code: number; out: string };

const platformCli = (...args: string[]) => platformCliOn(server, ...args);

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  // The app's form in Schoology, filled in as docs/lms/schoology.md says.
  schoology = await startSchoologyPlatform({
    domainUrl: `${server.url}/lti/launch`,
    loginUrl: `${server.url}/lti/login`,
    redirectUrls: [`${server.url}/lti/launch`],
    jwksUrl: `${server.url}/lti/keys`,
  });
  // Step 4: the operator registers Schoology with the ids the admin copied from it.
  added = await platformCli(
    'add',
    '--issuer',
    schoology.issuer,
    '--client-id',
    schoology.clientId,
    '--name',
    'Schoology',
    '--auth-url',
    schoology.authUrl,
    '--token-url',
    schoology.tokenUrl,
    '--jwks-url',
    schoology.jwksUrl,
    '--deployment',
    schoology.deploymentId,
  );
}, 60_000);
afterAll(async () => {
  await schoology?.close();
});

async function launchAs(who: SchoologyPerson) {
  const launch = await launchFromSchoology(schoology, who);
  const api = launch.token ? apiClient(server, launch.token) : undefined;
  const me = api ? MeSchema.parse((await api.get('/api/me')).body) : undefined;
  return { ...launch, api, me };
}

const personRow = (who: SchoologyPerson) =>
  server.database.db
    .selectFrom('people')
    .selectAll()
    .where('subject', '=', schoology.subjectOf(who))
    .executeTakeFirst();

describe('a Schoology-shaped platform', () => {
  it('when the operator registers Schoology from the command line, then the platform and its deployment are known', async () => {
    expect(added.code, added.out).toBe(0);
    expect(
      (await listPlatforms(server.database.db, server.lti)).find((p) => p.issuer === schoology.issuer),
    ).toMatchObject({
      clientId: schoology.clientId,
      deploymentIds: [schoology.deploymentId],
      deploymentPolicy: 'registered',
    });
  });

  it('when a teacher opens the tool from a section, then they are a teacher and no platform storage was asked for', async () => {
    const launch = await launchAs(SCHOOLOGY_PEOPLE.teacher);
    expect(launch.reason, launch.html).toBeUndefined();
    expect(launch.me?.person.role).toBe('teacher');
    expect(schoology.logins.at(-1)).not.toHaveProperty('lti_storage_target');
    expect(await personRow(SCHOOLOGY_PEOPLE.teacher)).toMatchObject({ name: 'Tomas Reyes' });
  });

  it('when the app was set up with the bare server address, then Schoology posts the launch to / and it works', async () => {
    schoology.app = { ...schoology.app, domainUrl: server.url, redirectUrls: [server.url] };
    try {
      const launch = await launchAs(SCHOOLOGY_PEOPLE.teacher);
      expect(launch.steps.map((s) => `${s.method} ${new URL(s.url).pathname}`)).toContain('POST /');
      expect(launch.reason, launch.html).toBeUndefined();
      expect(launch.me?.person.role).toBe('teacher');
    } finally {
      schoology.app = {
        ...schoology.app,
        domainUrl: `${server.url}/lti/launch`,
        redirectUrls: [`${server.url}/lti/launch`],
      };
    }
  });

  it('when a learner launches, then they are refused with a page and nothing is stored', async () => {
    const launch = await launchAs(SCHOOLOGY_PEOPLE.learner);
    expect(launch.token).toBeUndefined();
    expect(launch.status).toBe(403);
    expect(await personRow(SCHOOLOGY_PEOPLE.learner)).toBeUndefined();
  });

  it('when the operator names administrators as coaches, then an administrator who teaches becomes a coach at the next launch', async () => {
    expect((await launchAs(SCHOOLOGY_PEOPLE.adminTeacher)).me?.person.role).toBe('teacher');
    const alone = await launchAs(SCHOOLOGY_PEOPLE.admin);
    expect(alone.status).toBe(403);
    expect(alone.html).toContain('no role in this one');

    const key = [
      '--issuer',
      schoology.issuer,
      '--client-id',
      schoology.clientId,
      '--deployment',
      schoology.deploymentId,
    ];
    const set = await platformCli('coach-roles', ...key, '--role', 'institution#Administrator');
    expect(set.code, set.out).toBe(0);
    expect(set.out).toContain('institution#Administrator (Any school or district administrator)');

    expect((await launchAs(SCHOOLOGY_PEOPLE.adminTeacher)).me?.person.role).toBe('coach');
    expect((await launchAs(SCHOOLOGY_PEOPLE.teacher)).me?.person.role).toBe('teacher');
    // "Any school or district administrator" means what it says: with no role in the section too (as in Canvas).
    expect((await launchAs(SCHOOLOGY_PEOPLE.admin)).me?.person.role).toBe('coach');

    // Course administrators only: the administrator who teaches stays a coach, the one with no course role is refused.
    expect((await platformCli('coach-roles', ...key, '--role', 'membership#Administrator')).code).toBe(0);
    expect((await launchAs(SCHOOLOGY_PEOPLE.adminTeacher)).me?.person.role).toBe('coach');
    expect((await launchAs(SCHOOLOGY_PEOPLE.admin)).status).toBe(403);
  });

  it('when a coach reads the roster, then all 232 members are read over 3 pages of at most 100 and only staff are kept', async () => {
    const coach = await launchAs(SCHOOLOGY_PEOPLE.adminTeacher);
    schoology.platform.served.pages.length = 0;
    const res = await coach.api!.get('/api/roster');
    expect(res.status).toBe(200);
    const roster = RosterSchema.parse(res.body);
    expect(schoology.platform.served.pages).toEqual([
      { limit: 100, offset: 0, count: 100 },
      { limit: 100, offset: 100, count: 100 },
      { limit: 100, offset: 200, count: 32 },
    ]);
    const staff = SCHOOLOGY_ROSTER.filter((m) => m.roles.some((r) => r.endsWith('#Instructor')));
    expect(staff).toHaveLength(25);
    expect(roster.colleagues.map((c) => c.name).sort()).toEqual(staff.map((m) => m.name).sort());
    const names = (await server.database.db.selectFrom('people').select('name').execute()).map((p) => p.name);
    expect(names).toContain('Staff220 Member'); // from the last page
    expect(names.filter((n) => n.startsWith('Pupil'))).toEqual([]);
  });
});
