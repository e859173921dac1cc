import express, { type Router } from 'express';
import { CLAIM } from '../../../shared/lti';
import { autoPostForm, esc, page } from '../http/html';
import type { SandboxKey } from './keys';
import type { SandboxPlatform } from './platform';
import { findSandboxCourse, findSandboxUser, SANDBOX_COURSES, SANDBOX_USERS } from './roster';

const bar = (extra = '') =>
  `<header class="bar"><a class="brand" href="/sandbox">Sandbox LMS</a><span>A practice LMS built into Tasting Menu — not a real school</span>${extra}</header>`;

function coursesPage(platform: SandboxPlatform): string {
  const rows = SANDBOX_COURSES.map(
    (c) =>
      `<li><a href="/sandbox/courses/${esc(c.id)}">${esc(c.title)}</a> <span class="muted">(${esc(c.label)})</span></li>`,
  ).join('');
  return page(
    'Sandbox LMS — courses',
    `<h1>Your courses</h1>
<div class="card"><p>This sandbox behaves like Canvas: each "Launch" button below performs a real LTI 1.3 launch
(OIDC login, signed <code>id_token</code>) into Tasting Menu.</p><ul>${rows}</ul></div>
<section class="card" aria-labelledby="admin-h"><h2 id="admin-h">LMS administrator</h2>
<p>Install Tasting Menu the way Canvas does with LTI Dynamic Registration:
<a target="_blank" rel="noopener" href="${esc(registrationLink(platform))}">register Tasting Menu dynamically</a>.</p></section>`,
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
<a class="button secondary" target="_blank" rel="noopener" href="/sandbox/courses/${esc(course.id)}/initiate?user=${esc(u.id)}" aria-label="Launch Tasting Menu as ${esc(u.name)} in a new window">New window</a></td></tr>`,
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
<table><thead><tr><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Launch</th></tr></thead><tbody>${people}</tbody></table></section>
<section class="card" aria-labelledby="editor-h"><h2 id="editor-h">Editor button (deep linking)</h2>
<p>Insert a strategy from the menu into this course, as a teacher would from the rich-content editor:
<a href="/sandbox/courses/${esc(course.id)}/launch?user=sandbox-ana-rivera&amp;deeplink=1">insert as Ana</a>.</p></section>
<section class="card" aria-labelledby="pages-h"><h2 id="pages-h">Course pages</h2><ul>${pages}</ul></section>`,
    { bar: bar() },
  );
}

export function sandboxRouter(platform: SandboxPlatform, key: SandboxKey): Router {
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb' }));

  router.get('/', (_req, res) => {
    res.type('html').send(coursesPage(platform));
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

  // The LMS page that hosts the tool in an iframe, as Canvas's course navigation does.
  router.get('/courses/:courseId/launch', (req, res) => {
    const course = findSandboxCourse(req.params.courseId);
    const user = findSandboxUser(String(req.query.user ?? ''));
    if (!course || !user)
      return res
        .status(404)
        .type('html')
        .send(page('Not found', '<h1>Unknown course or person</h1>', { bar: bar() }));
    const src = `/sandbox/courses/${encodeURIComponent(course.id)}/initiate?user=${encodeURIComponent(user.id)}${req.query.deeplink === '1' ? '&deeplink=1' : ''}`;
    res.type('html').send(
      page(
        `Tasting Menu — ${course.title}`,
        `<h1>Tasting Menu <span class="muted">· ${esc(course.title)} · as ${esc(user.name)} (${esc(user.label)})</span></h1>
<iframe name="tool" title="Tasting Menu" src="${esc(src)}" style="width:100%;height:75vh;border:1px solid var(--line);border-radius:.5rem;background:#fff"></iframe>`,
        { bar: bar(`<a href="/sandbox/courses/${esc(course.id)}">Back to course</a>`) },
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
        }),
        client_id: platform.clientId,
        lti_deployment_id: platform.deploymentId,
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
      const claims = platform.idTokenClaims({ user, course, nonce: str('nonce') });
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
