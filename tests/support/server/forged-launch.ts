import { generateKeyPairSync } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { findSandboxCourse, findSandboxUser } from '../../../lti-server/src/sandbox/roster';
import { FormBrowser } from './form-browser';
import type { TestServer } from './test-server';

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
  targetLinkUri?: string,
): Promise<Login> {
  const p = server.sandbox;
  if (!p) throw new Error('The test server has no sandbox platform.');
  const browser = new FormBrowser();
  const res = await browser.request(p.loginUrl, {
    form: {
      iss: p.issuer,
      login_hint: user,
      target_link_uri: targetLinkUri ?? p.launchUrl,
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

export async function postLaunch(
  server: TestServer,
  login: Login,
  idToken: string,
  state = login.state,
  path = '/lti/launch',
) {
  const result = await login.browser.follow(
    `${server.url}${path}`,
    { method: 'POST', form: { id_token: idToken, state } },
    { stopAt: (u) => new URL(u).pathname.startsWith('/app/') },
  );
  const token = result.location ? /#session=([^&]+)/.exec(result.location)?.[1] : undefined;
  const reason = /<code data-reason>([A-Z_]+)<\/code>/.exec(result.html)?.[1];
  return { ...result, token, reason };
}

/** What the tool's login page hands the LMS's platform storage (`lti.put_data`), read from the page. */
export interface StorageSave {
  next: string;
  origin: string;
  target: string;
  key: string;
  value: string;
}

export interface CookielessLogin extends Login {
  /** The login's answer: the page that keeps the binding with the LMS. */
  loginStatus: number;
  loginHtml: string;
  setCookies: string[];
  storage: StorageSave | undefined;
}

const HTML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => HTML_ENTITIES[m] ?? m);

/** The JSON configuration of a platform-storage page (save or load). */
export function storageConfigOf(html: string): Record<string, string> | undefined {
  const m = /<script type="application\/json" id="lti-storage-config">([\s\S]*?)<\/script>/.exec(html);
  return m?.[1] ? (JSON.parse(m[1]) as Record<string, string>) : undefined;
}

/** The form of the launch page that asks the LMS for the kept value: where it posts and what. */
export function storageLaunchFormOf(
  html: string,
): { action: string; fields: Record<string, string> } | undefined {
  const form = /<form id="lti-storage-launch" method="post" action="([^"]*)">([\s\S]*?)<\/form>/.exec(html);
  if (!form?.[1]) return undefined;
  const fields: Record<string, string> = {};
  for (const m of (form[2] ?? '').matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[unescapeHtml(m[1] ?? '')] = unescapeHtml(m[2] ?? '');
  }
  return { action: unescapeHtml(form[1]), fields };
}

/**
 * A login from an LMS that offers platform storage (`lti_storage_target`), as Canvas sends it. The browser then
 * forgets its cookies, as one that blocks third-party cookies in the LMS frame never had them.
 */
export async function beginCookielessLogin(
  server: TestServer,
  options: {
    user?: string;
    course?: string;
    target?: string;
    targetLinkUri?: string;
    keepCookies?: boolean;
    /** The browser's languages (Accept-Language). */
    language?: string;
  } = {},
): Promise<CookielessLogin> {
  const p = server.sandbox;
  if (!p) throw new Error('The test server has no sandbox platform.');
  const user = options.user ?? 'sandbox-ana-rivera';
  const course = options.course ?? 'sandbox-course-7sci';
  const browser = new FormBrowser();
  const res = await browser.request(p.loginUrl, {
    form: {
      iss: p.issuer,
      login_hint: user,
      target_link_uri: options.targetLinkUri ?? p.launchUrl,
      lti_message_hint: p.signHint({ user, course }),
      client_id: p.clientId,
      lti_deployment_id: p.deploymentId,
      lti_storage_target: options.target ?? 'post_message_forwarding',
    },
    ...(options.language ? { headers: { 'accept-language': options.language } } : {}),
  });
  const setCookies = res.headers.getSetCookie();
  const html = await res.text();
  if (!options.keepCookies) browser.cookies.clear();
  const config = storageConfigOf(html);
  const storage =
    config?.mode === 'save'
      ? {
          next: config.next ?? '',
          origin: config.origin ?? '',
          target: config.target ?? '',
          key: config.key ?? '',
          value: config.value ?? '',
        }
      : undefined;
  const auth = storage ? new URL(storage.next) : undefined;
  const state = auth?.searchParams.get('state') ?? '';
  const nonce = auth?.searchParams.get('nonce') ?? '';
  const claims = p.idTokenClaims({ user: findSandboxUser(user)!, course: findSandboxCourse(course)!, nonce });
  return { browser, state, nonce, claims, loginStatus: res.status, loginHtml: html, setCookies, storage };
}

/**
 * The launch of a cookieless login: the platform posts the id_token; the tool answers with the page that asks the
 * LMS for the kept value; that page posts back `storedValue` (what the LMS answered; '' when it answered nothing).
 */
export async function postCookielessLaunch(
  server: TestServer,
  login: Login,
  idToken: string,
  storedValue: string,
  state = login.state,
) {
  const first = await login.browser.request(`${server.url}/lti/launch`, {
    form: { id_token: idToken, state },
  });
  const loadHtml = await first.text();
  const form = storageLaunchFormOf(loadHtml);
  const reasonOf = (html: string) => /<code data-reason>([A-Z_]+)<\/code>/.exec(html)?.[1];
  if (!form) {
    return {
      status: first.status,
      html: loadHtml,
      location: undefined,
      token: undefined,
      reason: reasonOf(loadHtml),
      loadHtml,
      loadForm: undefined,
    };
  }
  const result = await login.browser.follow(
    new URL(form.action, server.url).toString(),
    { method: 'POST', form: { ...form.fields, lti_storage_value: storedValue } },
    { stopAt: (u) => new URL(u).pathname.startsWith('/app/') },
  );
  const token = result.location ? /#session=([^&]+)/.exec(result.location)?.[1] : undefined;
  return { ...result, token, reason: reasonOf(result.html), loadHtml, loadForm: form };
}
