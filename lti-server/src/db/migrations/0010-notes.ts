import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A positive-evidence note. It belongs to the visited teacher (host_id): reads are only ever by host_id or by
  // writer_id. A note is never about its own writer, and expires on the school's retention date.
  await db.schema
    .createTable('notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('door_id', 'text', (c) => c.notNull().references('doors.id').onDelete('cascade'))
    .addColumn('host_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('writer_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('prompt', 'text', (c) =>
      c.notNull().check(sql`prompt in ('students', 'teacher', 'prediction')`),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('useful', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addCheckConstraint('notes_not_about_writer', sql`host_id <> writer_id`)
    .execute();
  await db.schema.createIndex('notes_host').on('notes').columns(['tenant_id', 'host_id']).execute();
  await db.schema.createIndex('notes_writer').on('notes').columns(['tenant_id', 'writer_id']).execute();
  await db.schema.createIndex('notes_network').on('notes').columns(['tenant_id', 'network_id']).execute();
  await db.schema.createIndex('notes_expiry').on('notes').column('expires_at').execute();

  // The school's retention date for notes (default: the end of the current term).
  await db.schema
    .createTable('notes_retention')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A host's thank-you to a visitor.
  await db.schema.alterTable('visits').addColumn('thanks_message', 'text').execute();
  await db.schema.alterTable('visits').addColumn('thanked_at', 'text').execute();
}
