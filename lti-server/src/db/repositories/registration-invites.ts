import type { Kysely } from 'kysely';
import type { Database, RegistrationInviteTable } from '../schema';

/** Registration codes for LTI Dynamic Registration, read by their hash (they belong to no tenant). */
export async function insertRegistrationInvite(
  db: Kysely<Database>,
  row: RegistrationInviteTable,
): Promise<void> {
  await db.insertInto('registration_invites').values(row).execute();
}

export async function isRegistrationInviteUsable(
  db: Kysely<Database>,
  codeHash: string,
  now: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('registration_invites')
    .select('id')
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks the code used in one statement, so of two registrations racing with one code only one gets it. */
export async function useRegistrationInvite(
  db: Kysely<Database>,
  codeHash: string,
  now: string,
  usedFor: string,
): Promise<boolean> {
  const result = await db
    .updateTable('registration_invites')
    .set({ used_at: now, used_for: usedFor })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listPendingRegistrationInvites(db: Kysely<Database>, now: string) {
  return db
    .selectFrom('registration_invites')
    .select(['id', 'created_at', 'expires_at'])
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('expires_at')
    .execute();
}
