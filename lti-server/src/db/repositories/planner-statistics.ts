import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/** Rows SQLite's ANALYZE reads of each index at most: statistics in milliseconds, even at 100k strategies. */
export const SQLITE_ANALYSIS_LIMIT = 1_000;

/**
 * Refreshes the statistics the query planner chooses plans with. SQLite keeps none by itself: without them it takes
 * every index equality to match about ten rows, and at 100k strategies it read a search's page by walking the whole
 * network through `strategies_menu_mine` (53 ms a search) instead of looking the page's twenty rows up by rowid
 * (issue #20). PostgreSQL's autovacuum analyzes by itself: nothing to do there.
 */
export async function refreshPlannerStatistics(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql.raw(`pragma analysis_limit = ${SQLITE_ANALYSIS_LIMIT}`).execute(db);
  await sql`analyze`.execute(db);
}
