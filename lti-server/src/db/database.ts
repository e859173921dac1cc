import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../../../shared/config';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';

export type DatabaseKind = DatabaseTarget['kind'];

export interface DatabaseHandle {
  db: Kysely<Database>;
  /**
   * For rows a database crash may lose without harm (launch sessions: the teacher opens the tool again). On PostgreSQL
   * a small pool whose commits do not wait for the WAL to reach the disk (`synchronous_commit = off`: the row is
   * visible at once, and only the last moments of such commits can be lost in a crash, never corrupted). On SQLite
   * the same database (already `synchronous = NORMAL`).
   */
  ephemeral: Kysely<Database>;
  kind: DatabaseKind;
  /** A short description without credentials, for logs and the start-up banner. */
  label: string;
  migrate(): Promise<string[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const INT8_OID = 20;

function openSqlite(file: string): Kysely<Database> {
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path, { timeout: 10_000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function openPostgres(
  url: string,
  schema: string | undefined,
  { max = 10, settings = [] as string[] } = {},
): Kysely<Database> {
  const options = [...(schema ? [`-c search_path=${schema}`] : []), ...settings.map((s) => `-c ${s}`)];
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5_000,
    ...(options.length > 0 ? { options: options.join(' ') } : {}),
    // bigint columns hold millisecond timestamps, which fit a JavaScript number.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text'),
    },
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function describe(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return `SQLite ${target.file}`;
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}${target.schema ? ` (schema ${target.schema})` : ''}`;
}

/**
 * SQLite has no migration lock in Kysely: another process may hold the write lock, or may have committed the same
 * migration between our read of the migration table and our DDL ("already exists"). Either way our transaction
 * rolled back, and a retry reads the new state.
 */
function isSqliteRace(error: unknown): boolean {
  return (
    error instanceof Error &&
    /SQLITE_BUSY|database is locked|already exists/i.test(
      `${(error as { code?: string }).code} ${error.message}`,
    )
  );
}

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  const db = target.kind === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url, target.schema);
  const ephemeral =
    target.kind === 'sqlite'
      ? db
      : openPostgres(target.url, target.schema, { max: 4, settings: ['synchronous_commit=off'] });
  return {
    db,
    ephemeral,
    kind: target.kind,
    label: describe(target),
    async migrate() {
      // PostgreSQL: Kysely holds an advisory lock. SQLite: see isSqliteRace.
      for (let attempt = 1; ; attempt++) {
        try {
          const schema =
            target.kind === 'postgres'
              ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
              : undefined;
          return await migrateToLatest(db, target.kind, schema);
        } catch (error) {
          if (target.kind !== 'sqlite' || !isSqliteRace(error) || attempt >= 10) throw error;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    },
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await db.destroy();
      if (ephemeral !== db) await ephemeral.destroy();
    },
  };
}
