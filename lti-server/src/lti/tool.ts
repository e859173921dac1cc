import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Kysely } from 'kysely';
import { type LtijsProvider, type LtijsToken, Provider as ltijsSingleton, type NrpsMember } from 'ltijs';
import { type LaunchRefusalStatus, LtiLaunchError } from '../../../shared/errors';
import {
  hasCoachClaim,
  type LaunchClaims,
  LaunchClaimsSchema,
  readLocale,
  readTimeZone,
} from '../../../shared/lti';
import { acceptLanguages, type Language, resolveLanguage } from '../../../shared/i18n';
import type { PlatformRegistration } from '../../../shared/platform';
import type { LtijsStore } from '../db/ltijs-store';
import type { Database } from '../db/schema';
import { type DynamicRegistrationResult, registerDynamically } from './dynamic-registration';
import { forwardRejections } from './forward-rejections';
import { type GuardDeps, guardIdToken, reasonFromLtijs, unstorableParam } from './launch-guard';
import { issueNonce, NONCE_INVALID_MESSAGE, useNonce } from './launch-nonce';
import { isOwnLaunchTarget, launchUrlsOf } from './login-target';
import {
  consumeStorageBinding,
  createStorageBinding,
  findStorageBinding,
  STORAGE_MARK_FIELD,
  STORAGE_REFUSALS,
  STORAGE_VALUE_FIELD,
  storageKeyOf,
  storageTargetOf,
} from './platform-storage';
import { type PublicJwk, rotateToolKey, toolKeySet } from './tool-keys';
import {
  awaitVerification,
  tokenOfPayload,
  type VerifiedExtras,
  type Verification,
  wrapTokenValidation,
} from './verified-claims';

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
  /** Adds a platform, or updates the one with the same issuer and client id (operator and sandbox only). */
  registerPlatform(registration: PlatformRegistration): Promise<void>;
  hasPlatform(issuer: string, clientId: string): Promise<boolean>;
  removePlatform(issuer: string, clientId: string): Promise<boolean>;
  /**
   * LTI Dynamic Registration with the LMS whose configuration is at `openidConfiguration`: registers this tool there
   * and answers the platform as the LMS described it (lti/dynamic-registration.ts). Keeps nothing itself.
   */
  registerDynamically(
    publicUrl: string,
    openidConfiguration: string,
    registrationToken: string | undefined,
    fetchImpl?: typeof fetch,
  ): Promise<DynamicRegistrationResult>;
  /** A signed LtiDeepLinkingResponse JWT carrying `items` back to the platform. */
  deepLinkingResponse(
    launch: { issuer: string; clientId: string; deploymentId: string },
    settings: { returnUrl: string; acceptTypes: string[]; acceptMultiple: boolean; data?: string },
    items: Array<Record<string, unknown>>,
    /** What the LMS may show once the items are added (the LTI `msg`), in the teacher's language. */
    message: string,
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
  /** PUBLIC_URL: a login may only ask the platform to post its launch to this tool (`launchUrlsOf`). */
  publicUrl: string;
  store: LtijsStore;
  db: Kysely<Database>;
  /**
   * Where a login's own rows are written (its nonce binding, its platform-storage binding): `DatabaseHandle.ephemeral`,
   * whose commits do not wait for the disk. A crash may lose the last moments of them: a login then in flight fails and
   * is started again. The use of a nonce binding is written through `db`, durably: it is the launch's only nonce record
   * (ltijs's own is turned off, `LtijsStore.leaveNoncesToTool`), so a crash cannot forget that a token was used.
   */
  launchDb: Kysely<Database>;
  /** HTTPS deployments need SameSite=None; Secure cookies to survive the OIDC round trip inside an LMS iframe. */
  secureCookies: boolean;
  guard: GuardDeps;
  onLaunch(claims: LaunchClaims, req: Request, res: Response): Promise<void>;
  onRefused(error: LtiLaunchError, req: Request, res: Response): void;
  /** Whether the database answers; asked only after a launch failed, before calling the failure a refusal. */
  databaseAvailable(): Promise<boolean>;
  /** A launch that failed because the database is unreachable: a "try again shortly" page, not a refusal. */
  onUnavailable(req: Request, res: Response): void;
  /**
   * The pages of a cookieless launch (LTI platform storage), rendered by the HTTP layer. Without them a login that
   * names an `lti_storage_target` is answered as any other (state cookie only).
   */
  storagePages?: PlatformStoragePages;
}

