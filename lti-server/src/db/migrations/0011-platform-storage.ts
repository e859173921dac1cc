import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Cookieless launches (LTI platform storage): a login's state bound to a secret the LMS keeps for the browser;
  // only the secret's SHA-256 is stored. Times are milliseconds, like ltijs's own rows.
  await db.schema
    .createTable('lti_storage_bindings')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('binding_hash', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('platform_origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('lti_storage_bindings_expires')
    .on('lti_storage_bindings')
    .column('expires_at')
    .execute();
}
