import type { Kysely } from 'kysely';
import type { Database, PairingTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** An extension waiting to be paired: its code and claim secret as hashes, its owner once a teacher confirms. */
export interface StoredPairing {
  id: string;
  codeHash: string;
  claimHash: string;
  tenantId: string | null;
  personId: string | null;
  networkId: string | null;
  label: string;
  createdAt: string;
  expiresAt: string;
}

const toPairing = (row: PairingTable): StoredPairing => ({
  id: row.id,
  codeHash: row.code_hash,
  claimHash: row.claim_hash,
  tenantId: row.tenant_id,
  personId: row.person_id,
  networkId: row.network_id,
  label: row.label,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

/** Pairings start before anyone is known (no tenant yet), so they are read by their own secrets, not by tenant. */
export async function insertPairing(db: Kysely<Database>, pairing: StoredPairing): Promise<void> {
  await db
    .insertInto('pairings')
    .values({
      id: pairing.id,
      code_hash: pairing.codeHash,
      claim_hash: pairing.claimHash,
      tenant_id: pairing.tenantId,
      person_id: pairing.personId,
      network_id: pairing.networkId,
      label: pairing.label,
      created_at: pairing.createdAt,
      expires_at: pairing.expiresAt,
    })
    .execute();
}

export async function findPairingByCode(
  db: Kysely<Database>,
  codeHash: string,
  now: string,
): Promise<StoredPairing | undefined> {
  const row = await db
    .selectFrom('pairings')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && toPairing(row);
}

export async function findPairing(db: Kysely<Database>, id: string): Promise<StoredPairing | undefined> {
  const row = await db.selectFrom('pairings').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPairing(row);
}

/** The names a paired extension shows: its owner's and their network's. */
export async function ownerNames(
  db: Kysely<Database>,
  owner: { personId: string; networkId: string },
): Promise<{ personName: string; networkTitle: string }> {
  const person = await db
    .selectFrom('people')
    .select('name')
    .where('id', '=', owner.personId)
    .executeTakeFirstOrThrow();
  const network = await db
    .selectFrom('networks')
    .select('title')
    .where('id', '=', owner.networkId)
    .executeTakeFirstOrThrow();
  return { personName: person.name, networkTitle: network.title };
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

/** A paired extension's token (only its hash is stored); it is neither used nor revoked yet. */
export async function insertDeviceToken(
  db: Kysely<Database>,
  token: {
    id: string;
    tokenHash: string;
    tenantId: string;
    personId: string;
    networkId: string;
    label: string;
    createdAt: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('device_tokens')
    .values({
      id: token.id,
      token_hash: token.tokenHash,
      tenant_id: token.tenantId,
      person_id: token.personId,
      network_id: token.networkId,
      label: token.label,
      created_at: token.createdAt,
      last_used_at: null,
      expires_at: token.expiresAt,
      revoked_at: null,
    })
    .execute();
}

/** A person's live paired extensions, newest first. */
export async function listDeviceTokens(
  scope: TenantScope,
  personId: string,
  now: string,
): Promise<
  Array<{ id: string; label: string; createdAt: string; lastUsedAt: string | null; expiresAt: string }>
> {
  return scope
    .selectFrom('device_tokens')
    .select([
      'id',
      'label',
      'created_at as createdAt',
      'last_used_at as lastUsedAt',
      'expires_at as expiresAt',
    ])
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
