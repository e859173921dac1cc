import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { DatabaseHandle } from '../../../lti-server/src/db/database';
import type { Database } from '../../../lti-server/src/db/schema';

/**
 * A Kysely that records every query it runs (compiled SQL and parameters), so a test can EXPLAIN exactly what a
 * repository function sent.
 */
export function recording(db: Kysely<Database>): { db: Kysely<Database>; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = [];
  const executor = db.getExecutor();
  // Kysely hands plugins every builder made into a query, a subquery too; only the statements run get a result.
  const built = new Map<unknown, CompiledQuery>();
  const recorded = db.withPlugin({
    transformQuery(args) {
      built.set(args.queryId, executor.compileQuery(args.node, args.queryId));
      return args.node;
    },
    async transformResult(args) {
      const query = built.get(args.queryId);
      if (query) queries.push(query);
      return args.result;
    },
  });
  return { db: recorded, queries };
}

/** The plan of one compiled query: SQLite's EXPLAIN QUERY PLAN details, or PostgreSQL's EXPLAIN lines. */
export async function planOf(handle: DatabaseHandle, query: CompiledQuery): Promise<string[]> {
  if (handle.kind === 'sqlite') {
    const result = await handle.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    return result.rows.map((r) => r.detail);
  }
  const result = await handle.db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
  );
  return result.rows.map((r) => r['QUERY PLAN']);
}

/**
 * What in a plan reads or sorts a whole table: a full scan of one of `tables` (SQLite `SCAN t`, also of a covering
 * index; PostgreSQL `Seq Scan on t`), or a sort (SQLite `USE TEMP B-TREE`, PostgreSQL `Sort` or `Incremental Sort`).
 */
export function wholeTableSteps(plan: string[], tables: string[]): string[] {
  return plan.filter(
    (line) =>
      tables.some(
        (t) => new RegExp(`\\bSCAN ${t}\\b`).test(line) || new RegExp(`Seq Scan on ${t}\\b`).test(line),
      ) ||
      /TEMP B-TREE/.test(line) ||
      /\bSort\b/.test(line),
  );
}

/** The full scans in a plan of one of `tables` (SQLite `SCAN t`, PostgreSQL `Seq Scan on t`), sorts aside. */
export function fullScans(plan: string[], tables: string[]): string[] {
  return plan.filter((line) =>
    tables.some(
      (t) => new RegExp(`\\bSCAN ${t}\\b`).test(line) || new RegExp(`Seq Scan on ${t}\\b`).test(line),
    ),
  );
}

/**
 * PostgreSQL only: how many rows of `table` a query read when run (EXPLAIN ANALYZE): every scan of it, the rows it
 * kept and those its filters removed, times its loops.
 */
export async function rowsRead(handle: DatabaseHandle, query: CompiledQuery, table: string): Promise<number> {
  if (handle.kind !== 'postgres')
    throw new Error('rowsRead needs PostgreSQL (SQLite plans have no row counts)');
  const result = await handle.db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    CompiledQuery.raw(`explain (analyze, format json) ${query.sql}`, [...query.parameters]),
  );
  const sum = (node: PlanNode): number =>
    (node['Relation Name'] === table
      ? ((node['Actual Rows'] ?? 0) +
          (node['Rows Removed by Filter'] ?? 0) +
          (node['Rows Removed by Index Recheck'] ?? 0)) *
        (node['Actual Loops'] ?? 1)
      : 0) + (node.Plans ?? []).reduce((total, child) => total + sum(child), 0);
  return sum(result.rows[0]!['QUERY PLAN'][0].Plan);
}

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/**
 * Refreshes the planner's statistics of this database's tables. On PostgreSQL a bare ANALYZE reads every schema of the
 * shared test database (other test files' and other runs' too: hundreds of tables), which can outlast the statement
 * timeout on a busy machine; this analyzes only the test's own schema.
 */
export async function analyzeOwnTables(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'sqlite') {
    await sql`analyze`.execute(handle.db);
    return;
  }
  const { rows } = await sql<{
    tablename: string;
  }>`select tablename from pg_tables where schemaname = current_schema()`.execute(handle.db);
  // An empty list would be a bare ANALYZE of the whole database.
  if (rows.length === 0) return;
  await sql`analyze ${sql.join(rows.map((r) => sql.id(r.tablename)))}`.execute(handle.db);
}
