import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

export interface HitCount {
  hits: number;
  /** When the window ends (milliseconds). */
  resetAt: number;
}

/**
 * Counts `amount` requests (one by default) for `key` in its fixed window: the first request after a window ended
 * starts a new one of `windowMs`. One statement (an upsert), so concurrent requests on any instance each count.
 */
export async function countHit(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
  now: number,
  amount = 1,
): Promise<HitCount> {
  const expired = sql<boolean>`rate_limits.reset_at <= ${now}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: amount, reset_at: now + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${expired} then cast(${amount} as integer) else rate_limits.hits + ${amount} end`,
        reset_at: sql<number>`case when ${expired} then cast(${now + windowMs} as bigint) else rate_limits.reset_at end`,
      }),
    )
    .returning(['hits', 'reset_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
}

/** The count of `key`'s current window, if one is running. */
export async function hitCount(
  db: Kysely<Database>,
  key: string,
  now: number,
): Promise<HitCount | undefined> {
  const row = await db
    .selectFrom('rate_limits')
    .select(['hits', 'reset_at'])
    .where('key', '=', key)
    .where('reset_at', '>', now)
    .executeTakeFirst();
  return row && { hits: Number(row.hits), resetAt: Number(row.reset_at) };
}

/** Takes back one counted request (a limit that counts only failed requests, say). */
export async function uncountHit(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({ hits: sql<number>`case when hits > 0 then hits - 1 else 0 end` })
    .where('key', '=', key)
    .execute();
}

export async function resetHits(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Drops the windows that ended before `now`. */
export async function deleteEndedWindows(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('reset_at', '<=', now).execute();
}
