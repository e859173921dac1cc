import { deploymentUnknownError, LtiLaunchError } from '../../../shared/errors';
import { CLAIM } from '../../../shared/lti';
import { problemText } from '../../../shared/problems';
import { normaliseLineEnds, unstorableText } from '../../../shared/text';

/**
 * Checks an id_token before ltijs verifies it, closing the gaps ltijs 5.9.9 leaves open: it accepts any
 * `deployment_id` that is present, an `iat` in the future, and a token without `exp`. Only cheap, unverified
 * reads happen here; the signature, audience, nonce and state are still verified by ltijs afterwards, so a
 * token that passes this guard is not trusted until ltijs accepts it.
 */
export interface GuardDeps {
  /**
   * Deployment ids registered for a platform (issuer + client id); empty when the platform is unknown. It may answer
   * from a short-lived cache: the guard is an early filter, and the launch checks the deployment again in the
   * database when ltijs is done (domain/launch.ts).
   */
  deploymentsOf(issuer: string, clientId: string, options?: { fresh?: boolean }): Promise<string[]>;
  /** Whether the platform records new deployments at their first verified launch (dynamic registration). */
  learnsDeployments(issuer: string, clientId: string): Promise<boolean>;
  now(): number;
}

const CLOCK_SKEW_SECONDS = 5;

function decodePart(part: string | undefined): Record<string, unknown> {
  if (!part) throw new LtiLaunchError('TOKEN_MALFORMED', 'The launch token is not a JWT.');
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new LtiLaunchError('TOKEN_MALFORMED', 'The launch token is not a JWT.');
}

export async function guardIdToken(idToken: string, deps: GuardDeps): Promise<void> {
  const parts = idToken.split('.');
  if (parts.length !== 3) throw new LtiLaunchError('TOKEN_MALFORMED', 'The launch token is not a JWT.');
  const header = decodePart(parts[0]);
  const payload = decodePart(parts[1]);

  if (header.alg !== 'RS256') {
    throw new LtiLaunchError('ALG_NOT_ALLOWED', 'The launch token must be signed with RS256.');
  }
  const now = deps.now() / 1000;
  if (typeof payload.exp !== 'number')
    throw new LtiLaunchError('EXP_MISSING', 'The launch token has no expiry.');
  if (typeof payload.iat !== 'number')
    throw new LtiLaunchError('IAT_MISSING', 'The launch token has no issue time.');
  if (payload.iat > now + CLOCK_SKEW_SECONDS) {
    throw new LtiLaunchError(
      'IAT_IN_FUTURE',
      'The launch token was issued in the future; check the LMS clock.',
    );
  }
  if (typeof payload[CLAIM.messageType] !== 'string') {
    throw new LtiLaunchError('MESSAGE_TYPE_MISSING', 'The launch has no LTI message type.');
  }
  if (payload[CLAIM.version] !== '1.3.0') {
    throw new LtiLaunchError('VERSION_INVALID', 'The launch is not an LTI 1.3.0 message.');
  }
  const deploymentId = payload[CLAIM.deploymentId];
  if (typeof deploymentId !== 'string' || deploymentId === '') {
    throw new LtiLaunchError('DEPLOYMENT_MISSING', 'The launch names no deployment.');
  }
  const issuer = payload.iss;
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  // With several audiences, OIDC says azp names the one meant; ltijs checks azp against the client id.
  const clientId = typeof payload.azp === 'string' ? payload.azp : audiences[0];
  if (typeof issuer !== 'string' || typeof clientId !== 'string') {
    throw new LtiLaunchError('TOKEN_MALFORMED', 'The launch token has no issuer or audience.');
  }
  let deployments = await deps.deploymentsOf(issuer, clientId);
  // A remembered list may predate a registration: ask the database before refusing.
  if (!deployments.includes(deploymentId))
    deployments = await deps.deploymentsOf(issuer, clientId, { fresh: true });
  if (deployments.includes(deploymentId)) return;
  // Nothing here is verified yet: a new deployment of a platform that learns them passes on to ltijs, and is
  // recorded only once the launch is verified (domain/launch.ts).
  if (await deps.learnsDeployments(issuer, clientId)) return;
  if (deployments.length === 0) {
    throw new LtiLaunchError(
      'PLATFORM_UNKNOWN',
      'This LMS (issuer and client id) is not registered with Tasting Menu.',
    );
  }
  throw deploymentUnknownError();
}

