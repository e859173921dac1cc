import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlatforms } from '../../lti-server/src/domain/platforms';
import { MeSchema } from '../../shared/api';
import { RosterSchema } from '../../shared/roster';
import { apiClient } from '../support/server/api-client';
import {
  CANVAS_PEOPLE,
  CANVAS_ROSTER,
  type CanvasPerson,
  type CanvasPlatform,
  launchFromCanvas,
  startCanvasPlatform,
} from '../support/server/canvas-platform';
import { inviteCode, registerThroughPage, registrationLinkFor } from '../support/server/registration';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
let canvas: CanvasPlatform;
let registered: { status: number; html: string };
let deploymentId: string;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  canvas = await startCanvasPlatform();
  // The administrator pastes the tool's registration URL into Canvas; Canvas opens it with its own parameters.
  registered = await registerThroughPage(
    registrationLinkFor(server, canvas.configurationUrl, canvas.registrationToken),
    await inviteCode(server),
    '192.0.2.10',
  );
  deploymentId = canvas.install('account/1');
}, 60_000);
afterAll(async () => {
  await canvas?.close();
});

const platformRow = async (c: CanvasPlatform) =>
  (await listPlatforms(server.database.db, server.lti)).find((p) => p.issuer === c.issuer);
const personRow = (who: CanvasPerson) =>
  server.database.db.selectFrom('people').selectAll().where('subject', '=', who.ltiId).executeTakeFirst();

async function launchAs(who: CanvasPerson, options: { deploymentId?: string; cookies?: boolean } = {}) {
  const launch = await launchFromCanvas(server, canvas, {
    person: who,
    deploymentId: options.deploymentId ?? deploymentId,
    cookies: options.cookies,
  });
  const me = launch.token
    ? MeSchema.parse((await apiClient(server, decodeURIComponent(launch.token)).get('/api/me')).body)
    : undefined;
  return { ...launch, me };
}

