import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PersonTable } from '../schema';

export type Person = PersonTable;

/** Creates or refreshes a teacher or coach from a launch (their name and role follow the LMS). */
export async function upsertPerson(
  db: Kysely<Database>,
  tenantId: string,
  subject: string,
  name: string,
  role: Person['role'],
  now: string,
): Promise<Person> {
  // One statement: the upsert returns the row whether it inserted or updated it.
  return db
    .insertInto('people')
    .values({
      id: randomUUID(),
      tenant_id: tenantId,
      subject,
      name,
      role,
      created_at: now,
      last_seen_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'subject']).doUpdateSet({ name, role, last_seen_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
