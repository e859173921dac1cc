import express, { type Router } from 'express';
import { CLAIM } from '../../../shared/lti';
import { autoPostForm, esc, page } from '../html';
import type { SandboxKey } from './keys';
import { deploymentOf, type SandboxPlatform, sandboxLocale } from './platform';
import {
  findSandboxCourse,
  findSandboxUser,
  SANDBOX_COURSES,
  SANDBOX_DEMO_COURSE,
  SANDBOX_USERS,
  type SandboxCourse,
} from './roster';

/** The demo school, when the server seeds it (DEMO_SCHOOL): the sandbox only asks for a reset, the server does it. */
export interface SandboxDemo {
  reset(): Promise<void>;
}

/** How long the reset form's token stays good. */
const RESET_TOKEN_MS = 12 * 3_600_000;
const RESET_USER = 'sandbox-demo-reset';

const bar = (extra = '') =>
  `<header class="bar"><a class="brand" href="/sandbox">Sandbox LMS</a><span>A practice LMS built into Tasting Menu — not a real school</span>${extra}</header>`;

/**
 * The form's token: signed with the server's secret (a cross-site page cannot read it), dated so an old copy expires.
 * The route also refuses a post whose Origin or Sec-Fetch-Site says it came from another site.
 */
function resetToken(platform: SandboxPlatform, now: number): string {
  return platform.signHint({ user: RESET_USER, course: String(now) });
}

function resetTokenValid(platform: SandboxPlatform, token: unknown, now: number): boolean {
  if (typeof token !== 'string') return false;
  const hint = platform.readHint(token);
  const issued = Number(hint?.course);
  return (
    hint?.user === RESET_USER && Number.isFinite(issued) && issued <= now && now - issued < RESET_TOKEN_MS
  );
}

function demoCard(platform: SandboxPlatform, notice: string | undefined): string {
  const course = SANDBOX_DEMO_COURSE.id;
  const launch = (user: string) => `/sandbox/courses/${esc(course)}/launch?user=${esc(user)}`;
  return `<section class="card" aria-labelledby="demo-h"><h2 id="demo-h">Demo school: ${esc(SANDBOX_DEMO_COURSE.title)}</h2>
${notice ? `<p role="status"><strong>${esc(notice)}</strong></p>` : ''}
<p>A school that has used Tasting Menu for a month: a full menu (a few strategies waiting for review), this week's
open doors (one happening now, one starting in two minutes), past visits with their notes, a finished round with its
debrief, and the school picture coaches see. Nothing to type: launch and look around.</p>
<p><a class="button" href="${launch('sandbox-ana-rivera')}" aria-label="Launch the demo school as Ana Rivera, a teacher">Launch as Ana (teacher)</a>
<a class="button" href="${launch('sandbox-dana-kim')}" aria-label="Launch the demo school as Dana Kim, the coach">Launch as Dana (coach)</a>
<a href="/sandbox/courses/${esc(course)}">More ways to launch</a></p>
<form method="post" action="/sandbox/demo/reset">
<input type="hidden" name="token" value="${esc(resetToken(platform, Date.now()))}">
<button type="submit">Reset demo school</button>
<span class="muted">Deletes everything in the demo school, what you added too, and seeds it again with times from now.</span>
</form></section>`;
}

function coursesPage(platform: SandboxPlatform, demo: SandboxDemo | undefined, notice?: string): string {
  const courses: SandboxCourse[] = demo ? [SANDBOX_DEMO_COURSE, ...SANDBOX_COURSES] : SANDBOX_COURSES;
  const rows = courses
    .map(
      (c) =>
        `<li><a href="/sandbox/courses/${esc(c.id)}">${esc(c.title)}</a> <span class="muted">(${esc(c.label)})</span></li>`,
    )
    .join('');
  return page(
    'Sandbox LMS — courses',
    `<h1>Your courses</h1>
${demo ? demoCard(platform, notice) : ''}
<div class="card"><p>This sandbox behaves like Canvas: each "Launch" button below performs a real LTI 1.3 launch
(OIDC login, signed <code>id_token</code>) into Tasting Menu.</p><ul>${rows}</ul></div>
<section class="card" aria-labelledby="admin-h"><h2 id="admin-h">LMS administrator</h2>
<p>Install Tasting Menu the way Canvas does with LTI Dynamic Registration:
<a target="_blank" rel="noopener" href="${esc(registrationLink(platform))}">register Tasting Menu dynamically</a>.
The page asks for a registration code: create one with <code>npm run platform -- invite</code> (or start the server with
<code>REGISTRATION=open</code>).</p></section>`,
    { bar: bar() },
  );
}

