import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LtiLaunchError } from '../../../shared/errors';
import { insertLaunchNonce, useLaunchNonce } from '../db/repositories/launch-nonces';
import type { Database } from '../db/schema';

/**
 * The launch's nonce, bound to its login (IMS Security Framework §5.1.3: the tool checks the nonce is the one it sent
 * in that authentication request). ltijs 5.9.9 issues a nonce with each login's state but only refuses a nonce it has
 * seen before: a token with no nonce, with one never issued, or with one issued for another login (a victim's token
 * posted in the attacker's own login flow) would open a session. So each login's redirect is recorded here as
 * SHA-256(state) → SHA-256(nonce) in the database (any instance may receive the launch), and a launch uses its
 * state's row once and must carry that nonce. The cookie and the cookieless path both go through `useNonce`.
 */

/** How long a login may take before its launch; the state cookie itself lives a minute. */
export const LAUNCH_NONCE_TTL_MS = 10 * 60_000;

export const NONCE_INVALID_MESSAGE =
  'The launch token does not belong to the login started here (nonce check failed). Open Tasting Menu from your course again.';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Records the nonce a login sends to the platform with its state. Expired rows are never used (`useLaunchNonce` reads
 * only unexpired ones); the hourly retention job deletes them, so a login costs one insert.
 */
export async function issueNonce(
  db: Kysely<Database>,
  login: { state: string; nonce: string; issuer: string },
  now: number,
): Promise<void> {
  await insertLaunchNonce(
    db,
    {
      stateHash: digest(login.state).toString('hex'),
      nonceHash: digest(login.nonce).toString('hex'),
      issuer: login.issuer,
    },
    now,
    LAUNCH_NONCE_TTL_MS,
  );
}

/**
 * Uses up the login of `state` and checks the id_token carries the nonce issued with it. A wrong nonce burns the
 * login too, so a token cannot be tried against it twice. Throws `NONCE_INVALID` when the nonce is missing, the state
 * unknown or expired, its login already used, or its nonce another.
 */
export async function useNonce(
  db: Kysely<Database>,
  state: string,
  idToken: string,
  now: number,
): Promise<void> {
  const issued = await useLaunchNonce(db, digest(state).toString('hex'), now);
  const nonce = unverifiedNonceOf(idToken);
  if (
    issued === undefined ||
    nonce === undefined ||
    !timingSafeEqual(Buffer.from(issued, 'hex'), digest(nonce))
  ) {
    throw new LtiLaunchError('NONCE_INVALID', NONCE_INVALID_MESSAGE);
  }
}

/** The nonce claim of an id_token, unverified (ltijs verifies the signature right after). */
function unverifiedNonceOf(idToken: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      nonce?: unknown;
    };
    return typeof payload.nonce === 'string' && payload.nonce !== '' ? payload.nonce : undefined;
  } catch {
    return undefined;
  }
}
