import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** better-sqlite3's statement as far as the cache needs it: `busy` while an iterator is still reading from it. */
interface ReusableStatement extends SqliteStatement {
  readonly busy: boolean;
}

interface PreparingDatabase {
  prepare(sql: string): ReusableStatement;
  close(): void;
}

/** Distinct statements kept per database; the least recently used one goes first past this. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite database as Kysely's dialect sees it, with each statement compiled once and reused (issue #20). Kysely's
 * SQLite driver prepares the SQL text of every query anew, and compiling a statement cost as much as running a page
 * query (the menu's: 0.1–0.5 ms each, twice a request with the session's lookup). A statement is only reused when it
 * is not busy: an iterator still reading from it gets a fresh one beside it. SQLite recompiles a kept statement by
 * itself when the schema changes under it (a migration), so a kept statement never reads with an old schema.
 */
export function cachingStatements(database: PreparingDatabase, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const kept = new Map<string, ReusableStatement>();
  return {
    prepare(sql: string): SqliteStatement {
      const statement = kept.get(sql);
      if (statement && !statement.busy) {
        // Map keeps insertion order: moving a hit to the end makes the first key the least recently used.
        kept.delete(sql);
        kept.set(sql, statement);
        return statement;
      }
      const fresh = database.prepare(sql);
      if (statement) return fresh;
      kept.set(sql, fresh);
      if (kept.size > size) kept.delete(kept.keys().next().value as string);
      return fresh;
    },
    close() {
      kept.clear();
      database.close();
    },
  };
}
