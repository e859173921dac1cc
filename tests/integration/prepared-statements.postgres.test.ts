import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POOL } from '../../shared/config';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { expandPrefixes } from '../../lti-server/src/db/repositories/search-words';
import { listDoors } from '../../lti-server/src/db/repositories/doors';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { authenticate } from '../../lti-server/src/domain/sessions';
import { BENCH_WEEK, WEEK_PAGE_DOORS } from '../bench/district';
import { launchAs } from '../support/server/api-client';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';

/**
 * The session lookup runs on every request and is kept prepared per connection (lti-server/src/db/prepared-statements.ts,
 * issue #20). One connection (a pool of one) lets the test see what that connection keeps.
 */
let test: TestDatabase;
let server: TestServer;
let single: DatabaseHandle;
let token: string;

const keptStatements = async () =>
  (
    await sql<{
      name: string;
      statement: string;
    }>`select name, statement from pg_prepared_statements where name like 'tm\\_%'`.execute(single.db)
  ).rows;
const kept = async () => (await keptStatements()).map((r) => r.name);

beforeAll(async () => {
  test = await createTestDatabase('postgres');
  if (test.target.kind !== 'postgres') throw new Error('a PostgreSQL database was asked for');
  server = await startTestServer({ database: test });
  token = (await launchAs(server, 'sandbox-ana-rivera')).token;
  single = openDatabase({ ...test.target, pool: { ...DEFAULT_POOL, max: 1 } });
});

afterAll(async () => {
  await single?.close();
  await server?.close();
  await test?.drop();
});

describe('statements kept prepared on PostgreSQL', () => {
  it('when a session is looked up again and again on one connection, then the connection keeps its statement once', async () => {
    expect(await kept()).toEqual([]);
    for (let i = 0; i < 8; i++) {
      const principal = await authenticate(single.db, token, new Date());
      expect(principal.me.person.name).toBe('Ana Rivera');
    }
    expect(await kept()).toHaveLength(1);
  });

  it('when a migration changes the type of a column the kept statement returns, then the lookup still answers', async () => {
    await authenticate(single.db, token, new Date());
    // Through another connection, as a newer instance's migration would: the kept plan's result type no longer holds.
    await sql`alter table tenants alter column name type varchar(300)`.execute(server.database.db);
    const principal = await authenticate(single.db, token, new Date());
    expect(principal.me.platform.name).toBeTruthy();
    expect(await kept()).toHaveLength(2);
  });

  it('when the menu is searched again and again on one connection, then the counts of its words are kept once and answer the same', async () => {
    const principal = await authenticate(single.db, token, new Date());
    const scope = new TenantScope(single.db, principal.tenantId, 'postgres');
    const within = { networkId: principal.networkId, statuses: ['approved', 'featured'] as const };
    const before = await kept();
    const first = await expandPrefixes(scope, 'exit:* & tic:*', within);
    // PostgreSQL plans a kept statement generically from its sixth run on: the answers must not change with it.
    for (let i = 0; i < 8; i++) expect(await expandPrefixes(scope, 'exit:* & tic:*', within)).toEqual(first);
    const added = (await keptStatements()).filter((r) => !before.includes(r.name));
    expect(added).toHaveLength(1);
    expect(added[0]!.statement).toContain('search_word_counts');
  });

  it('when a kept statement runs inside a transaction after a migration added a column it returns, then the transaction still answers', async () => {
    const principal = await authenticate(single.db, token, new Date());
    const week = {
      networkId: principal.networkId,
      from: new Date(Date.now() + BENCH_WEEK.from).toISOString(),
      to: new Date(Date.now() + BENCH_WEEK.to).toISOString(),
      viewerId: principal.personId,
      limit: WEEK_PAGE_DOORS,
    };
    const scope = new TenantScope(single.db, principal.tenantId, 'postgres');
    const first = await listDoors(scope, week);
    const before = await kept();
    expect(before.length).toBeGreaterThan(0);
    // Another instance's migration: `doors.*` in the kept statement would now return one more column.
    await sql`alter table doors add column added_later text`.execute(server.database.db);
    const inside = await single.db.transaction().execute(async (trx) => {
      const doors = await listDoors(new TenantScope(trx, principal.tenantId, 'postgres'), week);
      await sql`select 1`.execute(trx);
      return doors;
    });
    expect(inside.map((d) => d.id)).toEqual(first.map((d) => d.id));
    // Sent unnamed inside the transaction: nothing new was kept by it.
    expect(await kept()).toEqual(before);
    // Outside, the kept statement is refused once and prepared anew.
    expect((await listDoors(scope, week)).map((d) => d.id)).toEqual(first.map((d) => d.id));
    expect(await kept()).toHaveLength(before.length + 1);
  });
});
