import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A round whose start time happens twice (the night clocks go back) keeps which one the coach chose.
  await db.schema.alterTable('rounds').addColumn('start_occurrence', 'text').execute();
}
