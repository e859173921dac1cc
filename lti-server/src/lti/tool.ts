import type { Express, NextFunction, Request, Response } from 'express';
import { Provider as ltijsSingleton, type LtijsProvider, type LtijsToken, type NrpsMember } from 'ltijs';
import { LtiLaunchError } from '../../../shared/errors';
import { type LaunchClaims, LaunchClaimsSchema } from '../../../shared/lti';
import type { PlatformRegistration } from '../../../shared/platform';
import type { Kysely } from 'kysely';
import type { LtijsStore } from '../db/ltijs-store';
import type { Database } from '../db/schema';
import { type GuardDeps, guardIdToken, reasonFromLtijs } from './launch-guard';
import { type PublicJwk, rotateToolKey, toolKeySet } from './tool-keys';

/**
 * Our wrapper around ltijs: the rest of the server sees `LtiTool` and our own types, never ltijs.
 * ltijs exports a singleton; we construct a fresh Provider per tool so tests and the benchmark can run several
 * tools in one process.
 */
export interface LtiTool {
  /** Express sub-app serving /login, /launch, /keys; mount it at /lti. */
  app: Express;
  /** The tool's public keys, with retired ones until they expire (served at /lti/keys). */
  keySet(now: Date): Promise<{ keys: PublicJwk[] }>;
  /** A new signing key for a platform; the old public key stays published for `graceDays`. */
  rotateKey(
    issuer: string,
    clientId: string,
    now: Date,
    graceDays?: number,
  ): Promise<{ oldKid: string; newKid: string; oldKeyExpiresAt: string }>;
  registerPlatform(registration: PlatformRegistration): Promise<void>;
  removePlatform(issuer: string, clientId: string): Promise<boolean>;
  /** A signed LtiDeepLinkingResponse JWT carrying `items` back to the platform. */
  deepLinkingResponse(
    launch: { issuer: string; clientId: string; deploymentId: string },
    settings: { returnUrl: string; acceptTypes: string[]; acceptMultiple: boolean; data?: string },
    items: Array<Record<string, unknown>>,
  ): Promise<string>;
  /** Every member of a course from the platform's Names and Roles service (all pages). */
  courseMembers(
    platform: { issuer: string; clientId: string },
    membershipsUrl: string,
  ): Promise<NrpsMember[]>;
  listPlatforms(): Promise<
    Array<{
      issuer: string;
      clientId: string;
      name: string;
      authUrl: string;
      tokenUrl: string;
      jwksUrl: string;
    }>
  >;
}

export interface LtiToolOptions {
  key: string;
  store: LtijsStore;
  db: Kysely<Database>;
  /** HTTPS deployments need SameSite=None; Secure cookies to survive the OIDC round trip inside an LMS iframe. */
  secureCookies: boolean;
  guard: GuardDeps;
  onLaunch(claims: LaunchClaims, req: Request, res: Response): Promise<void>;
  onRefused(error: LtiLaunchError, req: Request, res: Response): void;
}

type ProviderConstructor = new () => LtijsProvider;

export function claimsFromToken(token: LtijsToken, query: Record<string, unknown> = {}): LaunchClaims {
  const dl = token.platformContext.deepLinkingSettings;
  const info = token.userInfo ?? {};
  const name = info.name ?? [info.given_name, info.family_name].filter(Boolean).join(' ');
  const context = token.platformContext.context;
  return LaunchClaimsSchema.parse({
    issuer: token.iss,
    clientId: token.clientId,
    deploymentId: token.deploymentId,
    subject: token.user,
    ...(name ? { name } : {}),
    roles: token.platformContext.roles ?? [],
    ...(context ? { context: { id: context.id, title: context.title, label: context.label } } : {}),
    ...(token.platformInfo?.name ? { platformName: token.platformInfo.name } : {}),
    ...(token.platformContext.namesRoles?.context_memberships_url
      ? { membershipsUrl: token.platformContext.namesRoles.context_memberships_url }
      : {}),
    ...(token.platformContext.messageType === 'LtiDeepLinkingRequest' && dl
      ? {
          deepLinking: {
            returnUrl: dl.deep_link_return_url,
            acceptTypes: dl.accept_types ?? [],
            acceptMultiple: !(dl.accept_multiple === false || dl.accept_multiple === 'false'),
            ...(dl.data ? { data: dl.data } : {}),
          },
        }
      : {}),
    // A deep-linked resource link comes back as /lti/launch?strategy=<id>; ltijs hands the query on.
    ...(typeof query.strategy === 'string' ? { strategyId: query.strategy } : {}),
  });
}

