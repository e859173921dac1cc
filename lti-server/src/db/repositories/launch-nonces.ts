import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** A login's nonce, bound to its state; both are SHA-256 digests (hex), never the values themselves. */
export interface LaunchNonceRow {
  stateHash: string;
  nonceHash: string;
  issuer: string;
}

export async function insertLaunchNonce(
  db: Kysely<Database>,
  row: LaunchNonceRow,
  now: number,
  ttlMs: number,
): Promise<void> {
  await db
    .insertInto('lti_launch_nonces')
    .values({
      state_hash: row.stateHash,
      nonce_hash: row.nonceHash,
      issuer: row.issuer,
      created_at: now,
      expires_at: now + ttlMs,
      used_at: null,
    })
    .execute();
}

/**
 * Marks the unexpired, unused row of a state as used and returns its nonce digest; undefined when there is none.
 * One statement, so of two launches racing for one state (on one instance or two) only one gets the row.
 */
export async function useLaunchNonce(
  db: Kysely<Database>,
  stateHash: string,
  now: number,
): Promise<string | undefined> {
  const row = await db
    .updateTable('lti_launch_nonces')
    .set({ used_at: now })
    .where('state_hash', '=', stateHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('nonce_hash')
    .executeTakeFirst();
  return row?.nonce_hash;
}

export async function deleteExpiredLaunchNonces(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('lti_launch_nonces').where('expires_at', '<', now).execute();
}
