import { sql } from 'kysely';
import type { DatabaseHandle } from '../../../lti-server/src/db/database';

/** Bookkeeping every request may write whatever it carries: the rate limits' counts. */
const BOOKKEEPING = new Set(['rate_limits']);

/**
 * Rows per table of the server's own database (its schema on PostgreSQL), read in one query; bookkeeping tables
 * left out.
 */
export async function rowCounts(database: DatabaseHandle): Promise<Record<string, number>> {
  const { db, kind } = database;
  const tables =
    kind === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const names = tables.rows
    .map((r) => r.name)
    .filter((name) => !BOOKKEEPING.has(name))
    .sort();
  const counts = await sql<{ name: string; n: number | string }>`${sql.join(
    names.map((name) => sql`select ${sql.lit(name)} as name, count(*) as n from ${sql.table(name)}`),
    sql` union all `,
  )}`.execute(db);
  return Object.fromEntries(counts.rows.map((r) => [r.name, Number(r.n)]));
}
