import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM } from '../../shared/lti';
import { listPlatforms } from '../../lti-server/src/domain/platforms';
import { registrationLink } from '../../lti-server/src/sandbox/routes';
import { findSandboxCourse, findSandboxUser } from '../../lti-server/src/sandbox/roster';
import { postLaunch, signWithSandboxKey } from '../support/forged-launch';
import { FormBrowser } from '../support/form-browser';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('LTI Dynamic Registration', () => {
  it('when the LMS opens the registration URL, then the tool registers and a launch with the new client id works', async () => {
    const res = await fetch(registrationLink(server.sandbox!));
    const html = await res.text();
    expect(res.status, html).toBe(200);
    expect(html).toContain('Tasting Menu is registered');
    // The page loads the script that tells the LMS to close its dialog (no inline script under the CSP).
    const script = /<script src="([^"]+)"><\/script>/.exec(html)?.[1] ?? '';
    const closing = await fetch(new URL(script, server.url));
    expect(await closing.text()).toContain("subject: 'org.imsglobal.lti.close'");
    const platform = (await listPlatforms(server.database.db, server.lti)).find((p) =>
      p.clientId.startsWith('tasting-menu-dynreg-'),
    );
    expect(platform).toMatchObject({
      issuer: server.sandbox!.issuer,
      name: `tasting-menu-sandbox (${new URL(server.url).host})`,
    });
    const clientId = platform!.clientId;
    const deploymentId = platform!.deploymentIds[0]!;
    expect(deploymentId).toMatch(/^sandbox-dynreg-/);

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
  });

  it('when the registration token is not the LMS’s, then nothing is registered and the page says why', async () => {
    const before = (await listPlatforms(server.database.db, server.lti)).length;
    const q = new URLSearchParams({
      openid_configuration: `${server.sandbox!.issuer}/.well-known/openid-configuration`,
      registration_token: 'forged',
    });
    const res = await fetch(`${server.url}/lti/register?${q}`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('The LMS answered 401');
    expect((await listPlatforms(server.database.db, server.lti)).length).toBe(before);
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
    const notConfig = await fetch(
      `${server.url}/lti/register?openid_configuration=${encodeURIComponent(`${server.url}/healthz`)}`,
    );
    expect(notConfig.status).toBe(502);
    expect(await notConfig.text()).toContain('missing required fields');
  });
});
