import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The school's time zone and weekly bell schedule (shared/school-day.ts), as JSON; null until a coach sets them.
  await db.schema.alterTable('tenant_settings').addColumn('school_day', 'text').execute();
}
