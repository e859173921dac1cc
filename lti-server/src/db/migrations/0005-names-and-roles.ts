import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Where the LMS's Names and Role Provisioning Service lists a course's members (from the launch claim).
  await db.schema.alterTable('networks').addColumn('nrps_url', 'text').execute();
}
