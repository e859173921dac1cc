import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** A person has at most one live feed: making a new one revokes the old one in the same transaction. */
export async function replaceFeed(scope: TenantScope, personId: string, tokenHash: string, now: string) {
  await scope.transaction(async (trx) => {
    await trx
      .updateTable('calendar_feeds')
      .set({ revoked_at: now })
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .insertInto('calendar_feeds', {
        token_hash: tokenHash,
        person_id: personId,
        created_at: now,
        revoked_at: null,
      })
      .execute();
  });
}

export async function liveFeedOf(
  scope: TenantScope,
  personId: string,
): Promise<{ createdAt: string } | undefined> {
  return scope
    .selectFrom('calendar_feeds')
    .select(['created_at as createdAt'])
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeFeeds(scope: TenantScope, personId: string, now: string): Promise<void> {
  await scope
    .updateTable('calendar_feeds')
    .set({ revoked_at: now })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** A feed is fetched by a calendar app with no session: it is found by the hash of its secret alone. */
export async function findLiveFeed(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('people', 'people.id', 'calendar_feeds.person_id')
    .select([
      'calendar_feeds.tenant_id as tenantId',
      'calendar_feeds.person_id as personId',
      'people.role as role',
      'people.language as language',
      'people.locale as locale',
    ])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('calendar_feeds.revoked_at', 'is', null)
    .executeTakeFirst();
}