/** Maps ltijs's error messages to our stable reason codes. */
export function reasonFromLtijs(message: string | undefined): { reason: string; message: string } {
  const m = message ?? '';
  const table: Array<[RegExp, string, string]> = [
    [
      /MISSING_VALIDATION_COOKIE/,
      'STATE_MISMATCH',
      'The launch did not match a login started here (state check failed).',
    ],
    [/ISS_CLAIM_DOES_NOT_MATCH/, 'ISSUER_MISMATCH', 'The launch came from a different LMS than the login.'],
    [
      /UNREGISTERED_PLATFORM/,
      'PLATFORM_UNKNOWN',
      'This LMS (issuer and client id) is not registered with Tasting Menu.',
    ],
    [
      /NONCE_ALREADY_RECEIVED|UNIQUE constraint failed: lti_nonce|duplicate key.*lti_nonce/,
      'NONCE_REPLAYED',
      'This launch was already used.',
    ],
    [/invalid signature/, 'SIGNATURE_INVALID', 'The launch token signature is not valid.'],
    [/jwt expired/, 'TOKEN_EXPIRED', 'The launch token has expired.'],
    [/TOKEN_TOO_OLD/, 'TOKEN_TOO_OLD', 'The launch token is too old.'],
    [/jwt audience|AZP_DOES_NOT_MATCH/, 'AUDIENCE_INVALID', 'The launch token is meant for another tool.'],
    [
      /KEY_NOT_FOUND|KID_NOT_FOUND|KEYSET_NOT_FOUND/,
      'SIGNING_KEY_UNKNOWN',
      'The LMS signing key could not be found.',
    ],
    [/NO_MESSAGE_TYPE_CLAIM/, 'MESSAGE_TYPE_INVALID', 'The launch message type is not supported.'],
    [/LTI_VERSION_CLAIM/, 'VERSION_INVALID', 'The launch is not an LTI 1.3.0 message.'],
    [
      /Session not found/,
      'SESSION_NOT_FOUND',
      'Your launch session was not found; open the tool from your LMS again.',
    ],
    [/PLATFORM_NOT_ACTIVATED/, 'PLATFORM_INACTIVE', 'This LMS registration is not active yet.'],
  ];
  for (const [pattern, reason, text] of table) if (pattern.test(m)) return { reason, message: text };
  return { reason: 'TOKEN_INVALID', message: 'The launch could not be verified.' };
}

/**
 * Remembers each registered platform's deployment ids for `ttlMs`, so a launch from a known deployment needs no query
 * here. `fresh` (the guard's second look before refusing) always reads the database, so a deployment registered a
 * moment ago works at once. A removed one may pass this early filter until its entry expires; the launch's own read
 * refuses it (domain/launch.ts). Only platforms with deployments are remembered, so forged issuers cannot grow it.
 */
export function cachedDeployments(
  load: (issuer: string, clientId: string) => Promise<string[]>,
  ttlMs = 30_000,
  now: () => number = Date.now,
): GuardDeps['deploymentsOf'] {
  const remembered = new Map<string, { ids: string[]; until: number }>();
  return async (issuer, clientId, options) => {
    const key = JSON.stringify([issuer, clientId]);
    const hit = remembered.get(key);
    if (hit && !options?.fresh && hit.until > now()) return hit.ids;
    const ids = await load(issuer, clientId);
    if (ids.length > 0) remembered.set(key, { ids, until: now() + ttlMs });
    else remembered.delete(key);
    return ids;
  };
}

/**
 * The first login or launch parameter (query or form field, names included) holding text no database stores, as a
 * sentence; undefined when all can be stored. ltijs looks these up in the database as given, and PostgreSQL fails on
 * a NUL.
 */
export function unstorableParam(value: unknown, name?: string): string | undefined {
  if (typeof value === 'string') {
    const problem = unstorableText(normaliseLineEnds(value));
    // English: the refusal page says it by its reason code in the reader's language; this is for the log.
    return problem && `${name ?? 'a parameter'} ${problemText(problem, 'en')}`;
  }
  if (Array.isArray(value))
    return value.reduce<string | undefined>((found, v) => found ?? unstorableParam(v, name), undefined);
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const problem =
      unstorableParam(key, 'a parameter name') ?? unstorableParam(inner, name ? `${name}[${key}]` : key);
    if (problem) return problem;
  }
  return undefined;
}
