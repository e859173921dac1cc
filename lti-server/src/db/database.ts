import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_POOL, type DatabaseTarget, type PostgresPoolSettings } from '../../../shared/config';
import { ConfigError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { migrateToLatest } from './migrations';
import { PreparingClient } from './prepared-statements';
import { OwnSchemaPostgresDialect } from './schema-introspector';
import type { Database } from './schema';
import { cachingStatements } from './statement-cache';
import { databaseUnavailableReason } from './unavailable';

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
  /** Whether the database answers a trivial query within `CHECK_TIMEOUT_MS` (both pools on PostgreSQL). */
  check(): Promise<DatabaseCheck>;
  close(): Promise<void>;
}

export type DatabaseCheck = { available: true } | { available: false; reason: string };

/** /readyz must answer even when the database hangs instead of refusing. */
export const CHECK_TIMEOUT_MS = 2_000;

/** One warning per outage is enough: every idle connection of a pool reports the same loss at once. */
const LOST_WARNING_INTERVAL_MS = 10_000;

type LostConnection = (pool: string, error: Error) => void;

const INT8_OID = 20;

function openSqlite(file: string): Kysely<Database> {
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path, { timeout: 10_000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
}

function openPostgres(
  url: string,
  schema: string | undefined,
  onLost: LostConnection,
  { name = 'db', pool: limits = DEFAULT_POOL, settings = [] as string[] } = {},
): Kysely<Database> {
  // Through a pooler in transaction mode nothing is asked for at connect time: it would refuse the connection, or drop
  // the settings, and a setting made on one server connection would follow it to other clients. The role holds them.
  const pooled = limits.pooler === 'pgbouncer';
  const planner = limits.randomPageCost > 0 ? [`random_page_cost=${limits.randomPageCost}`] : [];
  const options = pooled
    ? []
    : [...(schema ? [`-c search_path=${schema}`] : []), ...[...planner, ...settings].map((s) => `-c ${s}`)];
  const pool = new pg.Pool({
    // Statements marked PREPARED are kept by the server per connection; a pooler in transaction mode cannot carry them.
    Client: pooled ? pg.Client : PreparingClient,
    connectionString: url,
    max: limits.max,
    connectionTimeoutMillis: limits.connectionTimeoutMillis,
    // Sent at connect time: the server ends a statement (57014, a 503 for the caller) or a session idle in an open
    // transaction, so neither can keep a connection from the others for long. 0 leaves the database's own setting.
    statement_timeout: pooled ? 0 : limits.statementTimeoutMs,
    idle_in_transaction_session_timeout: pooled ? 0 : limits.idleInTransactionTimeoutMs,
    ...(options.length > 0 ? { options: options.join(' ') } : {}),
    // bigint columns hold millisecond timestamps, which fit a JavaScript number.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text'),
    },
  });
  // Without these listeners a dropped connection (restart, failover, pg_terminate_backend) ends the process with an
  // unhandled 'error' event. The pool re-emits the errors of idle clients and replaces them on the next query; a
  // checked-out client's error also fails its query, which reaches the caller, so its own listener only has to exist.
  pool.on('error', (error) => onLost(name, error));
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
}

/**
 * A pooler in transaction mode refuses the settings the tool asks for when it connects (PgBouncer: "unsupported startup
 * parameter: options"): the operator is told the setting that avoids it.
 */
function refusedByPooler(error: unknown, limits: PostgresPoolSettings): ConfigError | undefined {
  const message = error instanceof Error ? error.message : '';
  if (limits.pooler === 'pgbouncer' || !/unsupported startup parameter/i.test(message)) return undefined;
  return new ConfigError(
    `The database refused the connection's settings (${message}): a pooler such as PgBouncer stands in front of ` +
      'PostgreSQL. Set DATABASE_POOLER=pgbouncer, and the schema and timeouts on the database role (docs/deploy.md).',
  );
}

/** Through a pooler the schema comes from the role's search_path; without it the tables would land elsewhere. */
function schemaNotOnRole(asked: string, found: string | undefined): string {
  return (
    `DATABASE_URL asks for schema "${asked}", but through the pooler (DATABASE_POOLER=pgbouncer) the database role's ` +
    `search_path decides it, and it gives "${found ?? 'none'}". Set it on the role the tool connects as ` +
    `(ALTER ROLE <role> SET search_path = "${asked}"), or leave ?schema= out of DATABASE_URL.`
  );
}

/**
 * Through a pooler the tool asks for no settings: it reads the role's and says which differ from what it was told
 * (DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, DATABASE_RANDOM_PAGE_COST; 0 asks for
 * nothing), each with the ALTER ROLE that sets it.
 */
