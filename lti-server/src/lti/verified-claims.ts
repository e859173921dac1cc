import { createRequire } from 'node:module';
import type { LtijsToken } from 'ltijs';

/**
 * Claims of a verified id_token that ltijs 5.9.9 does not hand on. Its token object keeps a fixed set (`userInfo`:
 * names and email; `platformInfo`; `launchPresentation`…) and drops the OpenID Connect standard claim `locale` at the
 * top level, which LTI 1.3 allows and some platforms send instead of `launch_presentation.locale`.
 */
export interface VerifiedExtras {
  locale?: unknown;
}

/** The payload of an id_token as ltijs's `Auth.validateToken` returns it once every check has passed. */
export type VerifiedPayload = Record<string, unknown> & { iss: string; sub: string; clientId: string };

interface LtijsAuth {
  validateToken(...args: unknown[]): Promise<unknown>;
}

const WRAPPED = Symbol.for('tasting-menu.verified-claims');

/**
 * Launches waiting for ltijs to verify their id_token, by the token's text (its first argument). A Map keyed by the
 * token rather than an AsyncLocalStorage: once any AsyncLocalStorage runs, Node.js tracks every promise of the process
 * from then on (a promise hook), which cost every request of the server, not only launches, about 0.14 ms of CPU a
 * launch in a profile of 3,000 (issue #20).
 */
const waiting = new Map<string, { payload?: VerifiedPayload }>();

/**
 * Wraps ltijs's `Auth.validateToken` once per process: when it resolves, ltijs has checked the token's signature,
 * audience, nonce, age and LTI claims, and the wrapper keeps the object it returns for the launch waiting on that very
 * token (`awaitVerification`), if any. It never parses the raw token, never changes the result and never throws;
 * outside a launch it does nothing. Throws at start-up if ltijs no longer has that method, so an upgrade cannot
 * silently drop the claims.
 */
export function wrapTokenValidation(): void {
  const auth = createRequire(import.meta.url)('ltijs/dist/Utils/Auth') as Partial<LtijsAuth> & {
    [WRAPPED]?: true;
  };
  if (auth[WRAPPED]) return;
  const original = auth.validateToken;
  if (typeof original !== 'function') {
    throw new Error(
      'ltijs has no Auth.validateToken: check lti-server/src/lti/verified-claims.ts after an upgrade.',
    );
  }
  auth.validateToken = async function (this: unknown, ...args: unknown[]) {
    const verified = await original.apply(this, args);
    const slot = typeof args[0] === 'string' ? waiting.get(args[0]) : undefined;
    if (slot && isPayload(verified)) slot.payload = verified;
    return verified;
  };
  auth[WRAPPED] = true;
}

function isPayload(value: unknown): value is VerifiedPayload {
  if (!value || typeof value !== 'object') return false;
  const { iss, sub, clientId } = value as Record<string, unknown>;
  return typeof iss === 'string' && typeof sub === 'string' && typeof clientId === 'string';
}

/** What a launch learns from `awaitVerification`: the verified payload, once ltijs has verified its token. */
export interface Verification {
  payload(): VerifiedPayload | undefined;
  /** Forgets the launch; call it when its response is done, however it ended. */
  release(): void;
}

/**
 * Keeps the payload ltijs verifies for `idToken` from now until `release()`. A second launch with the same token at
 * the same time (a replay, which the nonce check refuses) is given no payload and left to read ltijs's documents.
 */
export function awaitVerification(idToken: string): Verification {
  if (waiting.has(idToken)) return { payload: () => undefined, release: () => {} };
  const slot: { payload?: VerifiedPayload } = {};
  waiting.set(idToken, slot);
  return {
    payload: () => slot.payload,
    release: () => {
      if (waiting.get(idToken) === slot) waiting.delete(idToken);
    },
  };
}

/** Launches still waiting (for tests: none may be left once their responses are done). */
export function waitingLaunches(): number {
  return waiting.size;
}

const CLAIM_PREFIX = 'https://purl.imsglobal.org/spec/';

/**
 * ltijs's token for a launch (the documents it writes as `idtoken` and `contexttoken`, read back together), built from
 * the payload it verified the same way ltijs 5.9.9 builds them (Provider.js, its app route): the fields
 * `claimsFromToken` reads, so the launch needs no read back of what ltijs just wrote.
 */
export function tokenOfPayload(payload: VerifiedPayload): LtijsToken {
  const claim = <T>(name: string) => payload[`${CLAIM_PREFIX}${name}`] as T | undefined;
  // As given, like ltijs: claimsFromToken validates what it takes (LaunchClaimsSchema).
  const raw = <T>(name: string) => payload[name] as T | undefined;
  return {
    iss: payload.iss,
    user: payload.sub,
    userInfo: {
      given_name: raw('given_name'),
      family_name: raw('family_name'),
      name: raw('name'),
      email: raw('email'),
    },
    platformInfo: claim('lti/claim/tool_platform'),
    clientId: payload.clientId,
    platformId: raw<string>('platformId') as string,
    deploymentId: claim<string>('lti/claim/deployment_id') as string,
    platformContext: {
      roles: claim('lti/claim/roles'),
      context: claim('lti/claim/context'),
      resource: claim('lti/claim/resource_link'),
      messageType: claim('lti/claim/message_type'),
      custom: claim('lti/claim/custom'),
      launchPresentation: claim('lti/claim/launch_presentation'),
      namesRoles: claim('lti-nrps/claim/namesroleservice'),
      deepLinkingSettings: claim('lti-dl/claim/deep_linking_settings'),
    },
  };
}
