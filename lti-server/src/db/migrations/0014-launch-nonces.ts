import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The nonce a login sent to the platform, bound to its state: a launch must carry the nonce issued with its own
  // state, once. Only SHA-256 digests are kept; times are milliseconds, like ltijs's own rows.
  await db.schema
    .createTable('lti_launch_nonces')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('nonce_hash', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('lti_launch_nonces_expires')
    .on('lti_launch_nonces')
    .column('expires_at')
    .execute();
  // The cookieless path checks the nonce against lti_launch_nonces too; its binding no longer keeps it in clear.
  await db.schema.alterTable('lti_storage_bindings').dropColumn('nonce').execute();
}
