import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // What a round's coach needs to act on: a participant cancelled their round visit (the group is one short). Shown
  // on the coach's rounds page until dismissed (`seen_at`); no email.
  await db.schema
    .createTable('round_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('door_id', 'text', (c) => c.notNull().references('doors.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text')
    .execute();
  await db.schema
    .createIndex('round_notices_coach')
    .on('round_notices')
    .columns(['tenant_id', 'coach_id', 'created_at'])
    .execute();
  // A debrief phase left before it had what it needs: the coach said why. Kept with the round's debrief.
  await db.schema
    .createTable('debrief_skips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('debrief_skips_round')
    .on('debrief_skips')
    .columns(['tenant_id', 'round_id'])
    .execute();
}
