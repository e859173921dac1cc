import { describe, expect, it } from 'vitest';
import { listPlatforms } from '../../lti-server/src/domain/platforms';
import { findSandboxCourse, findSandboxUser } from '../../lti-server/src/sandbox/roster';
import { registrationLink } from '../../lti-server/src/sandbox/routes';
import { CLAIM } from '../../shared/lti';
import { launchFromLms, startFakeLms } from '../support/server/fake-lms';
import { postLaunch, signWithSandboxKey } from '../support/server/forged-launch';
import { FormBrowser } from '../support/server/form-browser';
import { inviteCode, registerThroughPage, registrationLinkFor } from '../support/server/registration';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});
describe('LTI Dynamic Registration', () => {
  it('when the LMS opens the registration URL, then the tool registers and a launch with the new client id works', async () => {
    const { status, html } = await registerThroughPage(
      registrationLink(server.sandbox!),
      await inviteCode(server),
      '192.0.2.1',
    );
    expect(status, html).toBe(200);
    expect(html).toContain('Tasting Menu is registered');
    expect(html).toContain('recorded at their first launch');
    // The LMS is told the registration is over by a script file (no inline script).
    expect(html).toContain(`<script src="${server.url}/static/registration-close.js" defer></script>`);
    const close = await fetch(`${server.url}/static/registration-close.js`);
    expect(close.headers.get('content-type')).toMatch(/javascript/);
    expect(await close.text()).toContain("postMessage({ subject: 'org.imsglobal.lti.close' }, '*')");
    const platform = (await listPlatforms(server.database.db, server.lti)).find((p) =>
      p.clientId.startsWith('tasting-menu-dynreg-'),
    );
    expect(platform).toMatchObject({
      issuer: server.sandbox!.issuer,
      name: `tasting-menu-sandbox (${new URL(server.url).host})`,
      deploymentIds: [],
      deploymentPolicy: 'learn',
    });
    const clientId = platform!.clientId;
    // Like Canvas, the sandbox names no deployment: the administrator's install makes one, known at its first launch.
    const deploymentId = 'sandbox-dynreg-install-1';

    // A launch from the newly registered client and deployment.
    const browser = new FormBrowser();
    const login = await browser.request(`${server.url}/lti/login`, {
      form: {
        iss: server.sandbox!.issuer,
        login_hint: 'sandbox-ana-rivera',
        target_link_uri: `${server.url}/lti/launch`,
        client_id: clientId,
        lti_deployment_id: deploymentId,
      },
    });
    const auth = new URL(login.headers.get('location')!);
    expect(auth.searchParams.get('client_id')).toBe(clientId);
    const claims = {
      ...server.sandbox!.idTokenClaims({
        user: findSandboxUser('sandbox-ana-rivera')!,
        course: findSandboxCourse('sandbox-course-7sci')!,
        nonce: auth.searchParams.get('nonce')!,
      }),
      aud: clientId,
      azp: clientId,
      [CLAIM.deploymentId]: deploymentId,
    };
    const result = await postLaunch(
      server,
      { browser, state: auth.searchParams.get('state')!, nonce: '', claims },
      await signWithSandboxKey(server, claims),
    );
    expect(result.reason).toBeUndefined();
    expect(result.token).toBeTruthy();
    expect(
      (await listPlatforms(server.database.db, server.lti)).find((p) => p.clientId === clientId),
    ).toMatchObject({
      deploymentIds: [deploymentId],
    });
  });

  it('when Canvas answers with a client id and no deployment, then the platform learns its deployments at verified launches only', async () => {
    const canvas = await startFakeLms('10000000000042', undefined);
    try {
      const res = await registerThroughPage(
        registrationLinkFor(server, canvas.configurationUrl, 'canvas-registration-jwt'),
        await inviteCode(server),
        '192.0.2.4',
      );
      expect(res.status, res.html).toBe(200);
      // The registration token goes, as a Bearer token, with both requests to the LMS.
      expect(canvas.seen.map((r) => [r.path, r.authorization])).toEqual([
        ['/.well-known/openid-configuration', 'Bearer canvas-registration-jwt'],
        ['/register', 'Bearer canvas-registration-jwt'],
      ]);
      // The course menu link is asked for staff only, in Canvas's terms.
      const toolConfiguration = canvas.registrations[0]?.[
        'https://purl.imsglobal.org/spec/lti-tool-configuration'
      ] as { messages: Array<Record<string, unknown>> } | undefined;
      const messages = toolConfiguration?.messages ?? [];
      expect(messages.find((m) => (m.placements as string[]).includes('course_navigation'))).toMatchObject({
        'https://canvas.instructure.com/lti/visibility': 'admins',
      });
      const byClient = async () =>
        (await listPlatforms(server.database.db, server.lti)).find(
          (p) => p.issuer === canvas.origin && p.clientId === '10000000000042',
        );
      expect(await byClient()).toMatchObject({ deploymentIds: [], deploymentPolicy: 'learn' });

      // A launch from a new deployment signed with someone else's key (under the LMS's key id) is refused by ltijs's
      // verification and records nothing.
      const stranger = await startFakeLms('stranger', undefined, 'fake-lms-10000000000042');
      const forged = await launchFromLms(
        server,
        { issuer: canvas.origin },
        { clientId: '10000000000042', deploymentId: '17:forged' },
        stranger,
      );
      await stranger.close();
      expect(forged.token).toBeUndefined();
      expect(forged.reason).toBe('SIGNATURE_INVALID');
      expect((await byClient())?.deploymentIds).toEqual([]);

      // The administrator installs the key; the first verified launch records the deployment.
      const ids = { clientId: '10000000000042', deploymentId: '17:f8a2b3c4' };
      const first = await launchFromLms(server, { issuer: canvas.origin }, ids, canvas);
      expect(first.reason).toBeUndefined();
      expect(first.token).toBeTruthy();
      expect((await byClient())?.deploymentIds).toEqual(['17:f8a2b3c4']);
      // The coach (Dana, an LMS administrator) sees on Settings that the deployment was recorded at its first launch.
      const info = await fetch(`${server.url}/api/settings/platform`, {
        headers: { authorization: `Bearer ${decodeURIComponent(first.token!)}` },
      });
      expect(await info.json()).toMatchObject({
        deploymentId: '17:f8a2b3c4',
        deploymentRecorded: 'first-launch',
      });
      expect((await launchFromLms(server, { issuer: canvas.origin }, ids, canvas)).token).toBeTruthy();
    } finally {
      await canvas.close();
    }
  });

  it('when a platform an operator registered launches from an unregistered deployment, then it is still refused', async () => {
    const claims = {
      ...server.sandbox!.idTokenClaims({
        user: findSandboxUser('sandbox-ana-rivera')!,
        course: findSandboxCourse('sandbox-course-7sci')!,
        nonce: 'n',
      }),
    };
    const browser = new FormBrowser();
    const login = await browser.request(`${server.url}/lti/login`, {
      form: {
        iss: server.sandbox!.issuer,
        login_hint: 'sandbox-ana-rivera',
        target_link_uri: `${server.url}/lti/launch`,
        client_id: server.sandbox!.clientId,
        lti_deployment_id: 'not-installed',
      },
    });
    const auth = new URL(login.headers.get('location')!);
    const forged = {
      ...claims,
      nonce: auth.searchParams.get('nonce')!,
      [CLAIM.deploymentId]: 'not-installed',
    };
    const result = await postLaunch(
      server,
      { browser, state: auth.searchParams.get('state')!, nonce: '', claims: forged },
      await signWithSandboxKey(server, forged),
    );
    expect(result.reason).toBe('DEPLOYMENT_UNKNOWN');
  });

  it('when the registration token is not the LMS’s, then nothing is registered, the page says why and the code still works', async () => {
    const before = (await listPlatforms(server.database.db, server.lti)).length;
    const q = new URLSearchParams({
      openid_configuration: `${server.sandbox!.issuer}/.well-known/openid-configuration`,
      registration_token: 'forged',
    });
    const code = await inviteCode(server);
    const res = await registerThroughPage(`${server.url}/lti/register?${q}`, code, '192.0.2.2');
    expect(res.status).toBe(502);
    expect(res.html).toContain('The LMS answered 401');
    expect((await listPlatforms(server.database.db, server.lti)).length).toBe(before);
    const retry = await registerThroughPage(registrationLink(server.sandbox!), code, '192.0.2.2');
    expect(retry.status, retry.html).toBe(200);
  });

  it('when the configuration address is missing, not https, or not an LMS configuration, then it is refused', async () => {
    expect((await fetch(`${server.url}/lti/register`)).status).toBe(400);
    expect(
      (
        await fetch(
          `${server.url}/lti/register?openid_configuration=${encodeURIComponent('ftp://lms.example/x')}`,
        )
      ).status,
    ).toBe(400);
    const notConfig = await registerThroughPage(
      `${server.url}/lti/register?openid_configuration=${encodeURIComponent(`${server.url}/healthz`)}`,
      await inviteCode(server),
      '192.0.2.3',
    );
    expect(notConfig.status).toBe(502);
    expect(notConfig.html).toContain('missing required fields');
  });
});