export async function roleSettingsDiffer(
  db: Kysely<Database>,
  limits: PostgresPoolSettings,
): Promise<string[]> {
  const row = (
    await sql<{ statement: number; idle: number; pages: number }>`select
      extract(epoch from current_setting('statement_timeout')::interval) * 1000 as statement,
      extract(epoch from current_setting('idle_in_transaction_session_timeout')::interval) * 1000 as idle,
      current_setting('random_page_cost')::float8 as pages`.execute(db)
  ).rows[0]!;
  const wanted: Array<[string, string, number, number, string]> = [
    [
      'DATABASE_STATEMENT_TIMEOUT_MS',
      'statement_timeout',
      limits.statementTimeoutMs,
      Number(row.statement),
      'ms',
    ],
    [
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      'idle_in_transaction_session_timeout',
      limits.idleInTransactionTimeoutMs,
      Number(row.idle),
      'ms',
    ],
    ['DATABASE_RANDOM_PAGE_COST', 'random_page_cost', limits.randomPageCost, Number(row.pages), ''],
  ];
  return wanted
    .filter(([, , want, has]) => want > 0 && Math.abs(want - has) > 1e-9)
    .map(
      ([env, setting, want, has, unit]) =>
        `through the pooler the role's ${setting} is ${has}${unit}, not ${env}=${want}: ` +
        `ALTER ROLE <role> SET ${setting} = ${unit ? `'${want}${unit}'` : want} (or set ${env}=0 to keep the role's)`,
    );
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

/** `select 1` on `db`, given up after `CHECK_TIMEOUT_MS`. */
async function checkOne(db: Kysely<Database>): Promise<DatabaseCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CHECK_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([sql`select 1`.execute(db), timedOut]);
    return answer === 'timeout' ? { available: false, reason: 'no answer in time' } : { available: true };
  } catch (error) {
    return { available: false, reason: databaseUnavailableReason(error) ?? 'the check query failed' };
  } finally {
    clearTimeout(timer);
  }
}

/** `logger` receives one warning line when connections are lost (label and reason only, never the URL). */
export function openDatabase(target: DatabaseTarget, logger?: Pick<Logger, 'warn'>): DatabaseHandle {
  const label = describe(target);
  let warnedAt = Number.NEGATIVE_INFINITY;
  const onLost: LostConnection = (pool, error) => {
    if (Date.now() - warnedAt < LOST_WARNING_INTERVAL_MS) return;
    warnedAt = Date.now();
    const reason = databaseUnavailableReason(error) ?? 'connection error';
    logger?.warn(
      { database: label, pool, reason },
      'lost a database connection; the pool reconnects when asked',
    );
  };
  const pool: PostgresPoolSettings = (target.kind === 'postgres' && target.pool) || DEFAULT_POOL;
  const db =
    target.kind === 'sqlite'
      ? openSqlite(target.file)
      : openPostgres(target.url, target.schema, onLost, { pool });
  const ephemeral =
    target.kind === 'sqlite'
      ? db
      : openPostgres(target.url, target.schema, onLost, {
          name: 'ephemeral',
          pool: { ...pool, max: Math.min(4, pool.max) },
          settings: ['synchronous_commit=off'],
        });
  return {
    db,
    ephemeral,
    kind: target.kind,
    label,
    async migrate() {
      if (target.kind === 'postgres') {
        // Kysely holds an advisory lock. On a connection of its own; each migration lifts the statement timeouts in
        // its transaction (migrations/index.ts): building an index on a district's tables may take longer than any
        // request should.
        const migrator = openPostgres(target.url, target.schema, onLost, {
          name: 'migrations',
          pool: { ...pool, max: 1, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 },
        });
        try {
          const schema = (
            await sql<{ schema: string }>`select current_schema() as schema`
              .execute(migrator)
              .catch((error) => {
                throw refusedByPooler(error, pool) ?? error;
              })
          ).rows[0]?.schema;
          if (pool.pooler === 'pgbouncer') {
            if (target.schema && schema !== target.schema)
              throw new ConfigError(schemaNotOnRole(target.schema, schema));
            for (const warning of await roleSettingsDiffer(migrator, pool))
              logger?.warn({ database: label }, warning);
          }
          return await migrateToLatest(migrator, target.kind, schema);
        } finally {
          await migrator.destroy();
        }
      }
      // SQLite: see isSqliteRace.
      for (let attempt = 1; ; attempt++) {
        try {
          return await migrateToLatest(db, target.kind, undefined);
        } catch (error) {
          if (!isSqliteRace(error) || attempt >= 10) throw error;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    },
    async check() {
      const checks = await Promise.all(
        ephemeral === db ? [checkOne(db)] : [checkOne(db), checkOne(ephemeral)],
      );
      return checks.find((c) => !c.available) ?? { available: true };
    },
    async close() {
      await db.destroy();
      if (ephemeral !== db) await ephemeral.destroy();
    },
  };
}
