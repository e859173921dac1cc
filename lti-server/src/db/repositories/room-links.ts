import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** Whom a room link signs in: the person, network and tenant of the launch that asked for it. */
export interface RoomLinkOwner {
  tenantId: string;
  personId: string;
  networkId: string;
}

export async function insertRoomLink(
  scope: TenantScope,
  link: { tokenHash: string; personId: string; networkId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await scope
    .insertInto('room_links', {
      token_hash: link.tokenHash,
      person_id: link.personId,
      network_id: link.networkId,
      created_at: link.createdAt,
      expires_at: link.expiresAt,
      used_at: null,
      revoked_at: null,
    })
    .execute();
}

/**
 * Uses a link up: one conditional update that succeeds only while the link is unused, unrevoked and unexpired, so a
 * replay, or a second request racing the first, finds nothing. The link is opened before anyone is known, so it is
 * found by the hash of its secret alone.
 */
export async function useRoomLink(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<RoomLinkOwner | undefined> {
  const result = await db
    .updateTable('room_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  return db
    .selectFrom('room_links')
    .select(['tenant_id as tenantId', 'person_id as personId', 'network_id as networkId'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Revokes every link of a person that is still waiting to be used; answers how many. */
export async function revokeRoomLinks(scope: TenantScope, personId: string, now: string): Promise<number> {
  const result = await scope
    .updateTable('room_links')
    .set({ revoked_at: now })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Expired links are of no use to anyone: each new link sweeps its tenant's. */
export async function deleteExpiredRoomLinks(scope: TenantScope, now: string): Promise<void> {
  await scope.deleteFrom('room_links').where('expires_at', '<', now).execute();
}
