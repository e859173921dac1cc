import { createHmac } from 'node:crypto';
import express, { type Router } from 'express';
import { createRemoteJWKSet, jwtVerify, SignJWT } from 'jose';
import { CLAIM } from '../../../shared/lti';
import { esc, page } from '../html';
import { sandboxWords } from './language';
import type { SandboxPlatform } from './platform';
import { findSandboxCourse, SANDBOX_MEMBERS } from './roster';

const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
/** The sandbox pages its rosters three members at a time, so a tool's paging is always exercised. */
export const SANDBOX_PAGE_SIZE = 3;

/**
 * The sandbox LMS's LTI Advantage services, as Canvas offers them: an OAuth 2 token endpoint that accepts the tool's
 * signed client assertion (checked against the tool's JWKS), and a Names and Roles membership service.
 */
export function sandboxServices(platform: SandboxPlatform, toolJwksUrl: string, secret: string): Router {
  const router = express.Router();
  const jwks = createRemoteJWKSet(new URL(toolJwksUrl));
  const key = createHmac('sha256', secret).update('sandbox-access-token').digest();

  router.post('/token', express.urlencoded({ extended: false }), async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const refuse = (error: string, description: string) =>
      res.status(400).json({ error, error_description: description });
    if (body.grant_type !== 'client_credentials')
      return refuse('unsupported_grant_type', 'grant_type must be client_credentials');
    if (
      body.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' ||
      !body.client_assertion
    ) {
      return refuse('invalid_request', 'a jwt-bearer client_assertion is required');
    }
    try {
      await jwtVerify(body.client_assertion, jwks, {
        issuer: platform.clientId,
        subject: platform.clientId,
        audience: platform.registration.tokenUrl,
        algorithms: ['RS256'],
      });
    } catch (error) {
      return res.status(401).json({ error: 'invalid_client', error_description: (error as Error).message });
    }
    const scopes = (body.scope ?? '').split(' ').filter((s) => s === NRPS_SCOPE);
    if (scopes.length === 0) return refuse('invalid_scope', 'only the Names and Roles scope is offered');
    const accessToken = await new SignJWT({ scope: scopes.join(' ') })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
    res.json({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600, scope: scopes.join(' ') });
  });

  router.get('/courses/:courseId/memberships', async (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    try {
      const { payload } = await jwtVerify(token ?? '', key, { algorithms: ['HS256'] });
      if (!String(payload.scope).includes(NRPS_SCOPE)) throw new Error('scope');
    } catch {
      return res.status(401).json({ error: 'invalid_token' });
    }
    const course = findSandboxCourse(req.params.courseId);
    if (!course) return res.status(404).json({ error: 'not_found' });
    const offset = Math.max(0, Number(req.query.offset ?? 0) || 0);
    const page = SANDBOX_MEMBERS.slice(offset, offset + SANDBOX_PAGE_SIZE);
    const next = offset + SANDBOX_PAGE_SIZE < SANDBOX_MEMBERS.length;
    if (next)
      res.setHeader(
        'Link',
        `<${platform.issuer}/courses/${course.id}/memberships?offset=${offset + SANDBOX_PAGE_SIZE}>; rel="next"`,
      );
    res.type('application/vnd.ims.lti-nrps.v2.membershipcontainer+json').send(
      JSON.stringify({
        id: `${platform.issuer}/courses/${course.id}/memberships`,
        context: { id: course.id, label: course.label, title: course.title },
        members: page.map((u) => ({
          status: 'Active',
          user_id: u.id,
          name: u.name,
          given_name: u.givenName,
          family_name: u.familyName,
          roles: u.roles,
        })),
      }),
    );
  });

  // Dynamic registration, platform side: the configuration, and a registration endpoint that issues a client id.
  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({
      issuer: platform.issuer,
      authorization_endpoint: platform.registration.authUrl,
      token_endpoint: platform.registration.tokenUrl,
      jwks_uri: platform.registration.jwksUrl,
      registration_endpoint: `${platform.issuer}/register`,
      scopes_supported: ['openid', NRPS_SCOPE],
      response_types_supported: ['id_token'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['iss', 'sub', 'name', 'given_name', 'family_name'],
      'https://purl.imsglobal.org/spec/lti-platform-configuration': {
        product_family_code: 'tasting-menu-sandbox',
        version: '1.0',
        messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
      },
    });
  });

  router.post('/register', express.json(), (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!token || !platform.readHint(token)) return res.status(401).json({ error: 'invalid_token' });
    const body = req.body as { initiate_login_uri?: unknown; redirect_uris?: unknown; jwks_uri?: unknown };
    if (
      typeof body.initiate_login_uri !== 'string' ||
      !Array.isArray(body.redirect_uris) ||
      typeof body.jwks_uri !== 'string'
    ) {
      return res.status(400).json({ error: 'invalid_client_metadata' });
    }
    const suffix = createHmac('sha256', secret).update(token).digest('hex').slice(0, 8);
    // As Canvas answers: the client id and the echoed configuration, no deployment (that comes with the install).
    res.json({ ...body, client_id: `tasting-menu-dynreg-${suffix}` });
  });

  // Where a deep-linking response comes back: verify the tool's signature and show what it sent.
  router.post(
    '/deep-link-return',
    express.urlencoded({ extended: false, limit: '256kb' }),
    async (req, res) => {
      const { t, language } = sandboxWords(req);
      const jwt = (req.body as { JWT?: string }).JWT ?? '';
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(jwt, jwks, {
          issuer: platform.clientId,
          audience: platform.issuer,
          algorithms: ['RS256'],
        }));
      } catch (error) {
        return res
          .status(400)
          .type('html')
          .send(
            page(
              t('sandbox.deep-link.bad.title'),
              // The verifier's own words (jose), in English.
              `<h1>${esc(t('sandbox.deep-link.bad'))}</h1><p>${esc((error as Error).message)}</p>`,
              { lang: language },
            ),
          );
      }
      if (payload[CLAIM.messageType] !== 'LtiDeepLinkingResponse') {
        return res
          .status(400)
          .type('html')
          .send(
            page(t('sandbox.deep-link.bad.title'), `<h1>${esc(t('sandbox.deep-link.not'))}</h1>`, {
              lang: language,
            }),
          );
      }
      const hint = platform.readHint(
        String(payload['https://purl.imsglobal.org/spec/lti-dl/claim/data'] ?? ''),
      );
      const items = (payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] ?? []) as Array<
        Record<string, string>
      >;
      const list = items
        .map((item) => {
          if (item.type === 'ltiResourceLink' && hint) {
            const open = `/sandbox/courses/${encodeURIComponent(hint.course)}/initiate?user=${encodeURIComponent(hint.user)}&target=${encodeURIComponent(item.url ?? '')}`;
            return `<li data-item="link">${esc(t('sandbox.deep-link.link'))} <a href="${esc(open)}">${esc(item.title ?? 'Tasting Menu')}</a></li>`;
          }
          // The sandbox shows a card's HTML as text: an LMS sanitizes what a tool sends before it renders it.
          return `<li data-item="${esc(item.type ?? '')}">${esc(item.type ?? '')}: ${esc(item.title ?? '')}<pre>${esc(item.html ?? '')}</pre></li>`;
        })
        .join('');
      res.type('html').send(
        page(
          t('sandbox.deep-link.added.title'),
          `<h1>${esc(t('sandbox.deep-link.added'))}</h1><ul>${list}</ul>`,
          {
            lang: language,
          },
        ),
      );
    },
  );

  return router;
}
