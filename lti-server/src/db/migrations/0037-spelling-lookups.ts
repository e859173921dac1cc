import { type Kysely, sql } from 'kysely';
import type { Dialect } from './dialect';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // PostgreSQL only, and only where pg_trgm made the trigram index (0024). Two things made a misspelt search's trigram
  // lookup cost 50-130 ms on a 100k menu instead of well under 1 ms:
  // - GIN's pending list: new words went to an unsorted list of up to 4 MB that every lookup reads whole (500 pages)
  //   until a vacuum merged it. A new strategy adds few new words (most are listed already), so inserting them
  //   straight into the index costs little, and a lookup reads a few dozen pages.
  // - No statistics on the word list (never analyzed since 0013 filled it): the planner took a tenant's words to be a
  //   few hundred and read them all through the primary key, testing each for similarity, instead of the trigram
  //   index. Autovacuum keeps the statistics from here on.
  if (dialect === 'sqlite') return;
  const index = await sql<{
    found: string | null;
  }>`select to_regclass('search_words_trigrams')::text as found`.execute(db);
  if (!index.rows[0]?.found) return;
  await sql`alter index search_words_trigrams set (fastupdate = off)`.execute(db);
  await sql`select gin_clean_pending_list('search_words_trigrams'::regclass)`.execute(db);
  await sql`analyze search_words`.execute(db);
}
