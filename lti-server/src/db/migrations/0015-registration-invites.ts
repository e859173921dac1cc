import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Codes the operator creates (`npm run platform -- invite`) for LTI Dynamic Registration: only the SHA-256 is
  // stored; a code is used once, before it expires; `used_for` names the platform it registered.
  await db.schema
    .createTable('registration_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_for', 'text')
    .execute();
}
