import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // After a key rotation the old public key stays in /lti/keys until it expires, so tokens the LMS received
  // just before the rotation still verify.
  await db.schema
    .createTable('retired_tool_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}