/** The browser's language (Accept-Language), for a page shown before a launch is verified. */
const browserLanguage = (req: Request): Language =>
  resolveLanguage(acceptLanguages(req.get('accept-language'))).language;

/** The pages of a cookieless launch; `language` is the browser's (the launch is not verified yet). */
export interface PlatformStoragePages {
  /** The login's answer: stores `value` under `key` with the platform, then goes on to `next` (its auth URL). */
  save(input: {
    next: string;
    platformOrigin: string;
    target: string;
    key: string;
    value: string;
    language: Language;
  }): string;
  /** The launch's answer: reads `key` back from the platform and posts it with `fields` to `action`. */
  load(input: {
    language: Language;
    action: string;
    platformOrigin: string;
    target: string;
    key: string;
    fields: Record<string, string>;
  }): string;
}

/** Replaces `res.send` for one response: a 5xx answer goes to `handle`, which sends it (`send`) or another one. */
function interceptServerError(res: Response, handle: (send: () => void) => void): void {
  const original = res.send.bind(res);
  res.send = ((body?: unknown) => {
    res.send = original;
    if (res.statusCode < 500) return original(body);
    handle(() => original(body));
    return res;
  }) as Response['send'];
}

/** Replaces `res.redirect` for one response; `handle` gets the URL and the original redirect to fall back on. */
function interceptRedirect(res: Response, handle: (url: string, redirect: () => void) => void): void {
  const original = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    res.redirect = original as Response['redirect'];
    const url = args.find((a): a is string => typeof a === 'string');
    if (url === undefined) return original(...args);
    handle(url, () => original(...args));
  }) as Response['redirect'];
}

type ProviderConstructor = new () => LtijsProvider;

const webUrl = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 2000 && /^https?:\/\//i.test(value) && URL.canParse(value);

/**
 * Our launch claims from ltijs's token. `extras` are claims of the same verified id_token that ltijs drops
 * (`verified-claims.ts`): the top-level OIDC `locale` counts when `launch_presentation` has no valid one.
 */
export function claimsFromToken(
  token: LtijsToken,
  query: Record<string, unknown> = {},
  extras: VerifiedExtras = {},
): LaunchClaims {
  const dl = token.platformContext.deepLinkingSettings;
  const info = token.userInfo ?? {};
  const name = info.name ?? [info.given_name, info.family_name].filter(Boolean).join(' ');
  const context = token.platformContext.context;
  const custom = token.platformContext.custom;
  // Language and time zone are conveniences: a malformed value is dropped, never a reason to refuse the launch.
  const locale = readLocale(token.platformContext.launchPresentation?.locale) ?? readLocale(extras.locale);
  const timeZone = readTimeZone(custom?.timezone);
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
    // Optional and only a hint of where the LMS frames us: a value that is no web address is left out, not refused.
    ...(webUrl(token.platformContext.launchPresentation?.return_url)
      ? { presentationReturnUrl: token.platformContext.launchPresentation?.return_url }
      : {}),
    // A deep-linked resource link comes back as /lti/launch?strategy=<id>; ltijs hands the query on.
    ...(typeof query.strategy === 'string' ? { strategyId: query.strategy } : {}),
    ...(hasCoachClaim(custom) ? { coachClaim: true } : {}),
    ...(locale ? { locale } : {}),
    ...(timeZone ? { timeZone } : {}),
  });
}

/** ltijs's ltik is an HS256 JWT signed with the LTI key; returns its claims when the signature holds. */
function verifyLtik(
  ltik: string,
  key: string,
):
  | { platformUrl: string; clientId: string; deploymentId: string; contextId: string; user: string }
  | undefined {
  const [header, payload, signature] = ltik.split('.');
  if (!header || !payload || !signature) return undefined;
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const fields = ['platformUrl', 'clientId', 'deploymentId', 'contextId', 'user'] as const;
    if (alg !== 'HS256' || !fields.every((f) => typeof claims[f] === 'string')) return undefined;
    return claims as {
      platformUrl: string;
      clientId: string;
      deploymentId: string;
      contextId: string;
      user: string;
    };
  } catch {
    return undefined;
  }
}

