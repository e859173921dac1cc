import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Short-lived, single-use sign-in links for the "in the room" note mode, opened outside the LMS frame (a phone, a
  // new tab): only the SHA-256 of the secret is stored, bound to the person, network and tenant of the launch that
  // asked for it. Used once (`used_at`), or revoked by its person (`revoked_at`); swept once expired.
  await db.schema
    .createTable('room_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('room_links_person')
    .on('room_links')
    .columns(['tenant_id', 'person_id'])
    .execute();
  await db.schema.createIndex('room_links_expires_at').on('room_links').column('expires_at').execute();
}
