import type { Kysely } from 'kysely';
import { PREPARED } from '../prepared-statements';
import type { Database } from '../schema';

export interface SessionRow {
  tenantId: string;
  personId: string;
  networkId: string;
  expiresAt: string;
}

export async function insertSession(
  db: Kysely<Database>,
  tokenHash: string,
  session: SessionRow,
  now: string,
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash,
      tenant_id: session.tenantId,
      person_id: session.personId,
      network_id: session.networkId,
      created_at: now,
      expires_at: session.expiresAt,
      revoked_at: null,
    })
    .execute();
}

/** Who a session or a device token belongs to, read in the same query (tables aliased s, t, p, n). */
const WHO = [
  't.id as tenantId',
  't.name as tenantName',
  't.school_name as schoolName',
  't.issuer as issuer',
  'p.id as personId',
  'p.name as personName',
  'p.role as role',
  'p.locale as personLocale',
  'p.time_zone as personTimeZone',
  'p.language as personLanguage',
  'n.id as networkId',
  'n.title as networkTitle',
  'n.scope as networkScope',
] as const;

/** A live session with everything an API call needs to know about who is asking, in one query. */
export async function findLiveSession(db: Kysely<Database>, tokenHash: string, now: string) {
  return (
    db
      .selectFrom('sessions as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .innerJoin('networks as n', 'n.id', 's.network_id')
      .innerJoin('tenants as t', 't.id', 's.tenant_id')
      .select(['s.expires_at as expiresAt', ...WHO])
      .where('s.token_hash', '=', tokenHash)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', now)
      // The joins must agree on the tenant: a session can never reach across tenants.
      .whereRef('p.tenant_id', '=', 's.tenant_id')
      .whereRef('n.tenant_id', '=', 's.tenant_id')
      // Every request asks it, by a unique key: planned once per connection on PostgreSQL.
      .modifyEnd(PREPARED)
      .executeTakeFirst()
  );
}

export async function revokeSession(db: Kysely<Database>, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

/** A paired extension's token, with the same facts as a session, if it is neither revoked nor expired. */
export async function findLiveDevice(db: Kysely<Database>, tokenHash: string, now: string) {
  return db
    .selectFrom('device_tokens as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .innerJoin('networks as n', 'n.id', 's.network_id')
    .innerJoin('tenants as t', 't.id', 's.tenant_id')
    .select(['s.id as deviceId', 's.expires_at as expiresAt', 's.last_used_at as lastUsedAt', ...WHO])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .whereRef('p.tenant_id', '=', 's.tenant_id')
    .whereRef('n.tenant_id', '=', 's.tenant_id')
    .modifyEnd(PREPARED)
    .executeTakeFirst();
}

export async function touchDevice(db: Kysely<Database>, deviceId: string, now: string): Promise<void> {
  await db.updateTable('device_tokens').set({ last_used_at: now }).where('id', '=', deviceId).execute();
}
