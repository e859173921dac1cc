import { createRegistrationInvite } from '../../../lti-server/src/domain/registration';
import type { TestServer } from './test-server';

const unescapeHtml = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (m) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[m] ?? m,
  );

/** A registration code, as `npm run platform -- invite` makes one (valid for an hour unless told otherwise). */
export async function inviteCode(server: TestServer, now = new Date(), ttlMs = 3_600_000): Promise<string> {
  return (await createRegistrationInvite(server.database.db, now, ttlMs)).code;
}

/** The registration page's form: where it posts, its hidden fields, and whether it asks for a code. */
export function registrationFormOf(html: string) {
  const form = /<form class="card" method="post" action="([^"]*)">([\s\S]*?)<\/form>/.exec(html);
  if (!form?.[1]) return undefined;
  const fields: Record<string, string> = {};
  for (const m of (form[2] ?? '').matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[unescapeHtml(m[1] ?? '')] = unescapeHtml(m[2] ?? '');
  }
  return {
    action: unescapeHtml(form[1]),
    fields,
    asksForCode: /<input id="code" name="code"/.test(form[2] ?? ''),
  };
}

/**
 * What an administrator does: the LMS opens the registration link, the page shows the form, the administrator types
 * the code and presses Register. `client` stands for one client address (the form is rate limited per address);
 * `browser` adds the browser's own headers (its Accept-Language).
 */
export async function registerThroughPage(
  link: string,
  code: string | undefined,
  client: string,
  browser: Record<string, string> = {},
) {
  const headers = { ...browser, 'x-forwarded-for': client };
  const page = await fetch(link, { headers });
  const form = registrationFormOf(await page.text());
  if (page.status !== 200 || !form)
    throw new Error(`The registration page answered ${page.status} without a form.`);
  const res = await fetch(form.action, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.fields, ...(code === undefined ? {} : { code }) }),
  });
  return { status: res.status, html: await res.text() };
}

/** The tool's registration link as an LMS opens it. */
export function registrationLinkFor(
  server: TestServer,
  configurationUrl: string,
  token = 'lms-registration-token',
) {
  const q = new URLSearchParams({ openid_configuration: configurationUrl, registration_token: token });
  return `${server.url}/lti/register?${q}`;
}