/** The tool's registration URL as an LMS opens it: with our configuration address and a one-off token. */
export function registrationLink(platform: SandboxPlatform): string {
  const q = new URLSearchParams({
    openid_configuration: `${platform.issuer}/.well-known/openid-configuration`,
    registration_token: platform.signHint({ user: 'sandbox-admin', course: `registration-${Date.now()}` }),
  });
  return `${platform.launchUrl.replace(/\/launch$/, '/register')}?${q}`;
}

function coursePage(courseId: string): string | undefined {
  const course = findSandboxCourse(courseId);
  if (!course) return undefined;
  const people = SANDBOX_USERS.map(
    (u) => `<tr><th scope="row">${esc(u.name)}</th><td>${esc(u.label)}</td>
<td><a class="button" href="/sandbox/courses/${esc(course.id)}/launch?user=${esc(u.id)}" aria-label="Launch Tasting Menu as ${esc(u.name)}">Launch as ${esc(u.givenName)}</a>
<a class="button secondary" target="_blank" rel="noopener" href="/sandbox/courses/${esc(course.id)}/initiate?user=${esc(u.id)}" aria-label="Launch Tasting Menu as ${esc(u.name)} in a new window">New window</a>
<a class="button secondary" href="/sandbox/courses/${esc(course.id)}/launch?user=${esc(u.id)}&amp;storage=1" aria-label="Launch Tasting Menu as ${esc(u.name)} without cookies">Without cookies</a>
<a class="button secondary" lang="es" href="/sandbox/courses/${esc(course.id)}/launch?user=${esc(u.id)}&amp;locale=es-419" aria-label="Abrir Tasting Menu como ${esc(u.name)} en español (locale es-419)">En español</a></td></tr>`,
  ).join('');
  const pages = course.pages
    .map(
      (p) => `<li><a href="/sandbox/courses/${esc(course.id)}/pages/${esc(p.slug)}">${esc(p.title)}</a></li>`,
    )
    .join('');
  return page(
    `${course.title} — Sandbox LMS`,
    `<h1>${esc(course.title)}</h1>
<section class="card" aria-labelledby="people-h"><h2 id="people-h">Open Tasting Menu as…</h2>
<p class="muted">"Launch" works like an LMS that relies on the tool's cookies in its frame. "Without cookies" also
offers LTI platform storage, as Canvas does, for browsers that block third-party cookies. "New window" opens the
tool in its own window, where its cookies are first-party. "En español" launches with the locale es-419, as an
LMS set to Latin-American Spanish does.</p>
<table><thead><tr><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Launch</th></tr></thead><tbody>${people}</tbody></table></section>
<section class="card" aria-labelledby="editor-h"><h2 id="editor-h">Editor button (deep linking)</h2>
<p>Insert a strategy from the menu into this course, as a teacher would from the rich-content editor:
<a href="/sandbox/courses/${esc(course.id)}/launch?user=sandbox-ana-rivera&amp;deeplink=1">insert as Ana</a>.</p></section>
<section class="card" aria-labelledby="pages-h"><h2 id="pages-h">Course pages</h2>${pages ? `<ul>${pages}</ul>` : '<p class="muted">This course has no pages.</p>'}</section>`,
    { bar: bar() },
  );
}

/** Canvas's name for the frame that takes the tool's platform-storage messages. */
export const STORAGE_FRAME = 'post_message_forwarding';

const toolOriginOf = (platform: SandboxPlatform) => new URL(platform.loginUrl).origin;

const capabilities = () => [
  { subject: 'lti.capabilities' },
  { subject: 'lti.put_data', frame: STORAGE_FRAME },
  { subject: 'lti.get_data', frame: STORAGE_FRAME },
];

