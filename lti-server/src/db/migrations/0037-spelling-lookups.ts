import { type Kysely, sql } from 'kysely';
import type { Dialect } from './dialect';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // A strategy's tags by strategy, in tag order, within the tenant: what the picture reads for each visit it recounts
  // (repositories/picture.ts `visitEvidence`). The tenant scope adds `tenant_id = ?`, and without statistics (SQLite
  // never gathers them by itself; PostgreSQL before its first ANALYZE) both databases chose `strategy_tags_tag
  // (tenant_id, tag)` for it: every tag of the tenant read for one strategy's two or three. Recounting a district's
  // 10,000 visits at 100k strategies took hours on SQLite. With the tenant and the strategy leading, this index wins
  // on its equalities alone and serves the order.
  await db.schema
    .createIndex('strategy_tags_strategy')
    .on('strategy_tags')
    .columns(['tenant_id', 'strategy_id', 'tag'])
    .execute();
  if (dialect === 'sqlite') return;
  // PostgreSQL, and only where pg_trgm made the trigram index (0024). Two things made a misspelt search's trigram
  // lookup cost 50-130 ms on a 100k menu instead of well under 1 ms:
  // - GIN's pending list: new words went to an unsorted list of up to 4 MB that every lookup reads whole (500 pages)
  //   until a vacuum merged it. A new strategy adds few new words (most are listed already), so inserting them
  //   straight into the index costs little, and a lookup reads a few dozen pages.
  // - No statistics on the word list (never analyzed since 0013 filled it): the planner took a tenant's words to be a
  //   few hundred and read them all through the primary key, testing each for similarity, instead of the trigram
  //   index. Autovacuum keeps the statistics from here on.
  const index = await sql<{
    found: string | null;
  }>`select to_regclass('search_words_trigrams')::text as found`.execute(db);
  if (!index.rows[0]?.found) return;
  await sql`alter index search_words_trigrams set (fastupdate = off)`.execute(db);
  await sql`select gin_clean_pending_list('search_words_trigrams'::regclass)`.execute(db);
  await sql`analyze search_words`.execute(db);
}
