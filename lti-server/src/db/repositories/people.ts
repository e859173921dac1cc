import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PersonTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** The subject of a visitor's guest person in a host school: never an LMS user id (repositories/districts.ts). */
export const DISTRICT_GUEST_PREFIX = 'district-guest:';

/** A teacher or coach who opened the tool or is on a course roster. */
export interface Person {
  id: string;
  tenantId: string;
  /** The LMS's user id. */
  subject: string;
  name: string;
  role: PersonTable['role'];
  createdAt: string;
  lastSeenAt: string;
  /** From the last launch that sent one: BCP 47 interface language, IANA time zone. */
  locale: string | null;
  timeZone: string | null;
}

export const toPerson = (row: PersonTable): Person => ({
  id: row.id,
  tenantId: row.tenant_id,
  subject: row.subject,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  locale: row.locale,
  timeZone: row.time_zone,
});

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
          .executeTakeFirst()
          .then((row) => row && toPerson(row));
  const changed = {
    ...(facts.locale !== undefined ? { locale: facts.locale } : {}),
    ...(facts.timeZone !== undefined ? { time_zone: facts.timeZone } : {}),
  };
  if (
    existing &&
    existing.name === name &&
    existing.role === role &&
    (changed.locale === undefined || existing.locale === changed.locale) &&
    (changed.time_zone === undefined || existing.timeZone === changed.time_zone) &&
    Date.parse(now) - Date.parse(existing.lastSeenAt) < 3_600_000
  ) {
    return existing;
  }
  // One statement: the upsert returns the row whether it inserted or updated it.
  const row = await db
    .insertInto('people')
    .values(newPerson(tenantId, subject, name, role, now, changed))
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'subject']).doUpdateSet({ name, role, last_seen_at: now, ...changed }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPerson(row);
}

/** A person's first row; the launch may already know their locale and time zone. */
function newPerson(
  tenantId: string,
  subject: string,
  name: string,
  role: Person['role'],
  now: string,
  known: { locale?: string | null; time_zone?: string | null } = {},
): PersonTable {
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
  const row = await db
    .insertInto('people')
    .values(newPerson(tenantId, subject, name, role, now))
    .onConflict((oc) => oc.columns(['tenant_id', 'subject']).doUpdateSet({ name, last_seen_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPerson(row);
}

/**
 * Staff of the tenant who have opened the tool, by name (to choose a round's participants and hosts). Visitors from
 * other schools of a district (their guest people, repositories/districts.ts) are not the school's staff.
 */
export async function staffOf(scope: TenantScope): Promise<Array<Pick<Person, 'id' | 'name' | 'role'>>> {
  return scope
    .selectFrom('people')
    .select(['id', 'name', 'role'])
    .where('subject', 'not like', `${DISTRICT_GUEST_PREFIX}%`)
    .orderBy('name')
    .limit(2000)
    .execute();
}
