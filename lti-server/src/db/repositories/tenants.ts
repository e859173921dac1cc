import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, TenantTable } from '../schema';

/** A platform deployment: the unit every other record is scoped by. */
export interface Tenant {
  id: string;
  issuer: string;
  clientId: string;
  deploymentId: string;
  /** The LMS platform's name; each launch sets it again. */
  name: string;
  /** The school's own name, set by its coach; null until then (launches never change it). */
  schoolName: string | null;
  createdAt: string;
}

/** What a school is called: its own name where its coach set one, the platform's name otherwise. */
export const schoolLabel = (t: { name: string; schoolName: string | null }) => t.schoolName ?? t.name;

export const toTenant = (row: Selectable<TenantTable>): Tenant => ({
  id: row.id,
  issuer: row.issuer,
  clientId: row.client_id,
  deploymentId: row.deployment_id,
  name: row.name,
  schoolName: row.school_name,
  createdAt: row.created_at,
});

export interface TenantKey {
  issuer: string;
  clientId: string;
  deploymentId: string;
}

/**
 * Finds or creates the tenant of a platform deployment; safe when two launches race. `existing` is the row the
 * caller already read by this key (undefined when there was none), so a launch reads the tenant once.
 */
export async function upsertTenant(
  db: Kysely<Database>,
  key: TenantKey,
  name: string,
  now: string,
  existing?: Tenant | null,
): Promise<Tenant> {
  // Read first: most launches change nothing, and a write would cost a commit and a row lock.
  const found = existing === undefined ? await findTenantByKey(db, key) : existing;
  if (found && found.name === name) return found;
  // One statement: the upsert returns the row whether it inserted or updated it.
  const row = await db
    .insertInto('tenants')
    .values({
      id: randomUUID(),
      issuer: key.issuer,
      client_id: key.clientId,
      deployment_id: key.deploymentId,
      name,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['issuer', 'client_id', 'deployment_id']).doUpdateSet({ name }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTenant(row);
}

export async function findTenantById(db: Kysely<Database>, id: string): Promise<Tenant | undefined> {
  const row = await db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTenant(row);
}

export async function findTenantByKey(db: Kysely<Database>, key: TenantKey): Promise<Tenant | undefined> {
  const row = await db
    .selectFrom('tenants')
    .selectAll()
    .where('issuer', '=', key.issuer)
    .where('client_id', '=', key.clientId)
    .where('deployment_id', '=', key.deploymentId)
    .executeTakeFirst();
  return row && toTenant(row);
}

/** Sets (or, with null, clears) the school's own name; a launch only ever changes the platform's name. */
export async function setSchoolName(
  db: Kysely<Database>,
  id: string,
  schoolName: string | null,
): Promise<void> {
  await db.updateTable('tenants').set({ school_name: schoolName }).where('id', '=', id).execute();
}

/** Deletes a tenant and, through the foreign keys' cascades, every row it owns. */
export async function deleteTenant(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('tenants').where('id', '=', id).execute();
}
