import type { Kysely } from 'kysely';
import type { Database, DeviceTokenTable, PairingTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** Pairings start before anyone is known (no tenant yet), so they are read by their own secrets, not by tenant. */
export async function insertPairing(db: Kysely<Database>, row: PairingTable): Promise<void> {
  await db.insertInto('pairings').values(row).execute();
}

export async function findPairingByCode(db: Kysely<Database>, codeHash: string, now: string) {
  return db
    .selectFrom('pairings')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function findPairing(db: Kysely<Database>, id: string) {
  return db.selectFrom('pairings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function confirmPairingRow(
  db: Kysely<Database>,
  id: string,
  owner: { tenantId: string; personId: string; networkId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('pairings')
    .set({ tenant_id: owner.tenantId, person_id: owner.personId, network_id: owner.networkId })
    .where('id', '=', id)
    .where('person_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deletePairing(db: Kysely<Database>, id: string): Promise<number> {
  const result = await db.deleteFrom('pairings').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredPairings(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('pairings').where('expires_at', '<', now).execute();
}

export async function insertDeviceToken(db: Kysely<Database>, row: DeviceTokenTable): Promise<void> {
  await db.insertInto('device_tokens').values(row).execute();
}

export async function listDeviceTokens(scope: TenantScope, personId: string, now: string) {
  return scope
    .selectFrom('device_tokens')
    .select(['id', 'label', 'created_at', 'last_used_at', 'expires_at'])
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeDeviceToken(
  scope: TenantScope,
  personId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await scope
    .updateTable('device_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
