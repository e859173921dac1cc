import { generateKeyPair, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { promisify } from 'node:util';
import express, { type Express } from 'express';
import { createRemoteJWKSet, exportJWK, importPKCS8, jwtVerify, SignJWT } from 'jose';

/**
 * What the Canvas-shaped and Schoology-shaped test platforms share: an HTTP server on a loopback port that signs
 * id_tokens with its own RSA key (published at its JWKS), answers an OIDC authorization request with the self-posting
 * form that carries the id_token to the tool, issues Names and Roles access tokens against the tool's signed client
 * assertion (IMS Security Framework §4.1, checked against the tool's JWKS), and serves a membership container page by
 * page with `Link: <…>; rel="next"` headers. The shapes of what each LMS sends live in canvas-platform.ts and
 * schoology-platform.ts.
 */
export const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
const NRPS_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

export interface NrpsMember {
  status: 'Active' | 'Inactive';
  user_id: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  roles: string[];
}

/** What the platform's authorization endpoint received, for the shaped platform to check and answer. */
export interface AuthRequest {
  query: Record<string, string>;
}

export interface LoopbackPlatform {
  app: Express;
  origin: string;
  kid: string;
  jwks: { keys: object[] };
  sign(claims: Record<string, unknown>): Promise<string>;
  /** The page that posts the id_token to the tool's redirect_uri, as an LMS's authorization endpoint answers. */
  autoPost(action: string, fields: Record<string, string>): string;
  /** A token endpoint at `path` that trusts assertions verified against `toolJwksUrl()` for `clientId()`. */
  serveTokenEndpoint(path: string, trust: () => { clientId: string; toolJwksUrl: string } | undefined): void;
  /** A membership service at `path` (with `:context`) that pages `membersOf(context)` at most `maxPageSize` a page. */
  serveMemberships(
    path: string,
    maxPageSize: number,
    membersOf: (context: string) => { context: object; members: NrpsMember[] } | undefined,
  ): void;
  /** Access tokens issued, and member pages served (their `limit`/`offset` and how many members). */
  served: { tokens: number; pages: Array<{ limit: number; offset: number; count: number }> };
  close(): Promise<void>;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export async function startLoopbackPlatform(kid: string): Promise<LoopbackPlatform> {
  // Off the event loop: a blocked loop lets the tool server's keep-alive timers fire late.
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const signingKey = await importPKCS8(
    privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    'RS256',
  );
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const accessKey = randomBytes(32);
  const app = express();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const served: LoopbackPlatform['served'] = { tokens: 0, pages: [] };

  const platform: LoopbackPlatform = {
    app,
    origin,
    kid,
    jwks: { keys: [jwk] },
    served,
    sign: (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(signingKey),
    autoPost: (action, fields) =>
      `<!doctype html><html><body><form id="autopost" method="post" action="${esc(action)}">${Object.entries(
        fields,
      )
        .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
        .join('')}</form><script>document.getElementById('autopost').submit()</script></body></html>`,

    serveTokenEndpoint(path, trust) {
      app.post(path, express.urlencoded({ extended: false }), async (req, res) => {
        const body = req.body as Record<string, string | undefined>;
        const tool = trust();
        const refuse = (status: number, error: string, description: string) =>
          res.status(status).json({ error, error_description: description });
        if (!tool) return refuse(400, 'invalid_client', 'no tool is registered');
        if (body.grant_type !== 'client_credentials')
          return refuse(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
        if (body.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
          return refuse(400, 'invalid_request', 'a jwt-bearer client_assertion is required');
        try {
          await jwtVerify(body.client_assertion ?? '', createRemoteJWKSet(new URL(tool.toolJwksUrl)), {
            issuer: tool.clientId,
            subject: tool.clientId,
            audience: `${origin}${path}`,
            algorithms: ['RS256'],
          });
        } catch (error) {
          return refuse(401, 'invalid_client', (error as Error).message);
        }
        const scopes = (body.scope ?? '').split(' ').filter((s) => s === NRPS_SCOPE);
        if (scopes.length === 0)
          return refuse(400, 'invalid_scope', 'only the Names and Roles scope is offered');
        served.tokens++;
        const accessToken = await new SignJWT({ scope: scopes.join(' '), sub: tool.clientId })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(accessKey);
        res.json({
          access_token: accessToken,
          token_type: 'Bearer',
          expires_in: 3600,
          scope: scopes.join(' '),
        });
      });
    },

    serveMemberships(path, maxPageSize, membersOf) {
      app.get(path, async (req, res) => {
        const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
        try {
          const { payload } = await jwtVerify(token ?? '', accessKey, { algorithms: ['HS256'] });
          if (!String(payload.scope).split(' ').includes(NRPS_SCOPE)) throw new Error('scope');
        } catch {
          return res.status(401).json({ error: 'invalid_token' });
        }
        const found = membersOf(String(req.params.context));
        if (!found) return res.status(404).json({ error: 'not_found' });
        const limit = Math.min(maxPageSize, Math.max(1, Number(req.query.limit) || maxPageSize));
        const offset = Math.max(0, Number(req.query.offset) || 0);
        const page = found.members.slice(offset, offset + limit);
        served.pages.push({ limit, offset, count: page.length });
        const self = `${origin}${req.path}`;
        if (offset + limit < found.members.length) {
          res.setHeader('Link', `<${self}?limit=${limit}&offset=${offset + limit}>; rel="next"`);
        }
        res.type(NRPS_MEDIA_TYPE).send(JSON.stringify({ id: self, context: found.context, members: page }));
      });
    },

    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return platform;
}

/** The authorization request's query, as strings (repeated parameters are refused: an LMS would too). */
export function queryOf(query: unknown): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (typeof v !== 'string') return undefined;
    out[k] = v;
  }
  return out;
}
