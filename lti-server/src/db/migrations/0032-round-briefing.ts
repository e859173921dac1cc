import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A round's briefing (issue #17 item 1): why the school chose the focus, what visitors look for, the norms (JSON
  // array of text) and the roles per group (JSON array of { facilitator, timekeeper, noteTaker } person ids, in the
  // groups' order). One per round, made with the round; `updated_at` moves only when the words change.
  await db.schema
    .createTable('round_briefings')
    .addColumn('round_id', 'text', (c) => c.primaryKey().references('rounds.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('why', 'text')
    .addColumn('look_fors', 'text')
    .addColumn('norms', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Who has read it: one row per person and round, the time of their latest acknowledgement. Participation only.
  await db.schema
    .createTable('round_briefing_acks')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_briefing_acks_pk', ['round_id', 'person_id'])
    .execute();
}
