import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, TenantTable } from '../schema';

/** A platform deployment: the unit every other record is scoped by. */
export interface Tenant {
  id: string;
  issuer: string;
  clientId: string;
  deploymentId: string;
  name: string;
  createdAt: string;
}

export const toTenant = (row: TenantTable): Tenant => ({
  id: row.id,
  issuer: row.issuer,
  clientId: row.client_id,
  deploymentId: row.deployment_id,
  name: row.name,
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

/** Deletes a tenant and, through the foreign keys' cascades, every row it owns. */
export async function deleteTenant(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('tenants').where('id', '=', id).execute();
}
