import express, { type Router } from 'express';
import { CLAIM } from '../../../shared/lti';
import { autoPostForm, esc, marked, page } from '../html';
import { type SandboxWords, sandboxWords } from './language';
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

/** The sandbox's header: its name, what it is, the language links, and page-specific links (`extra`). */
const bar = (w: SandboxWords, extra = '') =>
  `<header class="bar"><a class="brand" href="${esc(w.link('/sandbox'))}">${esc(w.t('sandbox.bar.brand'))}</a><span>${esc(w.t('sandbox.bar.tagline'))}</span>${extra}${w.switcher}</header>`;

/** A page of the sandbox in its visitor's language. */
const sandboxPage = (w: SandboxWords, title: string, body: string, extra = '') =>
  page(title, body, { bar: bar(w, extra), lang: w.language });

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

function demoCard(w: SandboxWords, platform: SandboxPlatform, notice: string | undefined): string {
  const { t } = w;
  const course = SANDBOX_DEMO_COURSE.id;
  const launch = (user: string) => esc(w.link(`/sandbox/courses/${course}/launch?user=${user}`));
  return `<section class="card" aria-labelledby="demo-h"><h2 id="demo-h">${esc(t('sandbox.demo.title', { name: SANDBOX_DEMO_COURSE.title }))}</h2>
${notice ? `<p role="status"><strong>${esc(notice)}</strong></p>` : ''}
<p>${esc(t('sandbox.demo.body'))}</p>
<p><a class="button" href="${launch('sandbox-ana-rivera')}" aria-label="${esc(t('sandbox.demo.launch-ana.label'))}">${esc(t('sandbox.demo.launch-ana'))}</a>
<a class="button" href="${launch('sandbox-dana-kim')}" aria-label="${esc(t('sandbox.demo.launch-dana.label'))}">${esc(t('sandbox.demo.launch-dana'))}</a>
<a href="${esc(w.link(`/sandbox/courses/${course}`))}">${esc(t('sandbox.demo.more'))}</a></p>
<form method="post" action="${esc(w.link('/sandbox/demo/reset'))}">
<input type="hidden" name="token" value="${esc(resetToken(platform, Date.now()))}">
<button type="submit">${esc(t('sandbox.demo.reset'))}</button>
<span class="muted">${esc(t('sandbox.demo.reset.hint'))}</span>
</form></section>`;
}

