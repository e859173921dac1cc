import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The grades a school keeps for its menu (coach Settings), like its subjects (0024): a JSON array of names; empty
  // means the default K–12 bands.
  await db.schema
    .alterTable('tenant_settings')
    .addColumn('grades', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  // Why a teacher canceled a round visit, for the coach's "Needs your attention" (checked for names like a note).
  // Notices written before this migration have none.
  await db.schema.alterTable('round_notices').addColumn('reason', 'text').execute();
}