export function createLtiTool(options: LtiToolOptions): LtiTool {
  const Ctor = ltijsSingleton.constructor as ProviderConstructor;
  wrapTokenValidation();
  // Every launch ltijs could accept has passed `launchNonce` first (the nonce issued with its login, used once).
  options.store.leaveNoncesToTool();
  const provider = new Ctor();
  const launchUrls = launchUrlsOf(options.publicUrl);
  const refuse = (
    req: Request,
    res: Response,
    reason: string,
    message: string,
    status?: LaunchRefusalStatus,
  ) => options.onRefused(new LtiLaunchError(reason, message, status), req, res);
  const refused = (req: Request, res: Response, next: NextFunction) => (error: unknown) => {
    if (error instanceof LtiLaunchError) return options.onRefused(error, req, res);
    next(error);
  };
  /** ltijs turns a database failure into a 500 (login) or an invalid token (launch): check before answering so. */
  const unlessUnavailable = (req: Request, res: Response, answer: () => void) => {
    options.databaseAvailable().then(
      (available) => (available ? answer() : options.onUnavailable(req, res)),
      () => options.onUnavailable(req, res),
    );
  };

  const connect = async (
    token: LtijsToken,
    req: Request,
    res: Response,
    query = req.query as Record<string, unknown>,
    extras: VerifiedExtras = {},
  ) => {
    let claims: LaunchClaims;
    try {
      claims = claimsFromToken(token, query, extras);
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

  /**
   * ltijs's /login creates the state (its cookie holds the issuer) and the nonce, and redirects to the platform's
   * auth URL. Before it runs, a foreign `target_link_uri` is refused; on its redirect, the nonce is recorded with the
   * state. A login that names an `lti_storage_target` is then answered with a page that first keeps a binding secret
   * in the platform's storage; if that fails, the plain redirect (cookie only) goes out instead.
   */
  const login = (req: Request, res: Response, next: NextFunction) => {
    if (req.path !== '/login') return next();
    const params = {
      ...(req.query as Record<string, unknown>),
      ...((req.body as Record<string, unknown> | undefined) ?? {}),
    };
    if (!isOwnLaunchTarget(params.target_link_uri, launchUrls)) {
      return refuse(
        req,
        res,
        'TARGET_LINK_INVALID',
        `The LMS asked to open Tasting Menu at an address that is not its launch URL. Ask your LMS administrator to set the target link URI to ${launchUrls[0]}.`,
        400,
      );
    }
    const issuer = params.iss;
    // ltijs finds no platform for it and redirects nowhere.
    if (typeof issuer !== 'string') return next();
    const target = storageTargetOf(params.lti_storage_target);
    interceptRedirect(res, (url, redirect) => {
      answerLogin(res, { url, issuer, target }, redirect).catch(next);
    });
    next();
  };

  /** ltijs's redirect of a login: its nonce recorded first, then the redirect or the platform-storage page. */
  const answerLogin = async (
    res: Response,
    started: { url: string; issuer: string; target: string | undefined },
    redirect: () => void,
  ) => {
    const { url, issuer, target } = started;
    const auth = new URL(url);
    const state = auth.searchParams.get('state');
    const nonce = auth.searchParams.get('nonce');
    if (!state || !nonce) throw new Error('ltijs redirected a login without state or nonce');
    await issueNonce(options.launchDb, { state, nonce, issuer }, Date.now());
    const pages = options.storagePages;
    if (!pages || !target) return redirect();
    const platformOrigin = auth.origin;
    let value: string;
    try {
      value = await createStorageBinding(
        options.launchDb,
        { state, issuer, target, platformOrigin },
        Date.now(),
      );
    } catch {
      return redirect();
    }
    res
      .status(200)
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(
        pages.save({
          next: url,
          platformOrigin,
          target,
          key: storageKeyOf(state),
          value,
          language: browserLanguage(res.req),
        }),
      );
  };

  /**
   * Every launch ltijs takes past its state check (the state's cookie, or the storage binding standing in for it) must
   * first use up its login's nonce. ltijs refuses a launch without the cookie named `state${state}` (STATE_MISMATCH),
   * so such a launch is left to it; a state or token that is not one string (ltijs would look up `state${['…']}`) is
   * refused here.
   */
  const launchNonce = (req: Request, res: Response, next: NextFunction) => {
    const { id_token: idToken, state } = (req.body ?? {}) as Record<string, unknown>;
    if (req.method !== 'POST' || req.path !== '/launch' || !idToken) return next();
    if (typeof idToken !== 'string' || typeof state !== 'string') {
      return refuse(req, res, 'NONCE_INVALID', NONCE_INVALID_MESSAGE);
    }
    const cookies = req.signedCookies as Record<string, unknown> | undefined;
    if (!cookies?.[`state${state}`]) return next();
    useNonce(options.db, state, idToken, Date.now()).then(
      () => finishInThisResponse(req, res, next),
      refused(req, res, next),
    );
  };

  /**
   * A launch without its state cookie whose login kept a binding in platform storage: first a page that reads the
   * secret back and posts it here again; then, once the secret holds, the launch goes on (to the nonce check, then
   * ltijs) with the state value its cookie would have carried. A launch that has its cookie never comes through here.
   */
  const storageLaunch =
    (pages: PlatformStoragePages) => (req: Request, res: Response, next: NextFunction) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const { id_token: idToken, state } = body;
      if (req.method !== 'POST' || req.path !== '/launch') return next();
      if (typeof idToken !== 'string' || typeof state !== 'string') return next();
      const marked = body[STORAGE_MARK_FIELD] === '1';
      const cookies = req.signedCookies as Record<string, unknown> | undefined;
      if (!marked && typeof cookies?.[`state${state}`] === 'string') return next();

      const decide = async (): Promise<boolean> => {
        const now = Date.now();
        if (!marked) {
          const binding = await findStorageBinding(options.launchDb, state, now);
          // No cookie and no binding: ltijs refuses it (STATE_MISMATCH) as before.
          if (!binding) return true;
          if (binding.used) {
            throw new LtiLaunchError('STORAGE_BINDING_USED', STORAGE_REFUSALS.STORAGE_BINDING_USED);
          }
          res
            .status(200)
            .type('html')
            .set('Cache-Control', 'no-store')
            .send(
              pages.load({
                language: browserLanguage(req),
                action: req.originalUrl,
                platformOrigin: binding.platformOrigin,
                target: binding.target,
                key: storageKeyOf(state),
                fields: { id_token: idToken, state, [STORAGE_MARK_FIELD]: '1' },
              }),
            );
          return false;
        }
        const value = typeof body[STORAGE_VALUE_FIELD] === 'string' ? body[STORAGE_VALUE_FIELD] : '';
        const binding = await consumeStorageBinding(options.launchDb, state, value, now);
        // What ltijs's state cookie would have carried: the issuer the login was started for. The nonce check then
        // runs as for a cookie launch; ltijs still compares the issuer and verifies signature, audience and token age.
        (req.signedCookies as Record<string, unknown>)[`state${state}`] = binding.issuer;
        // The nonce check comes next, and the launch finishes in this response as every launch does (ltijs's
        // /launch?ltik=… would need its session cookie).
        return true;
      };
      decide().then(
        (proceed) => {
          if (proceed) next();
        },
        (error: unknown) => {
          if (error instanceof LtiLaunchError) return options.onRefused(error, req, res);
          next(error);
        },
      );
    };

  /**
   * Once ltijs has verified a launch it redirects the browser to `/launch?ltik=…`, where it reads the launch back and
   * calls `onConnect`. Both paths finish in the launch's own response instead: the ltik is verified and the launch
   * taken as ltijs verified it, and the browser, the LMS frame and the database are spared a round trip (a request,
   * its rate-limit count, ltijs's session check).
   */
  const finishInThisResponse = (req: Request, res: Response, next: NextFunction) => {
    const verification = awaitVerification(String((req.body as { id_token?: unknown }).id_token));
    res.once('close', verification.release);
    interceptRedirect(res, (url, redirect) => {
      finishWithoutCookie(url, req, res, verification).then(
        (finished) => {
          if (!finished) redirect();
        },
        (error: unknown) => {
          if (error instanceof LtiLaunchError) return options.onRefused(error, req, res);
          next(error);
        },
      );
    });
    next();
  };

  /**
   * What ltijs does on its `?ltik=` request, for the ltik it just minted in this same response: its token, built from
   * the payload it verified in this response when the ltik names that launch, or else read back from its documents.
   */
  const finishWithoutCookie = async (
    url: string,
    req: Request,
    res: Response,
    verification: Verification,
  ): Promise<boolean> => {
    const target = new URL(url, 'http://tool.invalid');
    const ltik = target.searchParams.get('ltik');
    const claims = ltik ? verifyLtik(ltik, options.key) : undefined;
    if (!claims) return false;
    target.searchParams.delete('ltik');
    const query = Object.fromEntries(target.searchParams);
    const payload = verification.payload();
    const verified = payload ? tokenOfPayload(payload) : undefined;
    if (
      verified &&
      verified.iss === claims.platformUrl &&
      verified.clientId === claims.clientId &&
      verified.deploymentId === claims.deploymentId &&
      verified.user === claims.user
    ) {
      await connect(verified, req, res, query, { locale: payload?.locale });
      return true;
    }
    const idTokens = await options.store.Get(false, 'idtoken', {
      iss: claims.platformUrl,
      clientId: claims.clientId,
      deploymentId: claims.deploymentId,
      user: claims.user,
    });
    const contexts = await options.store.Get(false, 'contexttoken', {
      contextId: claims.contextId,
      user: claims.user,
    });
    if (!idTokens || !contexts) {
      throw new LtiLaunchError(
        'SESSION_NOT_FOUND',
        'Your launch session was not found; open the tool from your LMS again.',
      );
    }
    const token = { ...idTokens[0], platformContext: contexts[0] } as unknown as LtijsToken;
    await connect(token, req, res, query);
    return true;
  };

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
        // These run after ltijs's body and cookie parsers and before its session validator and login route.
        app.use((req: Request, res: Response, next: NextFunction) => {
          const problem = unstorableParam(req.query) ?? unstorableParam(req.body);
          if (!problem) return next();
          options.onRefused(
            new LtiLaunchError(
              'PARAMS_INVALID',
              `The LMS sent text Tasting Menu cannot store: ${problem}.`,
              400,
            ),
            req,
            res,
          );
        });
        app.use((req: Request, res: Response, next: NextFunction) => {
          const idToken = (req.body as { id_token?: unknown } | undefined)?.id_token;
          if (req.method !== 'POST' || req.path !== '/launch' || typeof idToken !== 'string') return next();
          guardIdToken(idToken, options.guard).then(() => next(), refused(req, res, next));
        });
        app.use((req: Request, res: Response, next: NextFunction) => {
          if (req.path === '/login') interceptServerError(res, (send) => unlessUnavailable(req, res, send));
          next();
        });
        app.use(login);
        if (options.storagePages) app.use(storageLaunch(options.storagePages));
        // After storageLaunch, which gives a cookieless launch the state its cookie would have carried.
        app.use(launchNonce);
      },
    },
  );

  provider.onConnect((token, req, res) => connect(token, req, res));
  // Deep linking starts like any launch (same checks, same session); the claims carry where to return.
  provider.onDeepLinking((token, req, res) => connect(token, req, res));
  provider.onInvalidToken(async (req, res) => {
    const details = (res.locals.err as { details?: { message?: string } } | undefined)?.details;
    const { reason, message } = reasonFromLtijs(details?.message);
    unlessUnavailable(req, res, () => refuse(req, res, reason, message));
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
  forwardRejections(provider.app);

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
    deepLinkingResponse(launch, settings, items, message) {
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
        { message },
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
    registerDynamically: (publicUrl, openidConfiguration, registrationToken, fetchImpl) =>
      registerDynamically(publicUrl, openidConfiguration, registrationToken, fetchImpl),
    async hasPlatform(issuer, clientId) {
      return (await provider.getPlatform(issuer, clientId)) !== false;
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
