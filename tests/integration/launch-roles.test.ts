import { describe, expect, it } from 'vitest';
import { MeSchema } from '../../shared/api';
import { CLAIM } from '../../shared/lti';
import { CANVAS_ROLES } from '../fixtures/canvas-roles';
import { apiClient, launchAs } from '../support/server/api-client';
import { beginLogin, postLaunch, signWithSandboxKey } from '../support/server/forged-launch';
import { platformCliOn } from '../support/server/platform-cli';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});
/**
 * A launch through the sandbox LMS (real OIDC login, id_token signed with the platform's key) as a person with the
 * given subject, whose roles and other claims are as Canvas would send them.
 */
async function launchAsCanvas(subject: string, changes: Record<string, unknown>) {
  const login = await beginLogin(server, 'sandbox-ana-rivera');
  const claims = { ...login.claims, sub: subject, name: subject, ...changes };
  const result = await postLaunch(server, login, await signWithSandboxKey(server, claims));
  const token = result.token ? decodeURIComponent(result.token) : undefined;
  const me = token ? MeSchema.parse((await apiClient(server, token).get('/api/me')).body) : undefined;
  return { ...result, me };
}

const stored = (subject: string) =>
  server.database.db.selectFrom('people').selectAll().where('subject', '=', subject).executeTakeFirst();

describe('roles from Canvas launches, with the default settings', () => {
  it.each([
    ['teacher', 'teacher'],
    ['ta', 'teacher'],
    ['designer', 'coach'],
    ['teacherWhoIsAccountAdmin', 'teacher'],
  ] as const)('when a Canvas %s launches, then they are a %s', async (who, role) => {
    const launch = await launchAsCanvas(`canvas-${who}`, { [CLAIM.roles]: CANVAS_ROLES[who] });
    expect(launch.me?.person.role).toBe(role);
  });

  it.each(['accountAdmin', 'subAccountAdmin', 'customAccountRole', 'siteAdmin'] as const)(
    'when a Canvas %s with no role in the course launches, then a page says why and nothing is stored',
    async (who) => {
      const launch = await launchAsCanvas(`canvas-${who}`, { [CLAIM.roles]: CANVAS_ROLES[who] });
      expect(launch.token).toBeUndefined();
      expect(launch.status).toBe(403);
      expect(launch.html).toContain('no role in this one');
      expect(await stored(`canvas-${who}`)).toBeUndefined();
    },
  );

  it.each(['observer', 'student', 'testStudent'] as const)(
    'when a Canvas %s launches, then they are refused as students are',
    async (who) => {
      const launch = await launchAsCanvas(`canvas-${who}`, { [CLAIM.roles]: CANVAS_ROLES[who] });
      expect(launch.status).toBe(403);
      expect(launch.html).toContain('Students do not need to open it');
      expect(await stored(`canvas-${who}`)).toBeUndefined();
    },
  );

  it('when a teacher carries the coach claim (a Canvas role named Coach), then they are a coach', async () => {
    const launch = await launchAsCanvas('canvas-coach-role', {
      [CLAIM.roles]: CANVAS_ROLES.teacher,
      [CLAIM.custom]: { coach: 'TeacherEnrollment,Coach' },
    });
    expect(launch.me?.person.role).toBe('coach');
  });

  it('when a student or an account admin carries the coach claim, then it lets neither in', async () => {
    for (const who of ['student', 'customAccountRole'] as const) {
      const launch = await launchAsCanvas(`canvas-claim-${who}`, {
        [CLAIM.roles]: CANVAS_ROLES[who],
        [CLAIM.custom]: { coach: 'true' },
      });
      expect(launch.status).toBe(403);
      expect(await stored(`canvas-claim-${who}`)).toBeUndefined();
    }
  });
});

describe('roles from Canvas launches, with the settings a school chose', () => {
  it('when a coach adds school administrators, then account roles make coaches from the next launch', async () => {
    const dana = await launchAs(server, 'sandbox-dana-kim');
    const saved = await dana.put('/api/settings', {
      networkScope: 'course',
      coachRoles: ['membership#ContentDeveloper', 'custom#coach', 'institution#Administrator'],
    });
    expect(saved.status).toBe(200);
    const admin = await launchAsCanvas('canvas-chosen-admin', {
      [CLAIM.roles]: CANVAS_ROLES.customAccountRole,
    });
    expect(admin.me?.person.role).toBe('coach');
    await server.database.db.deleteFrom('tenant_settings').execute();
  });

  it('when a coach unticks the coach claim, then a teacher who carries it is a teacher', async () => {
    const dana = await launchAs(server, 'sandbox-dana-kim');
    await dana.put('/api/settings', { networkScope: 'course', coachRoles: ['membership#ContentDeveloper'] });
    const launch = await launchAsCanvas('canvas-unticked-claim', {
      [CLAIM.roles]: CANVAS_ROLES.teacher,
      [CLAIM.custom]: { coach: 'true' },
    });
    expect(launch.me?.person.role).toBe('teacher');
    await server.database.db.deleteFrom('tenant_settings').execute();
  });
});

