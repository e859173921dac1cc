import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The reflective dialogue after a visit: one thread per door (the visited lesson), private to its host and its
  // booked visitors. Visitors write "noticed" and "wondering", the host "reply" and "next_step"; one entry per person
  // and part, append-only. Entries expire with the school's notes (same date) and go with the door, host or author.
  await db.schema
    .createTable('dialogue_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('door_id', 'text', (c) => c.notNull().references('doors.id').onDelete('cascade'))
    .addColumn('host_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('part', 'text', (c) =>
      c.notNull().check(sql`part in ('noticed', 'wondering', 'reply', 'next_step')`),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dialogue_entries_one_per_part', ['door_id', 'author_id', 'part'])
    .execute();
  await db.schema
    .createIndex('dialogue_entries_door')
    .on('dialogue_entries')
    .columns(['tenant_id', 'door_id'])
    .execute();
  await db.schema
    .createIndex('dialogue_entries_expiry')
    .on('dialogue_entries')
    .column('expires_at')
    .execute();
}
