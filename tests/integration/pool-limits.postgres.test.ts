import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUnavailableReason } from '../../lti-server/src/db/unavailable';
import { ErrorBodySchema } from '../../shared/errors';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';

/**
 * DATABASE_POOL_SIZE, DATABASE_CONNECT_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS and
 * DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, set small (and DATABASE_RANDOM_PAGE_COST, set on every connection): a statement, a transaction or a full pool that would hang
 * fails instead, with the database-unavailable mapping (503 DATABASE_UNAVAILABLE on the API).
 */
const POOL = {
  max: 3,
  connectionTimeoutMillis: 400,
  statementTimeoutMs: 600,
  idleInTransactionTimeoutMs: 600,
  randomPageCost: 1.5,
  pooler: 'none' as const,
};

let database: TestDatabase;
let server: TestServer;
let ana: ApiClient;

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  if (database.target.kind !== 'postgres') throw new Error('a PostgreSQL database was asked for');
  server = await startTestServer({ database, config: { database: { ...database.target, pool: POOL } } });
  ana = await launchAs(server, 'sandbox-ana-rivera');
}, 90_000);
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('PostgreSQL pool limits', () => {
  it('when the settings are configured, then every connection of the pool runs with them', async () => {
    const { rows } = await sql<{
      statement: string;
      idle: string;
      pageCost: string;
    }>`select current_setting('statement_timeout') as statement,
              current_setting('idle_in_transaction_session_timeout') as idle,
              current_setting('random_page_cost') as "pageCost"`.execute(server.database.db);
    expect(rows[0]).toEqual({ statement: '600ms', idle: '600ms', pageCost: '1.5' });
  });

  it('when a statement runs past the statement timeout, then it fails as a database-unavailable error', async () => {
    const error = await sql`select pg_sleep(5)`.execute(server.database.db).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as { code?: string }).code).toBe('57014');
    expect(databaseUnavailableReason(error)).toBe('statement timed out');
  });

  it('when an API read waits on a lock past the timeout, then it answers 503 DATABASE_UNAVAILABLE, and 200 once the lock is gone', async () => {
    const locker = new pg.Client({ connectionString: POSTGRES_URL });
    await locker.connect();
    try {
      await locker.query('begin');
      const schema = database.target.kind === 'postgres' ? database.target.schema : '';
      await locker.query(`lock table ${schema}.strategies in access exclusive mode`);
      const blocked = await ana.get('/api/strategies');
      expect(blocked.status).toBe(503);
      expect(ErrorBodySchema.parse(blocked.body).error.code).toBe('DATABASE_UNAVAILABLE');
      expect(blocked.headers.get('retry-after')).toBe('5');
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    expect((await ana.get('/api/strategies')).status).toBe(200);
  });

  it('when a transaction sits idle past its timeout, then PostgreSQL ends it and its next statement fails', async () => {
    const error = await server.database.db
      .transaction()
      .execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await new Promise((r) => setTimeout(r, 1_500));
        await sql`select 1`.execute(trx);
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    // The pool replaced the ended connection: the next query works.
    expect((await sql`select 1 as one`.execute(server.database.db)).rows).toEqual([{ one: 1 }]);
  });

  it('when every connection of the pool is taken, then the next query fails after the connection wait', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const holders = Array.from({ length: POOL.max }, () =>
      server.database.db.connection().execute(async (conn) => {
        await sql`select 1`.execute(conn);
        await held;
      }),
    );
    try {
      // Give the holders time to check their connections out.
      await new Promise((r) => setTimeout(r, 300));
      const error = await sql`select 1`.execute(server.database.db).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(databaseUnavailableReason(error)).toBe('connection timed out');
    } finally {
      release();
      await Promise.all(holders);
    }
    expect((await sql`select 1 as one`.execute(server.database.db)).rows).toEqual([{ one: 1 }]);
  });
});
