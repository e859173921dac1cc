import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PersonTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

export type Person = PersonTable;

/** What a launch may say about a person besides name and role; absent values leave the stored ones alone. */
export interface LaunchFacts {
  locale?: string;
  timeZone?: string;
}

/** Creates or refreshes a teacher or coach from a launch (their name, role, language and time zone follow the LMS). */
export async function upsertPerson(
  db: Kysely<Database>,
  tenantId: string,
  subject: string,
  name: string,
  role: Person['role'],
  now: string,
  known?: Person | null,
  facts: LaunchFacts = {},
): Promise<Person> {
  // Read first (unless the caller already did; null means it found none): when nothing changed and the person was
  // seen within the hour, nothing is written.
  const existing =
    known !== undefined
      ? known
      : await db
          .selectFrom('people')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('subject', '=', subject)
          .executeTakeFirst();
  const changed = {
    ...(facts.locale !== undefined ? { locale: facts.locale } : {}),
    ...(facts.timeZone !== undefined ? { time_zone: facts.timeZone } : {}),
  };
  if (
    existing &&
    existing.name === name &&
    existing.role === role &&
    (changed.locale === undefined || existing.locale === changed.locale) &&
    (changed.time_zone === undefined || existing.time_zone === changed.time_zone) &&
    Date.parse(now) - Date.parse(existing.last_seen_at) < 3_600_000
  ) {
    return existing;
  }
  // One statement: the upsert returns the row whether it inserted or updated it.
  return db
    .insertInto('people')
    .values(newPerson(tenantId, subject, name, role, now, changed))
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'subject']).doUpdateSet({ name, role, last_seen_at: now, ...changed }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A person's first row; the launch may already know their locale and time zone. */
function newPerson(
  tenantId: string,
  subject: string,
  name: string,
  role: Person['role'],
  now: string,
  known: { locale?: string | null; time_zone?: string | null } = {},
): Person {
  return {
    id: randomUUID(),
    tenant_id: tenantId,
    subject,
    name,
    role,
    created_at: now,
    last_seen_at: now,
    locale: known.locale ?? null,
    time_zone: known.time_zone ?? null,
  };
}

/**
 * Adds a colleague seen on the course roster, or refreshes their name. The role of someone already known is left as
 * their last launch set it: the roster carries no custom claims, so it cannot tell a coach the LMS marked as one.
 */
export async function upsertRosterPerson(
  db: Kysely<Database>,
  tenantId: string,
  subject: string,
  name: string,
  role: Person['role'],
  now: string,
): Promise<Person> {
  return db
    .insertInto('people')
    .values(newPerson(tenantId, subject, name, role, now))
    .onConflict((oc) => oc.columns(['tenant_id', 'subject']).doUpdateSet({ name, last_seen_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Staff of the tenant who have opened the tool, by name (to choose a round's participants and hosts). */
export async function staffOf(scope: TenantScope): Promise<Array<Pick<Person, 'id' | 'name' | 'role'>>> {
  return scope.selectFrom('people').select(['id', 'name', 'role']).orderBy('name').limit(2000).execute();
}
