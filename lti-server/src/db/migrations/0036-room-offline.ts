import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The room note mode works offline: a phone keeps unsent notes sealed (ECDH P-256 + AES-GCM) with the public half
  // of a key pair made for its room session; the private half never leaves the server and goes with the session.
  await db.schema
    .createTable('room_note_keys')
    .addColumn('session_hash', 'text', (c) =>
      c.primaryKey().references('sessions.token_hash').onDelete('cascade'),
    )
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kid', 'text', (c) => c.notNull().unique())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_jwk', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // A note sent from the phone carries the id the phone gave it: sending it again (the answer was lost when the
  // connection dropped) finds the stored note instead of writing a second one.
  await db.schema.alterTable('notes').addColumn('client_id', 'text').execute();
  await db.schema
    .createIndex('notes_client_id')
    .on('notes')
    .columns(['tenant_id', 'writer_id', 'client_id'])
    .unique()
    .execute();
}
