import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A school's own name, set by its coach in Settings. `tenants.name` stays the LMS platform's name, which every
  // launch sets again (two schools of one Canvas share it); the school's name wins where it is set.
  await db.schema.alterTable('tenants').addColumn('school_name', 'text').execute();
}
