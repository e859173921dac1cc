import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** A cookieless launch's binding: the login's state and the SHA-256 (hex) of its secret, never the secret itself. */
export interface StoredStorageBinding {
  state: string;
  issuer: string;
  bindingHash: string;
  target: string;
  platformOrigin: string;
  /** Milliseconds, like ltijs's own rows; null until a launch used the binding. */
  usedAt: number | null;
}

export async function deleteExpiredStorageBindings(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('lti_storage_bindings').where('expires_at', '<', now).execute();
}

export async function insertStorageBinding(
  db: Kysely<Database>,
  binding: Omit<StoredStorageBinding, 'usedAt'>,
  now: number,
  ttlMs: number,
): Promise<void> {
  await db
    .insertInto('lti_storage_bindings')
    .values({
      state: binding.state,
      issuer: binding.issuer,
      binding_hash: binding.bindingHash,
      target: binding.target,
      platform_origin: binding.platformOrigin,
      created_at: now,
      expires_at: now + ttlMs,
      used_at: null,
    })
    .execute();
}

/** The unexpired binding of a state, used or not. */
export async function findUnexpiredStorageBinding(
  db: Kysely<Database>,
  state: string,
  now: number,
): Promise<StoredStorageBinding | undefined> {
  const row = await db
    .selectFrom('lti_storage_bindings')
    .selectAll()
    .where('state', '=', state)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return (
    row && {
      state: row.state,
      issuer: row.issuer,
      bindingHash: row.binding_hash,
      target: row.target,
      platformOrigin: row.platform_origin,
      usedAt: row.used_at,
    }
  );
}

/**
 * Marks the state's binding used; true only for the call that marked it. One statement, so of two launches racing
 * for one binding only one goes on.
 */
export async function useStorageBinding(db: Kysely<Database>, state: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('lti_storage_bindings')
    .set({ used_at: now })
    .where('state', '=', state)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