describe('a Canvas-shaped platform', () => {
  it('when an administrator registers the tool from Canvas with a code, then Canvas has its configuration and the tool the platform', async () => {
    expect(registered.status, registered.html).toBe(200);
    expect(registered.html).toContain('Tasting Menu is registered');
    // The registration token went as a Bearer token on both requests, as Canvas requires.
    expect(canvas.seen.map((s) => `${s.method} ${s.path} ${s.authorization}`)).toEqual([
      `GET /api/lti/security/openid-configuration Bearer ${canvas.registrationToken}`,
      `POST /api/lti/registrations Bearer ${canvas.registrationToken}`,
    ]);
    // What Canvas made of the tool's configuration: the course menu link for staff, the editor button, link selection.
    expect(canvas.registration?.placements).toEqual([
      {
        placement: 'course_navigation',
        message_type: 'LtiResourceLinkRequest',
        target_link_uri: `${server.url}/lti/launch`,
        visibility: 'admins',
      },
      {
        placement: 'editor_button',
        message_type: 'LtiDeepLinkingRequest',
        target_link_uri: `${server.url}/lti/launch`,
      },
      {
        placement: 'link_selection',
        message_type: 'LtiDeepLinkingRequest',
        target_link_uri: `${server.url}/lti/launch`,
      },
    ]);
    expect(canvas.refusals).toEqual([]);
    expect(await platformRow(canvas)).toMatchObject({
      clientId: canvas.registration?.clientId,
      name: `canvas (${new URL(canvas.origin).host})`,
      authUrl: `${canvas.origin}/api/lti/authorize_redirect`,
      tokenUrl: `${canvas.origin}/login/oauth2/token`,
      jwksUrl: `${canvas.origin}/api/lti/security/jwks`,
      deploymentIds: [],
      deploymentPolicy: 'learn',
    });
  });

  it('when Canvas opens the registration page, then it shows where the configuration is read from but not the registration token', async () => {
    const page = await fetch(registrationLinkFor(server, canvas.configurationUrl, canvas.registrationToken), {
      headers: { 'x-forwarded-for': '192.0.2.12' },
    });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(`<code>${canvas.origin}/api/lti/security/openid-configuration</code>`);
    // The token travels only in the form's hidden fields, back to the tool; the page never shows it.
    const visible = html.replace(/<input type="hidden"[^>]*>/g, '');
    expect(visible).not.toContain(canvas.registrationToken);
    expect(html).toContain(`value="${canvas.registrationToken}"`);
  });

  it('when a teacher opens the tool from the course menu, then they are a teacher with their language and time zone, and the deployment is learned', async () => {
    const launch = await launchAs(CANVAS_PEOPLE.teacher);
    expect(launch.reason, launch.html).toBeUndefined();
    expect(launch.me?.person.role).toBe('teacher');
    // Canvas's login names its forwarding frame; the tool kept its binding there, at Canvas's own origin.
    expect(launch.storage).toMatchObject({
      mode: 'save',
      target: 'post_message_forwarding',
      origin: canvas.origin,
    });
    expect(await personRow(CANVAS_PEOPLE.teacher)).toMatchObject({
      name: 'Teresa Alvarez',
      locale: 'es',
      time_zone: 'America/Chicago',
    });
    expect((await platformRow(canvas))?.deploymentIds).toEqual([deploymentId]);
  });

  it('when a course designer launches, then they are a coach', async () => {
    const launch = await launchAs(CANVAS_PEOPLE.designer);
    expect(launch.me?.person.role).toBe('coach');
  });

  it('when a teacher whose Canvas role is named Coach launches, then $Canvas.membership.roles makes them a coach', async () => {
    const launch = await launchAs(CANVAS_PEOPLE.coachTeacher);
    expect(launch.me?.person.role).toBe('coach');
  });

  it('when an account admin with no role in the course launches, then a page says why and nothing is stored', async () => {
    const launch = await launchAs(CANVAS_PEOPLE.accountAdmin);
    expect(launch.token).toBeUndefined();
    expect(launch.status).toBe(403);
    expect(launch.html).toContain('no role in this one');
    expect(await personRow(CANVAS_PEOPLE.accountAdmin)).toBeUndefined();
  });

  it('when the key is installed in a second account, then its deployment is learned at its first verified launch', async () => {
    const second = canvas.install('account/1/sub_account/7');
    expect(second).toMatch(/^\d+:[0-9a-f]{40}$/);
    const launch = await launchAs(CANVAS_PEOPLE.teacher, { deploymentId: second });
    expect(launch.me?.person.role).toBe('teacher');
    expect((await platformRow(canvas))?.deploymentIds.sort()).toEqual([deploymentId, second].sort());
  });

  it('when the browser blocks the tool cookies in the Canvas frame, then the launch goes through platform storage', async () => {
    const launch = await launchAs(CANVAS_PEOPLE.designer, { cookies: false });
    expect(launch.usedStorage).toBe(true);
    expect(launch.reason, launch.html).toBeUndefined();
    expect(launch.me?.person.role).toBe('coach');
  });

  it('when a coach inserts a strategy from the editor button, then Canvas receives a link signed by the tool', async () => {
    const coach = await launchAs(CANVAS_PEOPLE.designer);
    const created = await apiClient(server, decodeURIComponent(coach.token!)).post('/api/strategies', {
      title: 'Cold call with wait time',
      purpose: 'Everyone thinks before anyone answers.',
      steps: ['Ask', 'Wait', 'Call'],
      minutes: 10,
      subject: 'Science',
      gradeBand: '6-8',
    });
    expect(created.status).toBe(201);
    const editor = await launchFromCanvas(server, canvas, {
      person: CANVAS_PEOPLE.designer,
      deploymentId,
      placement: 'editor_button',
    });
    expect(editor.pick, editor.html).toBeTruthy();
    const answer = await apiClient(server, decodeURIComponent(editor.token!)).post(
      `/api/deep-links/${editor.pick}`,
      {
        strategyId: created.body.id,
        as: 'link',
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.returnUrl).toMatch(new RegExp(`^${canvas.origin}/courses/\\d+/deep_linking_response`));
    const returned = await editor.browser.request(answer.body.returnUrl, { form: { JWT: answer.body.jwt } });
    expect(returned.status, await returned.text()).toBe(200);
    const items = canvas.deepLinks.at(-1)?.['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'];
    expect(items).toMatchObject([{ type: 'ltiResourceLink', title: 'Cold call with wait time' }]);
  });

  it('when a coach reads the roster, then every page of the Canvas roster (50 a page) is read and only staff are kept', async () => {
    const coach = await launchAs(CANVAS_PEOPLE.designer);
    canvas.platform.served.pages.length = 0;
    const res = await apiClient(server, decodeURIComponent(coach.token!)).get('/api/roster');
    expect(res.status).toBe(200);
    expect(canvas.platform.served.pages).toEqual([
      { limit: 50, offset: 0, count: 50 },
      { limit: 50, offset: 50, count: CANVAS_ROSTER.length - 50 },
    ]);
    expect(RosterSchema.parse(res.body).colleagues).toEqual([
      { name: 'Cora Lindqvist', role: 'coach' },
      { name: 'Dev Patel', role: 'coach' },
      { name: 'Hope Rogers', role: 'teacher' },
      { name: 'María José Pérez de la Cruz', role: 'teacher' },
      { name: 'Rosa Almquist', role: 'teacher' },
      { name: 'Teresa Alvarez', role: 'teacher' },
      { name: 'Will Brandt', role: 'teacher' },
    ]);
  });

  it('when Canvas refuses the registration (a scope it does not offer), then the page says so and nothing is stored', async () => {
    const strict = await startCanvasPlatform('Shelbyville Schools');
    try {
      strict.scopes = strict.scopes.filter((s) => !s.includes('lti-nrps'));
      const refused = await registerThroughPage(
        registrationLinkFor(server, strict.configurationUrl, strict.registrationToken),
        await inviteCode(server),
        '192.0.2.11',
      );
      expect(refused.html).toContain('Registration failed');
      expect(refused.html).toContain('422');
      expect(strict.refusals).toEqual([
        {
          errors: [
            {
              field: 'scopes',
              message:
                'Invalid scopes: https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
            },
          ],
        },
      ]);
      expect(await platformRow(strict)).toBeUndefined();
    } finally {
      await strict.close();
    }
  });
});
