import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The interface language a person chose with the app's language switch ('en' or 'es'); null follows the LMS's
  // locale claim (people.locale) and then the browser. Kept apart from `locale`, which every launch overwrites.
  await db.schema
    .alterTable('people')
    .addColumn('language', 'text', (c) => c.check(sql`language in ('en', 'es')`))
    .execute();
}
