import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { TenantScope } from '../tenant-scope';

/**
 * Whom a room link signs in: the person, network and tenant of the session that asked for it, and when that session
 * ends (the session the link gives ends no later).
 */
export interface RoomLinkOwner {
  tenantId: string;
  personId: string;
  networkId: string;
  sessionExpiresAt: string;
}

export async function insertRoomLink(
  scope: TenantScope,
  link: {
    tokenHash: string;
    sessionHash: string;
    personId: string;
    networkId: string;
    createdAt: string;
    expiresAt: string;
  },
): Promise<void> {
  await scope
    .insertInto('room_links', {
      token_hash: link.tokenHash,
      session_hash: link.sessionHash,
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
 * Uses a link up: one conditional update that succeeds only while the link is unused, unrevoked and unexpired and the
 * session that minted it is still live (not signed out, not expired), so a replay, a second request racing the first,
 * or a link left behind by a session that ended finds nothing. The link is opened before anyone is known, so it is
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
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('sessions')
          .select('sessions.token_hash')
          .whereRef('sessions.token_hash', '=', 'room_links.session_hash')
          .whereRef('sessions.tenant_id', '=', 'room_links.tenant_id')
          .whereRef('sessions.person_id', '=', 'room_links.person_id')
          .where('sessions.revoked_at', 'is', null)
          .where('sessions.expires_at', '>', now),
      ),
    )
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  return db
    .selectFrom('room_links as l')
    .innerJoin('sessions as s', 's.token_hash', 'l.session_hash')
    .select([
      'l.tenant_id as tenantId',
      'l.person_id as personId',
      'l.network_id as networkId',
      's.expires_at as sessionExpiresAt',
    ])
    .where('l.token_hash', '=', tokenHash)
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