/** JSON inside a script element: no `<` can close it or open a comment. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

/**
 * The LMS page: answers lti.capabilities from the tool frame (naming the storage frame), and loads the storage
 * frame before the tool so it is ready when the tool's login page sends lti.put_data. Served, like the storage
 * frame's script, from /sandbox/static/ (the CSP allows no inline script).
 */
const PARENT_SCRIPT = `(() => {
  const cfg = JSON.parse(document.getElementById('sandbox-storage').textContent);
  const tool = document.querySelector('iframe[name="tool"]');
  const storage = document.querySelector('iframe[name="${STORAGE_FRAME}"]');
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== tool.contentWindow || event.origin !== cfg.toolOrigin) return;
    if (!data || typeof data !== 'object' || data.subject !== 'lti.capabilities') return;
    event.source.postMessage(
      { subject: 'lti.capabilities.response', message_id: data.message_id, supported_messages: cfg.capabilities },
      event.origin,
    );
  });
  storage.addEventListener('load', () => { tool.src = tool.dataset.src; }, { once: true });
  storage.src = storage.dataset.src;
})();`;

const STORAGE_FRAME_SCRIPT = `(() => {
  const cfg = JSON.parse(document.getElementById('sandbox-storage').textContent);
  const MAX_KEYS = 50;
  const stored = new Map();
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.subject !== 'string') return;
    let sibling = false;
    try {
      sibling = !!event.source && event.source !== window && event.source.parent === window.parent;
    } catch {
      sibling = false;
    }
    if (!sibling || event.origin !== cfg.toolOrigin) return;
    const reply = (body) =>
      event.source.postMessage({ subject: data.subject + '.response', message_id: data.message_id, ...body }, event.origin);
    const fail = (code, message) => reply({ error: { code, message } });
    const own = stored.get(event.origin) || new Map();
    stored.set(event.origin, own);
    const subject = data.subject.replace(/^org\\.imsglobal\\./, '');
    const key = data.key;
    if (subject === 'lti.capabilities') return reply({ supported_messages: cfg.capabilities });
    if (subject === 'lti.put_data') {
      if (typeof key !== 'string' || !key || key.length > 256) return fail('bad_request', 'key must be a short string');
      if (typeof data.value !== 'string' || data.value.length > 4096) return fail('bad_request', 'value must be a short string');
      if (!own.has(key) && own.size >= MAX_KEYS) return fail('storage_exhaustion', 'too many keys');
      own.set(key, data.value);
      return reply({ key, value: data.value });
    }
    if (subject === 'lti.get_data') {
      if (typeof key !== 'string' || !own.has(key)) return fail('bad_request', 'nothing is stored under this key');
      return reply({ key, value: own.get(key) });
    }
    fail('unsupported_subject', 'this platform does not handle ' + data.subject);
  });
})();`;

