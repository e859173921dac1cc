import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Registration codes for LTI Dynamic Registration, read by their hash (they belong to no tenant). */
export async function insertRegistrationInvite(
  db: Kysely<Database>,
  invite: { id: string; codeHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('registration_invites')
    .values({
      id: invite.id,
      code_hash: invite.codeHash,
      created_at: invite.createdAt,
      expires_at: invite.expiresAt,
      used_at: null,
      used_for: null,
    })
    .execute();
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

export async function listPendingRegistrationInvites(
  db: Kysely<Database>,
  now: string,
): Promise<Array<{ id: string; createdAt: string; expiresAt: string }>> {
  return db
    .selectFrom('registration_invites')
    .select(['id', 'created_at as createdAt', 'expires_at as expiresAt'])
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('expires_at')
    .execute();
}
