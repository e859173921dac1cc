import { generateKeyPairSync } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { findSandboxCourse, findSandboxUser } from '../../lti-server/src/sandbox/roster';
import type { TestServer } from './test-server';
import { FormBrowser } from './form-browser';

/**
 * Builds launches the way an attacker (or a broken LMS) would: a real OIDC login against the tool, then an
 * id_token whose claims, header or key the test chooses. The sandbox platform's own key signs unless told not to.
 */
export interface Login {
  browser: FormBrowser;
  state: string;
  nonce: string;
  claims: Record<string, unknown>;
}

export async function beginLogin(
  server: TestServer,
  user = 'sandbox-ana-rivera',
  course = 'sandbox-course-7sci',
): Promise<Login> {
  const p = server.sandbox;
  if (!p) throw new Error('The test server has no sandbox platform.');
  const browser = new FormBrowser();
  const res = await browser.request(p.loginUrl, {
    form: {
      iss: p.issuer,
      login_hint: user,
      target_link_uri: p.launchUrl,
      lti_message_hint: p.signHint({ user, course }),
      client_id: p.clientId,
      lti_deployment_id: p.deploymentId,
    },
  });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`Login initiation answered ${res.status}`);
  const auth = new URL(location);
  const state = auth.searchParams.get('state') ?? '';
  const nonce = auth.searchParams.get('nonce') ?? '';
  const claims = p.idTokenClaims({ user: findSandboxUser(user)!, course: findSandboxCourse(course)!, nonce });
  return { browser, state, nonce, claims };
}

export async function signWithSandboxKey(
  server: TestServer,
  claims: Record<string, unknown>,
): Promise<string> {
  return server.sandbox!.signIdToken(claims);
}

/** Signs with a freshly made key that the platform never published, under the platform's own kid. */
export async function signWithStrangerKey(
  claims: Record<string, unknown>,
  kid = 'sandbox-lms-1',
): Promise<string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = await importPKCS8(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
}

export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

export async function postLaunch(server: TestServer, login: Login, idToken: string, state = login.state) {
  const result = await login.browser.follow(
    `${server.url}/lti/launch`,
    { method: 'POST', form: { id_token: idToken, state } },
    { stopAt: (u) => new URL(u).pathname.startsWith('/app/') },
  );
  const token = result.location ? /#session=([^&]+)/.exec(result.location)?.[1] : undefined;
  const reason = /<code data-reason>([A-Z_]+)<\/code>/.exec(result.html)?.[1];
  return { ...result, token, reason };
}
