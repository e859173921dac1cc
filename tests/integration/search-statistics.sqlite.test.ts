import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { listStrategyCards, RANKED_MATCHES } from '../../lti-server/src/db/repositories/strategies';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { startRetentionJob } from '../../lti-server/src/domain/retention-job';
import { createLogger } from '../../lti-server/src/logger';
import { planOf, recording } from '../support/server/query-plans';
import { seedTenant } from '../support/server/seed-tenant';
import { strategyRow } from '../support/server/strategy-row';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';

/**
 * SQLite keeps no planner statistics by itself (issue #20). Without them it took the network's index to match about
 * ten rows and read a search's page by walking the whole network (53 ms a search at 100k strategies); the retention
 * job refreshes them at start and hourly, and the page's rows are then looked up by rowid. Nothing here analyzes the
 * tables but the job.
 */
let test: TestDatabase;
let handle: DatabaseHandle;
const ROWS = RANKED_MATCHES + 500;

beforeAll(async () => {
  test = await createTestDatabase('sqlite');
  handle = openDatabase(test.target);
  await handle.migrate();
  await seedTenant(handle.db, { tenant: 't', networks: ['n'], person: 'p' });
  const scope = new TenantScope(handle.db, 't', handle.kind);
  const start = Date.UTC(2024, 0, 1);
  const rows = Array.from({ length: ROWS }, (_, i) =>
    strategyRow({
      id: `s-${String(i).padStart(5, '0')}`,
      network: 'n',
      contributor: 'p',
      text: `think pair share ${i % 100 === 0 ? 'gallery' : 'routine'}`,
      createdAt: new Date(start + i * 60_000).toISOString(),
    }),
  );
  await scope.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await trx.insertInto('strategies', rows.slice(i, i + 500)).execute();
  });
  await startRetentionJob(handle.db, handle.kind, createLogger('silent')).ready;
}, 60_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

describe('a search page on SQLite once the retention job has run', () => {
  it.each([
    ['a broad word (every strategy)', 'think'],
    ['a selective word', 'gallery'],
  ])('%s: its rows are looked up by rowid, not by walking the network', async (_name, q) => {
    const { db, queries } = recording(handle.db);
    const rows = await listStrategyCards(new TenantScope(db, 't', handle.kind), {
      networkId: 'n',
      statuses: ['approved', 'featured'],
      excludeMerged: true,
      q,
      limit: 21,
    });
    expect(rows.length).toBe(21);
    const page = queries.find(
      (query) => /from "strategies"/.test(query.sql) && /strategies_fts/.test(query.sql),
    );
    const plan = await planOf(handle, page!);
    expect(
      plan.some((line) => /SEARCH strategies USING INTEGER PRIMARY KEY \(rowid=\?\)/.test(line)),
      plan.join('\n'),
    ).toBe(true);
    expect(plan.filter((line) => /strategies_menu/.test(line))).toEqual([]);
  });
});
