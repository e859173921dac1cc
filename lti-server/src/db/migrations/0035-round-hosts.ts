import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // What a round's host asks visitors to look for in their room: some of the round's look-fors and/or one of their own
  // (issue #17 item 2). One row per host and round; the host's doors of the round carry the composed text.
  await db.schema
    .createTable('round_host_choices')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('host_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('picked', 'text', (c) => c.notNull())
    .addColumn('own', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_host_choices_pk', ['tenant_id', 'round_id', 'host_id'])
    .execute();
  // A host declined one slot of a round, with a reason for the coach; the coach may move the group to another room.
  await db.schema
    .createTable('round_declines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('door_id', 'text', (c) => c.notNull().references('doors.id').onDelete('cascade'))
    .addColumn('host_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('replanned_door_id', 'text', (c) => c.references('doors.id').onDelete('set null'))
    .addColumn('replanned_at', 'text')
    .execute();
  await db.schema
    .createIndex('round_declines_door')
    .on('round_declines')
    .columns(['tenant_id', 'door_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('round_declines_round')
    .on('round_declines')
    .columns(['tenant_id', 'round_id'])
    .execute();
  // What a host is told: their room's visits fed the school picture of a finished round (never how, never which notes).
  await db.schema
    .createTable('host_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('host_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text')
    .execute();
  await db.schema
    .createIndex('host_notices_once')
    .on('host_notices')
    .columns(['tenant_id', 'round_id', 'host_id', 'kind'])
    .unique()
    .execute();
  await db.schema
    .createIndex('host_notices_host')
    .on('host_notices')
    .columns(['tenant_id', 'host_id', 'created_at'])
    .execute();
}
