import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import type { Database } from '../../lti-server/src/db/schema';
import { SCHEMA_COLUMNS } from '../../lti-server/src/db/schema-columns';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';

type Columns = Record<string, Record<string, 'nullable' | 'not null'>>;

/** Tables db/schema.ts leaves out on purpose, and why. */
const NOT_IN_SCHEMA: Array<{ table: RegExp; why: string }> = [
  { table: /^kysely_migration(_lock)?$/, why: "Kysely's own record of the migrations that ran" },
  {
    table: /^strategies_fts(_\w+)?$/,
    why: 'SQLite: the FTS5 index and its shadow tables, read with raw SQL',
  },
];

/** Columns db/schema.ts leaves out on purpose: `table.column`. */
const COLUMNS_NOT_IN_SCHEMA = new Set([
  // PostgreSQL: the generated tsvector behind full-text search, read with raw SQL.
  'strategies.search_vector',
  // Generated from `status` (migration 0020) for the menu's index; read with raw SQL, never written.
  'strategies.browse_rank',
]);

/** Tables only PostgreSQL has (migration 0013: SQLite's FTS5 has prefix indexes instead; its word list came in 0024). */
const POSTGRES_ONLY = new Set<string>(['search_word_checks', 'search_word_counts'] satisfies Array<
  keyof Database
>);

async function sqliteColumns(db: Kysely<Database>): Promise<Array<[string, string, boolean]>> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const columns: Array<[string, string, boolean]> = [];
  for (const { name } of tables.rows) {
    const info = await sql<{ name: string; notnull: number; pk: number }>`
      select name, "notnull", pk from pragma_table_info(${name})`.execute(db);
    // SQLite lets a primary key that is not an INTEGER hold null unless it says NOT NULL; the code never writes one,
    // and PostgreSQL refuses it, so a primary key counts as not null here.
    for (const c of info.rows) columns.push([name, c.name, c.notnull === 0 && c.pk === 0]);
  }
  return columns;
}

async function postgresColumns(db: Kysely<Database>): Promise<Array<[string, string, boolean]>> {
  const rows = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
    select table_name, column_name, is_nullable from information_schema.columns
    where table_schema = current_schema()`.execute(db);
  return rows.rows.map((r) => [r.table_name, r.column_name, r.is_nullable === 'YES']);
}

/** The migrated database's tables and columns, as db/schema.ts would declare them. */
async function migratedColumns(handle: DatabaseHandle): Promise<Columns> {
  const all = handle.kind === 'sqlite' ? await sqliteColumns(handle.db) : await postgresColumns(handle.db);
  const columns: Columns = {};
  for (const [table, column, nullable] of all) {
    if (NOT_IN_SCHEMA.some((t) => t.table.test(table))) continue;
    if (COLUMNS_NOT_IN_SCHEMA.has(`${table}.${column}`)) continue;
    columns[table] = { ...columns[table], [column]: nullable ? 'nullable' : 'not null' };
  }
  return columns;
}

describe(`db/schema.ts and the migrated database on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    handle = openDatabase(database.target);
    await handle.migrate();
  });
  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('when every migration has run, then the database has exactly the tables and columns the types declare, nullable where a type allows null', async () => {
    const declared: Columns = Object.fromEntries(
      Object.entries(SCHEMA_COLUMNS).filter(
        ([table]) => handle.kind === 'postgres' || !POSTGRES_ONLY.has(table),
      ),
    );
    expect(await migratedColumns(handle)).toEqual(declared);
  });
});