export function createLtiTool(options: LtiToolOptions): LtiTool {
  const Ctor = ltijsSingleton.constructor as ProviderConstructor;
  const provider = new Ctor();
  const refuse = (req: Request, res: Response, reason: string, message: string) =>
    options.onRefused(new LtiLaunchError(reason, message), req, res);

  provider.setup(
    options.key,
    { plugin: options.store },
    {
      appRoute: '/launch',
      loginRoute: '/login',
      keysetRoute: '/keys',
      dynRegRoute: '/register',
      cors: false,
      devMode: false,
      tokenMaxAge: 10,
      cookies: options.secureCookies
        ? { secure: true, sameSite: 'None' }
        : { secure: false, sameSite: 'Lax' },
      serverAddon: (app: Express) => {
        // Runs after ltijs's body parsers and before its session validator.
        app.use((req: Request, res: Response, next: NextFunction) => {
          const idToken = (req.body as { id_token?: unknown } | undefined)?.id_token;
          if (req.method !== 'POST' || req.path !== '/launch' || typeof idToken !== 'string') return next();
          guardIdToken(idToken, options.guard).then(
            () => next(),
            (error: unknown) => {
              if (error instanceof LtiLaunchError) return options.onRefused(error, req, res);
              next(error);
            },
          );
        });
      },
    },
  );

  const connect = async (token: LtijsToken, req: Request, res: Response) => {
    let claims: LaunchClaims;
    try {
      claims = claimsFromToken(token, req.query as Record<string, unknown>);
    } catch {
      return refuse(
        req,
        res,
        'CLAIMS_INVALID',
        'The launch is missing information Tasting Menu needs (user or roles).',
      );
    }
    await options.onLaunch(claims, req, res);
  };
  provider.onConnect(connect);
  // Deep linking starts like any launch (same checks, same session); the claims carry where to return.
  provider.onDeepLinking(connect);
  provider.onInvalidToken(async (req, res) => {
    const details = (res.locals.err as { details?: { message?: string } } | undefined)?.details;
    const { reason, message } = reasonFromLtijs(details?.message);
    refuse(req, res, reason, message);
  });
  provider.onSessionTimeout(async (req, res) =>
    refuse(
      req,
      res,
      'SESSION_NOT_FOUND',
      'Your launch session was not found; open the tool from your LMS again.',
    ),
  );
  provider.onUnregisteredPlatform(async (req, res) =>
    refuse(
      req,
      res,
      'PLATFORM_UNKNOWN',
      'This LMS (issuer and client id) is not registered with Tasting Menu.',
    ),
  );
  provider.onInactivePlatform(async (req, res) =>
    refuse(req, res, 'PLATFORM_INACTIVE', 'This LMS registration is not active yet.'),
  );

  return {
    app: provider.app,
    keySet: (now) => toolKeySet(options.store, options.db, options.key, now),
    rotateKey: (issuer, clientId, now, graceDays) =>
      rotateToolKey(options.store, options.db, options.key, { issuer, clientId }, now, graceDays),
    async registerPlatform(r) {
      await provider.registerPlatform({
        url: r.issuer,
        name: r.name,
        clientId: r.clientId,
        authenticationEndpoint: r.authUrl,
        accesstokenEndpoint: r.tokenUrl,
        authConfig: { method: 'JWK_SET', key: r.jwksUrl },
      });
    },
    deepLinkingResponse(launch, settings, items) {
      return provider.DeepLinking.createDeepLinkingMessage(
        {
          iss: launch.issuer,
          clientId: launch.clientId,
          deploymentId: launch.deploymentId,
          platformContext: {
            deepLinkingSettings: {
              deep_link_return_url: settings.returnUrl,
              accept_types: settings.acceptTypes,
              accept_multiple: settings.acceptMultiple,
              ...(settings.data ? { data: settings.data } : {}),
            },
          },
        },
        items,
        { message: 'Added from Tasting Menu' },
      );
    },
    async courseMembers(platform, membershipsUrl) {
      const result = await provider.NamesAndRoles.getMembers(
        {
          iss: platform.issuer,
          clientId: platform.clientId,
          platformContext: { namesRoles: { context_memberships_url: membershipsUrl } },
        },
        { pages: false, limit: 100 },
      );
      return result.members;
    },
    async removePlatform(issuer, clientId) {
      const existing = await provider.getPlatform(issuer, clientId);
      if (!existing) return false;
      await existing.delete();
      return true;
    },
    async listPlatforms() {
      const platforms = await provider.getAllPlatforms();
      return Promise.all(
        platforms.map(async (p) => ({
          issuer: await p.platformUrl(),
          clientId: await p.platformClientId(),
          name: await p.platformName(),
          authUrl: await p.platformAuthEndpoint(),
          tokenUrl: await p.platformAccessTokenEndpoint(),
          jwksUrl: (await p.platformAuthConfig()).key,
        })),
      );
    },
  };
}
