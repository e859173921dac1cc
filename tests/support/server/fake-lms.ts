import { generateKeyPair } from 'node:crypto';
import type { Server } from 'node:http';
import { promisify } from 'node:util';
import express from 'express';
import { exportJWK, importPKCS8, SignJWT } from 'jose';
import { findSandboxCourse, findSandboxUser } from '../../../lti-server/src/sandbox/roster';
import { CLAIM } from '../../../shared/lti';
import { postLaunch } from './forged-launch';
import { FormBrowser } from './form-browser';
import type { TestServer } from './test-server';

/**
 * An LMS on a loopback port, for LTI Dynamic Registration tests: it serves an openid-configuration and a
 * registration endpoint, publishes its own key and signs launches with it. `config` is what it claims; a test
 * changes it to play an attacker (another issuer, another key set, someone else's client id).
 */
export interface FakeLms {
  origin: string;
  port: number;
  configurationUrl: string;
  config: {
    issuer: string;
    authUrl: string;
    jwksUrl: string;
    /** What the registration endpoint answers. */
    clientId: string;
    deploymentId: string | undefined;
  };
  /** The Authorization header of each request, by path, in order. */
  seen: Array<{ path: string; authorization: string | undefined }>;
  /** The registration requests' bodies. */
  registrations: Array<Record<string, unknown>>;
  sign(claims: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** `kid`: the key id it signs under (another LMS's, to play someone signing with the wrong key under a known id). */
export async function startFakeLms(
  clientId: string,
  deploymentId: string | undefined,
  kid = `fake-lms-${clientId}`,
): Promise<FakeLms> {
  // Off the event loop: a blocked loop lets the tool server's keep-alive timers fire late, resetting the test's
  // next request on a socket it thinks is still open.
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const signingKey = await importPKCS8(
    privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    'RS256',
  );
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const app = express();
  const seen: FakeLms['seen'] = [];
  const registrations: FakeLms['registrations'] = [];
  app.use((req, _res, next) => {
    seen.push({ path: req.path, authorization: req.get('authorization') });
    next();
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  const lms: FakeLms = {
    origin,
    port,
    configurationUrl: `${origin}/.well-known/openid-configuration`,
    config: { issuer: origin, authUrl: `${origin}/auth`, jwksUrl: `${origin}/jwks`, clientId, deploymentId },
    seen,
    registrations,
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(signingKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  app.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({
      issuer: lms.config.issuer,
      authorization_endpoint: lms.config.authUrl,
      token_endpoint: `${origin}/token`,
      jwks_uri: lms.config.jwksUrl,
      registration_endpoint: `${origin}/register`,
      'https://purl.imsglobal.org/spec/lti-platform-configuration': { product_family_code: 'fake-lms' },
    });
  });
  app.get('/jwks', (_req, res) => {
    res.json({ keys: [jwk] });
  });
  app.post('/register', express.json(), (req, res) => {
    registrations.push(req.body as Record<string, unknown>);
    const toolConfiguration = (req.body as Record<string, object>)[
      'https://purl.imsglobal.org/spec/lti-tool-configuration'
    ];
    res.json({
      ...req.body,
      client_id: lms.config.clientId,
      'https://purl.imsglobal.org/spec/lti-tool-configuration': {
        ...toolConfiguration,
        ...(lms.config.deploymentId ? { deployment_id: lms.config.deploymentId } : {}),
      },
    });
  });
  return lms;
}

/**
 * A launch from `lms` as a sandbox person (a coach by default), signed by `signer` (the LMS itself unless an
 * attacker's key is given): the real OIDC login against the tool, then the id_token.
 */
export async function launchFromLms(
  server: TestServer,
  lms: { issuer: string },
  ids: { clientId: string; deploymentId: string },
  signer: Pick<FakeLms, 'sign'>,
  user = 'sandbox-dana-kim',
) {
  const browser = new FormBrowser();
  const login = await browser.request(`${server.url}/lti/login`, {
    form: {
      iss: lms.issuer,
      login_hint: user,
      target_link_uri: `${server.url}/lti/launch`,
      client_id: ids.clientId,
      lti_deployment_id: ids.deploymentId,
    },
  });
  const location = login.headers.get('location');
  if (login.status !== 302 || !location)
    return { token: undefined, reason: `LOGIN_${login.status}`, html: '' };
  const auth = new URL(location);
  const claims = {
    ...server.sandbox!.idTokenClaims({
      user: findSandboxUser(user)!,
      course: findSandboxCourse('sandbox-course-7sci')!,
      nonce: auth.searchParams.get('nonce')!,
    }),
    iss: lms.issuer,
    aud: ids.clientId,
    azp: ids.clientId,
    [CLAIM.deploymentId]: ids.deploymentId,
  };
  return postLaunch(
    server,
    { browser, state: auth.searchParams.get('state')!, nonce: '', claims },
    await signer.sign(claims),
  );
}
