import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, roleSettingsDiffer } from '../../lti-server/src/db/database';
import { DEFAULT_POOL, type PostgresPoolSettings } from '../../shared/config';
import { type ApiClient, apiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import { openedDoor } from '../support/server/doors';
import { approvedStrategy } from '../support/server/menu';
import { type PgBouncer, startPgBouncer } from '../support/server/pgbouncer';
import { POSTGRES_URL, type TestDatabase } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';

/**
 * The tool through PgBouncer in transaction mode, the pooler docs/deploy.md puts in front of PostgreSQL for several
 * instances: Debian's PgBouncer, not ours. It refuses the settings a connection asks for when it opens, so with
 * DATABASE_POOLER=pgbouncer the tool asks for none and the database role holds the schema and the settings.
 */
const role = `tm_pooled_${randomBytes(5).toString('hex')}`;
const upstream = new URL(POSTGRES_URL);
const POOLED: PostgresPoolSettings = { ...DEFAULT_POOL, pooler: 'pgbouncer' };
let bouncer: PgBouncer;
let url: string;

async function admin(statements: string[]) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // The role the tool connects as, with its schema and the settings the tool would otherwise ask for at connect time.
  await admin([
    `create role ${role} login`,
    `create schema ${role} authorization ${role}`,
    `alter role ${role} set search_path = ${role}`,
    `alter role ${role} set statement_timeout = '10s'`,
    `alter role ${role} set idle_in_transaction_session_timeout = '60s'`,
    `alter role ${role} set random_page_cost = 1.1`,
  ]);
  bouncer = await startPgBouncer(
    { host: upstream.hostname, port: Number(upstream.port || 5432), database: upstream.pathname.slice(1) },
    [role],
  );
  url = bouncer.urlFor(role, upstream.pathname.slice(1));
}, 60_000);
afterAll(async () => {
  await bouncer?.close();
  await admin([
    `drop schema if exists ${role} cascade`,
    `drop owned by ${role}`,
    `drop role if exists ${role}`,
  ]);
});

describe('through PgBouncer in transaction mode', () => {
  it('when the tool asks for its settings at connect time, then PgBouncer refuses and start says to set DATABASE_POOLER', async () => {
    const handle = openDatabase({ kind: 'postgres', url, schema: role, pool: DEFAULT_POOL });
    try {
      await expect(handle.migrate()).rejects.toThrow(
        /unsupported startup parameter.*Set DATABASE_POOLER=pgbouncer, and the schema and timeouts on the database role/,
      );
    } finally {
      await handle.close();
    }
  });

  it('when the address names a schema the role does not use, then start refuses rather than write elsewhere', async () => {
    const handle = openDatabase({ kind: 'postgres', url, schema: 'another_schema', pool: POOLED });
    try {
      await expect(handle.migrate()).rejects.toThrow(
        `DATABASE_URL asks for schema "another_schema", but through the pooler (DATABASE_POOLER=pgbouncer) the database role's search_path decides it, and it gives "${role}".`,
      );
    } finally {
      await handle.close();
    }
  });

  describe('with DATABASE_POOLER=pgbouncer and the role set up', () => {
    /** The role's schema through the pooler, for a server instance; its owner (afterAll) drops it. */
    const pooledDatabase = (): TestDatabase => ({
      target: { kind: 'postgres', url, schema: role, pool: POOLED },
      url: `${url}?schema=${role}`,
      dataDir: '',
      async drop() {},
    });
    let server: TestServer;
    let ana: ApiClient;
    let dana: ApiClient;

    beforeAll(async () => {
      server = await startTestServer({ database: pooledDatabase() });
      ana = await launchAs(server, 'sandbox-ana-rivera');
      dana = await launchAs(server, 'sandbox-dana-kim');
    }, 120_000);
    afterAll(async () => {
      await server?.close();
    });

    it('when a teacher launches, clips a strategy and a coach approves it, then the menu and a search find it, all of it in the role’s schema', async () => {
      await approvedStrategy(ana, dana, { title: 'Pooled evidence talk' });
      const menu = await ana.get('/api/strategies');
      expect(menu.body.items.map((s: { title: string }) => s.title)).toContain('Pooled evidence talk');
      const found = await ana.get('/api/strategies?q=pooled%20evid');
      expect(found.body.items.map((s: { title: string }) => s.title)).toEqual(['Pooled evidence talk']);
      expect(found.body.items[0].contributors.map((c: { name: string }) => c.name)).toEqual(['Ana Rivera']);
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      const rows = await client.query(`select count(*)::int as n from ${role}.strategies where title = $1`, [
        'Pooled evidence talk',
      ]);
      await client.end();
      expect(rows.rows[0].n).toBe(1);
    });

    it('when 40 colleagues book a 5-seat door at once through two instances sharing the pooler, then exactly 5 get a seat', async () => {
      const second = await startTestServer({ database: pooledDatabase() });
      try {
        const strategyId = await approvedStrategy(ana, dana, { title: 'Pooled whiteboard splash' });
        const doorId = await openedDoor(ana, strategyId, { date: daysFromNow(9), capacity: 5 });
        const visitors = await colleaguesOf(server, ana, 40);
        const answers = await Promise.all(
          visitors.map((v, i) =>
            (i % 2 === 1 ? apiClient(second, v.token) : v).post('/api/visits', { doorId }),
          ),
        );
        const statuses = answers.map((a) => a.status);
        expect(statuses.filter((st) => st === 201)).toHaveLength(5);
        expect(answers.filter((a) => a.status !== 201).map((a) => a.body.error?.code)).toEqual(
          Array(35).fill('DOOR_FULL'),
        );
        expect((await ana.get(`/api/doors/${doorId}`)).body).toMatchObject({ booked: 5, seatsLeft: 0 });
      } finally {
        await second.close();
      }
    }, 60_000);

    it('when the role holds the settings the tool was given, then start has nothing to warn about; when one differs, it names it and the ALTER ROLE', async () => {
      const handle = openDatabase({ kind: 'postgres', url, schema: role, pool: POOLED });
      try {
        expect(await roleSettingsDiffer(handle.db, POOLED)).toEqual([]);
        expect(
          await roleSettingsDiffer(handle.db, {
            ...POOLED,
            idleInTransactionTimeoutMs: 30_000,
            randomPageCost: 0,
          }),
        ).toEqual([
          "through the pooler the role's idle_in_transaction_session_timeout is 60000ms, not DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS=30000: ALTER ROLE <role> SET idle_in_transaction_session_timeout = '30000ms' (or set DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS=0 to keep the role's)",
        ]);
      } finally {
        await handle.close();
      }
    });
  });
});