describe('locale and time zone from a launch', () => {
  it('when Canvas sends the locale and the time zone, then they are stored and /api/me gives them', async () => {
    const launch = await launchAsCanvas('canvas-zoned', {
      [CLAIM.roles]: CANVAS_ROLES.teacher,
      [CLAIM.launchPresentation]: { document_target: 'iframe', locale: 'fr-ca' },
      [CLAIM.custom]: { timezone: 'America/Denver', coach: 'TeacherEnrollment' },
    });
    expect(launch.me?.person).toMatchObject({ role: 'teacher', locale: 'fr-CA', timeZone: 'America/Denver' });
    expect(await stored('canvas-zoned')).toMatchObject({ locale: 'fr-CA', time_zone: 'America/Denver' });
  });

  it('when the values are malformed, then the launch still works and the known values stay', async () => {
    const launch = await launchAsCanvas('canvas-zoned', {
      [CLAIM.roles]: CANVAS_ROLES.teacher,
      [CLAIM.launchPresentation]: { document_target: 'iframe', locale: 'not a locale!' },
      [CLAIM.custom]: { timezone: 'Mars/Olympus_Mons' },
    });
    expect(launch.me?.person).toMatchObject({ locale: 'fr-CA', timeZone: 'America/Denver' });
  });

  it('when the LMS substitutes no time zone, then the person has none and the browser decides', async () => {
    const launch = await launchAsCanvas('canvas-unzoned', {
      [CLAIM.roles]: CANVAS_ROLES.teacher,
      [CLAIM.custom]: { timezone: '$Person.address.timezone' },
    });
    expect(launch.token).toBeTruthy();
    expect(launch.me?.person.timeZone).toBeUndefined();
    expect(await stored('canvas-unzoned')).toMatchObject({ time_zone: null, locale: 'en-US' });
  });
});

describe('the OpenID Connect locale at the top of the id_token (ltijs #124: Blackboard’s launch presentation had none)', () => {
  /** The error a person gets for a strategy that is not there, in their language. */
  const missingStrategy = async (token: string) =>
    (
      await apiClient(server, token).get<{ error: { message: string } }>(
        '/api/strategies/00000000-0000-4000-8000-000000000000',
      )
    ).body.error.message;

  it('when the launch presentation has no locale and the top level says es-419, then the person is in Spanish', async () => {
    const launch = await launchAsCanvas('oidc-locale-only', {
      [CLAIM.roles]: CANVAS_ROLES.teacher,
      [CLAIM.launchPresentation]: { document_target: 'iframe' },
      locale: 'es-419',
    });
    expect(launch.me?.person).toMatchObject({ locale: 'es-419' });
    expect(launch.me?.person.language).toBeUndefined();
    expect(await stored('oidc-locale-only')).toMatchObject({ locale: 'es-419' });
    expect(await missingStrategy(decodeURIComponent(launch.token!))).toBe('No se encontró la estrategia.');
  });

  it('when both say a locale, then the launch presentation’s wins', async () => {
    const launch = await launchAsCanvas('oidc-locale-both', {
      [CLAIM.roles]: CANVAS_ROLES.teacher,
      [CLAIM.launchPresentation]: { document_target: 'iframe', locale: 'en-US' },
      locale: 'es-419',
    });
    expect(launch.me?.person.locale).toBe('en-US');
  });

  it('when the launch presentation’s locale is malformed, then the top-level one counts; a malformed one is dropped', async () => {
    const fallback = await launchAsCanvas('oidc-locale-fallback', {
      [CLAIM.roles]: CANVAS_ROLES.teacher,
      [CLAIM.launchPresentation]: { document_target: 'iframe', locale: 'not a locale!' },
      locale: 'es-mx',
    });
    expect(fallback.me?.person.locale).toBe('es-MX');
    const malformed = await launchAsCanvas('oidc-locale-malformed', {
      [CLAIM.roles]: CANVAS_ROLES.teacher,
      [CLAIM.launchPresentation]: { document_target: 'iframe' },
      locale: { language: 'es' },
    });
    expect(malformed.token).toBeTruthy();
    expect(malformed.me?.person.locale).toBeUndefined();
    expect(await stored('oidc-locale-malformed')).toMatchObject({ locale: null });
  });
});

describe('coach roles set by the operator', () => {
  // Last in this file: it changes the sandbox deployment's settings.
  it('when a school has no designer role (Schoology), then `npm run platform -- coach-roles` makes its admins who teach coaches', async () => {
    const before = await launchAsCanvas('schoology-admin', {
      [CLAIM.roles]: CANVAS_ROLES.teacherWhoIsAccountAdmin,
    });
    expect(before.me?.person.role).toBe('teacher');

    const sandbox = server.sandbox!;
    const key = [
      '--issuer',
      sandbox.issuer,
      '--client-id',
      sandbox.clientId,
      '--deployment',
      sandbox.deploymentId,
    ];
    const refused = await platformCliOn(server, 'coach-roles', ...key, '--role', 'no-such-role');
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('--role');
    const roles = ['--role', 'institution#Administrator', '--role', 'membership#ContentDeveloper'];
    expect((await platformCliOn(server, 'coach-roles', ...key, ...roles)).code).toBe(0);
    const shown = await platformCliOn(server, 'coach-roles', ...key);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('institution#Administrator (Any school or district administrator)');

    const after = await launchAsCanvas('schoology-admin', {
      [CLAIM.roles]: CANVAS_ROLES.teacherWhoIsAccountAdmin,
    });
    expect(after.me?.person.role).toBe('coach');
    // The choice is the school's: a plain teacher stays a teacher.
    const teacher = await launchAsCanvas('schoology-teacher', { [CLAIM.roles]: CANVAS_ROLES.teacher });
    expect(teacher.me?.person.role).toBe('teacher');
  });
});