export function sandboxRouter(platform: SandboxPlatform, key: SandboxKey, demo?: SandboxDemo): Router {
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb' }));

  router.get('/', (req, res) => {
    const notice = demo && req.query.reset === 'done' ? 'The demo school was reset.' : undefined;
    res.type('html').send(coursesPage(platform, demo, notice));
  });

  // "Reset demo school": a form post from the sandbox page itself (its signed token, same-origin), then back there.
  router.post('/demo/reset', async (req, res, next) => {
    if (!demo)
      return res
        .status(404)
        .type('html')
        .send(page('Not found', '<h1>There is no demo school on this server</h1>', { bar: bar() }));
    // Browsers that send Sec-Fetch-Site say where the post came from; the tool's no-referrer policy makes their Origin
    // "null", so only without that header is the Origin compared.
    const origin = req.get('origin');
    const site = req.get('sec-fetch-site');
    const sameOrigin =
      site !== undefined
        ? site === 'same-origin'
        : origin === undefined ||
          origin === toolOriginOf(platform) ||
          origin === `${req.protocol}://${req.get('host')}`;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!sameOrigin || !resetTokenValid(platform, body.token, Date.now()))
      return res
        .status(403)
        .type('html')
        .send(
          page(
            'Sandbox LMS: reset refused',
            '<h1>The demo school was not reset</h1><p>The form was old or came from another site. <a href="/sandbox">Open the sandbox page</a> and press the button again.</p>',
            { bar: bar() },
          ),
        );
    try {
      await demo.reset();
      res.redirect(303, '/sandbox?reset=done');
    } catch (error) {
      next(error);
    }
  });

  router.get('/static/lms-page.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(PARENT_SCRIPT);
  });
  router.get('/static/storage-frame.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(STORAGE_FRAME_SCRIPT);
  });

  router.get('/jwks', (_req, res) => {
    res.json({ keys: [key.publicJwk] });
  });

  router.get('/courses/:courseId', (req, res) => {
    const html = coursePage(req.params.courseId);
    if (!html)
      return res
        .status(404)
        .type('html')
        .send(page('Not found', '<h1>No such course</h1>', { bar: bar() }));
    res.type('html').send(html);
  });

  router.get('/courses/:courseId/pages/:slug', (req, res) => {
    const course = findSandboxCourse(req.params.courseId);
    const p = course?.pages.find((x) => x.slug === req.params.slug);
    if (!course || !p)
      return res
        .status(404)
        .type('html')
        .send(page('Not found', '<h1>No such page</h1>', { bar: bar() }));
    res.type('html').send(
      page(
        `${p.title} — ${course.title}`,
        `<p class="muted"><a href="/sandbox/courses/${esc(course.id)}">${esc(course.title)}</a></p><h1>${esc(p.title)}</h1><article class="card">${p.html}</article>`,
        {
          bar: bar(),
        },
      ),
    );
  });

  // The LMS page that hosts the tool in an iframe, as Canvas's course navigation does. With ?storage=1 it also
  // offers LTI platform storage the way Canvas does: a hidden sibling frame named post_message_forwarding, on the
  // platform's own origin (that of its OIDC authorization URL), keeps the tool's launch data in memory.
  router.get('/courses/:courseId/launch', (req, res) => {
    const course = findSandboxCourse(req.params.courseId);
    const user = findSandboxUser(String(req.query.user ?? ''));
    if (!course || !user)
      return res
        .status(404)
        .type('html')
        .send(page('Not found', '<h1>Unknown course or person</h1>', { bar: bar() }));
    const storage = req.query.storage === '1';
    const locale = sandboxLocale(req.query.locale);
    const src = `/sandbox/courses/${encodeURIComponent(course.id)}/initiate?user=${encodeURIComponent(user.id)}${req.query.deeplink === '1' ? '&deeplink=1' : ''}${storage ? '&storage=1' : ''}${locale ? `&locale=${encodeURIComponent(locale)}` : ''}`;
    const heading = `<h1>Tasting Menu <span class="muted">· ${esc(course.title)} · as ${esc(user.name)} (${esc(user.label)})</span></h1>`;
    const body = storage
      ? `${heading}
<p class="muted">Launched without cookies: this page keeps Tasting Menu's launch check (LTI platform storage).</p>
<iframe name="${STORAGE_FRAME}" title="Sandbox LMS launch storage" hidden data-src="${esc(`${platform.issuer}/storage-frame`)}"></iframe>
<iframe name="tool" title="Tasting Menu" class="tool-frame" data-src="${esc(src)}"></iframe>
<script type="application/json" id="sandbox-storage">${scriptJson({ toolOrigin: toolOriginOf(platform), capabilities: capabilities() })}</script>
<script src="/sandbox/static/lms-page.js"></script>`
      : `${heading}
<iframe name="tool" title="Tasting Menu" class="tool-frame" src="${esc(src)}"></iframe>`;
    res.type('html').send(
      page(`Tasting Menu — ${course.title}`, body, {
        bar: bar(`<a href="/sandbox/courses/${esc(course.id)}">Back to course</a>`),
      }),
    );
  });

  // The platform storage frame: answers lti.capabilities, lti.put_data and lti.get_data from the tool's origin only,
  // and only from frames of the same LMS page; data is kept per tool origin, in memory, for the life of the page.
  router.get('/storage-frame', (_req, res) => {
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(
        page(
          'Sandbox LMS launch storage',
          `<p>Launch storage of the sandbox LMS.</p>
<script type="application/json" id="sandbox-storage">${scriptJson({ toolOrigin: toolOriginOf(platform), capabilities: capabilities() })}</script>
<script src="/sandbox/static/storage-frame.js"></script>`,
        ),
      );
  });

  // Step 1 of the launch: third-party initiated login, a form post to the tool's OIDC login URL.
  router.get('/courses/:courseId/initiate', (req, res) => {
    const course = findSandboxCourse(req.params.courseId);
    const user = findSandboxUser(String(req.query.user ?? ''));
    if (!course || !user)
      return res.status(404).type('html').send(page('Not found', '<h1>Unknown course or person</h1>'));
    // ?deeplink=1: the editor button (LtiDeepLinkingRequest). ?target=: a link a deep link created earlier.
    const target =
      typeof req.query.target === 'string' && req.query.target.startsWith(`${platform.launchUrl}?`)
        ? req.query.target
        : platform.launchUrl;
    res.type('html').send(
      autoPostForm('Opening Tasting Menu…', platform.loginUrl, {
        iss: platform.issuer,
        login_hint: user.id,
        target_link_uri: target,
        lti_message_hint: platform.signHint({
          user: user.id,
          course: course.id,
          deepLink: req.query.deeplink === '1',
          ...(sandboxLocale(req.query.locale) ? { locale: sandboxLocale(req.query.locale) } : {}),
        }),
        client_id: platform.clientId,
        lti_deployment_id: deploymentOf(course),
        // Platform storage offered, as Canvas does: the tool may keep its launch data in this named frame.
        ...(req.query.storage === '1' ? { lti_storage_target: STORAGE_FRAME } : {}),
      }),
    );
  });

  // Step 2: the platform's OIDC authorization endpoint answers the tool's auth request with a signed id_token.
  router.all('/auth', async (req, res, next) => {
    try {
      const params = {
        ...(req.query as Record<string, unknown>),
        ...((req.body as Record<string, unknown>) ?? {}),
      };
      const str = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : '');
      const problems: string[] = [];
      if (str('response_type') !== 'id_token') problems.push('response_type must be id_token');
      if (str('response_mode') !== 'form_post') problems.push('response_mode must be form_post');
      if (!str('scope').split(' ').includes('openid')) problems.push('scope must include openid');
      if (str('client_id') !== platform.clientId) problems.push('client_id is not the sandbox tool');
      if (str('redirect_uri') !== platform.launchUrl)
        problems.push('redirect_uri is not the registered launch URL');
      if (!str('nonce')) problems.push('nonce is missing');
      if (!str('state')) problems.push('state is missing');
      const hint = platform.readHint(str('lti_message_hint'));
      if (!hint || hint.user !== str('login_hint'))
        problems.push('lti_message_hint does not match login_hint');
      const user = hint ? findSandboxUser(hint.user) : undefined;
      const course = hint ? findSandboxCourse(hint.course) : undefined;
      if (problems.length > 0 || !user || !course) {
        return res
          .status(400)
          .type('html')
          .send(
            page(
              'Sandbox LMS: bad authorization request',
              `<h1>Bad authorization request</h1><ul>${problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`,
            ),
          );
      }
      const claims = platform.idTokenClaims({
        user,
        course,
        nonce: str('nonce'),
        ...(hint?.locale ? { locale: hint.locale } : {}),
      });
      if (hint?.deepLink) {
        // The editor button: a deep-linking request instead of a resource link.
        delete claims[CLAIM.resourceLink];
        claims[CLAIM.messageType] = 'LtiDeepLinkingRequest';
        claims[CLAIM.deepLinkingSettings] = {
          deep_link_return_url: `${platform.issuer}/deep-link-return`,
          accept_types: ['ltiResourceLink', 'html'],
          accept_presentation_document_targets: ['iframe', 'window'],
          accept_multiple: false,
          data: platform.signHint({ user: user.id, course: course.id }),
        };
      }
      const idToken = await platform.signIdToken(claims);
      res.type('html').send(
        autoPostForm('Launching Tasting Menu…', platform.launchUrl, {
          id_token: idToken,
          state: str('state'),
        }),
      );
    } catch (error) {
      next(error);
    }
  });

  return router;
}