function coursesPage(
  w: SandboxWords,
  platform: SandboxPlatform,
  demo: SandboxDemo | undefined,
  notice?: string,
): string {
  const { t } = w;
  const courses: SandboxCourse[] = demo ? [SANDBOX_DEMO_COURSE, ...SANDBOX_COURSES] : SANDBOX_COURSES;
  const rows = courses
    .map(
      (c) =>
        `<li><a href="${esc(w.link(`/sandbox/courses/${c.id}`))}">${esc(c.title)}</a> <span class="muted">(${esc(c.label)})</span></li>`,
    )
    .join('');
  const code = (text: string) => `<code>${esc(text)}</code>`;
  return sandboxPage(
    w,
    t('sandbox.courses.title'),
    `<h1>${esc(t('sandbox.courses.heading'))}</h1>
${demo ? demoCard(w, platform, notice) : ''}
<div class="card"><p>${marked(t('sandbox.courses.lede'), { code })}</p><ul>${rows}</ul></div>
<section class="card" aria-labelledby="admin-h"><h2 id="admin-h">${esc(t('sandbox.admin.title'))}</h2>
<p>${marked(t('sandbox.admin.body'), {
      link: (text) =>
        `<a target="_blank" rel="noopener" href="${esc(registrationLink(platform))}">${esc(text)}</a>`,
      code,
    })}</p></section>`,
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

function coursePage(w: SandboxWords, courseId: string): string | undefined {
  const { t } = w;
  const course = findSandboxCourse(courseId);
  if (!course) return undefined;
  const launch = `/sandbox/courses/${course.id}/launch`;
  const people = SANDBOX_USERS.map((u) => {
    const who = { name: u.name, givenName: u.givenName };
    return `<tr><th scope="row">${esc(u.name)}</th><td>${esc(u.label)}</td>
<td><a class="button" href="${esc(w.link(`${launch}?user=${u.id}`))}" aria-label="${esc(t('sandbox.course.launch.label', who))}">${esc(t('sandbox.course.launch', who))}</a>
<a class="button secondary" target="_blank" rel="noopener" href="${esc(`/sandbox/courses/${course.id}/initiate?user=${u.id}`)}" aria-label="${esc(t('sandbox.course.window.label', who))}">${esc(t('sandbox.course.window'))}</a>
<a class="button secondary" href="${esc(w.link(`${launch}?user=${u.id}&storage=1`))}" aria-label="${esc(t('sandbox.course.cookieless.label', who))}">${esc(t('sandbox.course.cookieless'))}</a>
<a class="button secondary" lang="es" href="${esc(`${launch}?user=${u.id}&locale=es-419`)}" aria-label="Abrir Tasting Menu como ${esc(u.name)} en español (locale es-419)">En español</a></td></tr>`;
  }).join('');
  const pages = course.pages
    .map(
      (p) =>
        `<li><a href="${esc(w.link(`/sandbox/courses/${course.id}/pages/${p.slug}`))}">${esc(p.title)}</a></li>`,
    )
    .join('');
  return sandboxPage(
    w,
    t('sandbox.course.title', { course: course.title }),
    `<h1>${esc(course.title)}</h1>
<section class="card" aria-labelledby="people-h"><h2 id="people-h">${esc(t('sandbox.course.people'))}</h2>
<p class="muted">${esc(t('sandbox.course.people.hint'))}</p>
<table><thead><tr><th scope="col">${esc(t('sandbox.course.person'))}</th><th scope="col">${esc(t('sandbox.course.role'))}</th><th scope="col">${esc(t('sandbox.course.launch-column'))}</th></tr></thead><tbody>${people}</tbody></table></section>
<section class="card" aria-labelledby="editor-h"><h2 id="editor-h">${esc(t('sandbox.course.editor'))}</h2>
<p>${marked(t('sandbox.course.editor.body'), {
      link: (text) =>
        `<a href="${esc(w.link(`${launch}?user=sandbox-ana-rivera&deeplink=1`))}">${esc(text)}</a>`,
    })}</p></section>
<section class="card" aria-labelledby="pages-h"><h2 id="pages-h">${esc(t('sandbox.course.pages'))}</h2>${pages ? `<ul>${pages}</ul>` : `<p class="muted">${esc(t('sandbox.course.no-pages'))}</p>`}</section>`,
  );
}

/** A sandbox page that is not there: a course, a person or a page unknown to the sandbox. */
const notFound = (w: SandboxWords, heading: string) =>
  sandboxPage(w, w.t('sandbox.not-found.title'), `<h1>${esc(heading)}</h1>`);

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
    const w = sandboxWords(req);
    const notice = demo && req.query.reset === 'done' ? w.t('sandbox.demo.reset.done') : undefined;
    res.type('html').send(coursesPage(w, platform, demo, notice));
  });

  // "Reset demo school": a form post from the sandbox page itself (its signed token, same-origin), then back there.
  router.post('/demo/reset', async (req, res, next) => {
    const w = sandboxWords(req);
    if (!demo)
      return res
        .status(404)
        .type('html')
        .send(notFound(w, w.t('sandbox.demo.none')));
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
          sandboxPage(
            w,
            w.t('sandbox.reset-refused.title'),
            `<h1>${esc(w.t('sandbox.reset-refused.heading'))}</h1><p>${marked(
              w.t('sandbox.reset-refused.body'),
              {
                link: (text) => `<a href="${esc(w.link('/sandbox'))}">${esc(text)}</a>`,
              },
            )}</p>`,
          ),
        );
    try {
      await demo.reset();
      res.redirect(303, w.link('/sandbox?reset=done'));
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
    const w = sandboxWords(req);
    const html = coursePage(w, req.params.courseId);
    if (!html)
      return res
        .status(404)
        .type('html')
        .send(notFound(w, w.t('sandbox.not-found.course')));
    res.type('html').send(html);
  });

  router.get('/courses/:courseId/pages/:slug', (req, res) => {
    const w = sandboxWords(req);
    const course = findSandboxCourse(req.params.courseId);
    const p = course?.pages.find((x) => x.slug === req.params.slug);
    if (!course || !p)
      return res
        .status(404)
        .type('html')
        .send(notFound(w, w.t('sandbox.not-found.page')));
    // A course page is the LMS's content, in the language it was written in.
    res
      .type('html')
      .send(
        sandboxPage(
          w,
          `${p.title} — ${course.title}`,
          `<p class="muted"><a href="${esc(w.link(`/sandbox/courses/${course.id}`))}">${esc(course.title)}</a></p><h1>${esc(p.title)}</h1><article class="card">${p.html}</article>`,
        ),
      );
  });

  // The LMS page that hosts the tool in an iframe, as Canvas's course navigation does. With ?storage=1 it also
  // offers LTI platform storage the way Canvas does: a hidden sibling frame named post_message_forwarding, on the
  // platform's own origin (that of its OIDC authorization URL), keeps the tool's launch data in memory.
  router.get('/courses/:courseId/launch', (req, res) => {
    const w = sandboxWords(req);
    const { t } = w;
    const course = findSandboxCourse(req.params.courseId);
    const user = findSandboxUser(String(req.query.user ?? ''));
    if (!course || !user)
      return res
        .status(404)
        .type('html')
        .send(notFound(w, t('sandbox.not-found.launch')));
    const storage = req.query.storage === '1';
    const locale = sandboxLocale(req.query.locale);
    const src = `/sandbox/courses/${encodeURIComponent(course.id)}/initiate?user=${encodeURIComponent(user.id)}${req.query.deeplink === '1' ? '&deeplink=1' : ''}${storage ? '&storage=1' : ''}${locale ? `&locale=${encodeURIComponent(locale)}` : ''}`;
    const heading = `<h1>Tasting Menu <span class="muted">${esc(t('sandbox.launch.as', { course: course.title, name: user.name, role: user.label }))}</span></h1>`;
    const body = storage
      ? `${heading}
<p class="muted">${esc(t('sandbox.launch.cookieless'))}</p>
<iframe name="${STORAGE_FRAME}" title="${esc(t('sandbox.storage.title'))}" hidden data-src="${esc(`${platform.issuer}/storage-frame`)}"></iframe>
<iframe name="tool" title="Tasting Menu" class="tool-frame" data-src="${esc(src)}"></iframe>
<script type="application/json" id="sandbox-storage">${scriptJson({ toolOrigin: toolOriginOf(platform), capabilities: capabilities() })}</script>
<script src="/sandbox/static/lms-page.js"></script>`
      : `${heading}
<iframe name="tool" title="Tasting Menu" class="tool-frame" src="${esc(src)}"></iframe>`;
    res
      .type('html')
      .send(
        sandboxPage(
          w,
          `Tasting Menu — ${course.title}`,
          body,
          `<a href="${esc(w.link(`/sandbox/courses/${course.id}`))}">${esc(t('sandbox.launch.back'))}</a>`,
        ),
      );
  });

  // The platform storage frame: answers lti.capabilities, lti.put_data and lti.get_data from the tool's origin only,
  // and only from frames of the same LMS page; data is kept per tool origin, in memory, for the life of the page.
  router.get('/storage-frame', (req, res) => {
    const { t, language } = sandboxWords(req);
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(
        page(
          t('sandbox.storage.title'),
          `<p>${esc(t('sandbox.storage.body'))}</p>
<script type="application/json" id="sandbox-storage">${scriptJson({ toolOrigin: toolOriginOf(platform), capabilities: capabilities() })}</script>
<script src="/sandbox/static/storage-frame.js"></script>`,
          { lang: language },
        ),
      );
  });

  // Step 1 of the launch: third-party initiated login, a form post to the tool's OIDC login URL.
  router.get('/courses/:courseId/initiate', (req, res) => {
    const { t, language } = sandboxWords(req);
    const posting = { lang: language, continueLabel: t('sandbox.continue') };
    const course = findSandboxCourse(req.params.courseId);
    const user = findSandboxUser(String(req.query.user ?? ''));
    if (!course || !user)
      return res
        .status(404)
        .type('html')
        .send(
          page(t('sandbox.not-found.title'), `<h1>${esc(t('sandbox.not-found.launch'))}</h1>`, {
            lang: language,
          }),
        );
    // ?deeplink=1: the editor button (LtiDeepLinkingRequest). ?target=: a link a deep link created earlier.
    const target =
      typeof req.query.target === 'string' && req.query.target.startsWith(`${platform.launchUrl}?`)
        ? req.query.target
        : platform.launchUrl;
    res.type('html').send(
      autoPostForm(
        t('sandbox.opening'),
        platform.loginUrl,
        {
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
        },
        posting,
      ),
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
      // The launch's own locale first (an "En español" button), then the browser's languages.
      const { t, language } = sandboxWords(req, hint?.locale);
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
              t('sandbox.auth.bad.title'),
              // The problems name OIDC parameters: protocol words, left as they are.
              `<h1>${esc(t('sandbox.auth.bad'))}</h1><ul>${problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`,
              { lang: language },
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
      res
        .type('html')
        .send(
          autoPostForm(
            t('sandbox.launching'),
            platform.launchUrl,
            { id_token: idToken, state: str('state') },
            { lang: language, continueLabel: t('sandbox.continue') },
          ),
        );
    } catch (error) {
      next(error);
    }
  });

  return router;
}
