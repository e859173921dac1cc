import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // An open door: a host's time window for sampling a strategy (or a classroom in a published round).
  // `booked` counts booked seats; the check keeps it within capacity even if code were wrong.
  await db.schema
    .createTable('doors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('host_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('strategy_id', 'text', (c) => c.references('strategies.id').onDelete('cascade'))
    .addColumn('round_id', 'text')
    .addColumn('series_id', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 1 and 6`))
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visitor_note', 'text')
    .addColumn('look_for', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'cancelled')`))
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('doors_booked_within_capacity', sql`booked >= 0 and booked <= capacity`)
    .execute();
  await db.schema
    .createIndex('doors_week')
    .on('doors')
    .columns(['tenant_id', 'network_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('doors_host')
    .on('doors')
    .columns(['tenant_id', 'host_id', 'starts_at'])
    .execute();

  // A visitor's seat at a door. One row per person and door: cancelling and booking again reuse it, so the
  // calendar event keeps its UID and only its SEQUENCE rises. Start and end are copied for overlap checks.
  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('door_id', 'text', (c) => c.notNull().references('doors.id').onDelete('cascade'))
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('booked', 'cancelled')`))
    .addColumn('cancelled_by', 'text', (c) => c.check(sql`cancelled_by in ('visitor', 'host')`))
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('visits_door_visitor', ['door_id', 'visitor_id'])
    .execute();
  await db.schema
    .createIndex('visits_visitor')
    .on('visits')
    .columns(['tenant_id', 'visitor_id', 'starts_at'])
    .execute();

  // Private calendar feeds: only the SHA-256 of the secret in the URL is stored.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('calendar_feeds_person')
    .on('calendar_feeds')
    .columns(['tenant_id', 'person_id'])
    .execute();

  // A coach's round: the inputs and the planned rotation (JSON), a draft until it is published as doors and visits.
  await db.schema
    .createTable('rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('focus_kind', 'text', (c) =>
      c.notNull().check(sql`focus_kind in ('strategy', 'tag', 'problem')`),
    )
    .addColumn('focus_value', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('gap_minutes', 'integer', (c) => c.notNull())
    .addColumn('look_for', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('hosts', 'text', (c) => c.notNull())
    .addColumn('groups', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rounds_network')
    .on('rounds')
    .columns(['tenant_id', 'network_id', 'date'])
    .execute();
}
