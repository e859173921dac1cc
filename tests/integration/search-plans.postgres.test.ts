import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { listStrategies, RANKED_MATCHES } from '../../lti-server/src/db/repositories/strategies';
import type { Database } from '../../lti-server/src/db/schema';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { analyzeOwnTables, planOf, recording, rowsRead } from '../support/server/query-plans';
import { seedTenant } from '../support/server/seed-tenant';
import { strategyRow } from '../support/server/strategy-row';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';

/**
 * A broad search on PostgreSQL reads about its page of strategies (issue #20): the counts of its words (migration 0044)
 * say it matches more than RANKED_MATCHES before a strategy is read, and strategies_newest is walked from the newest
 * until the page is full. Before, it ranked up to RANKED_MATCHES + 1 matches (reading each one's row) only to learn
 * that it was broad, then read the page newest first.
 */
let test: TestDatabase;
let handle: DatabaseHandle;
const here = 'net-here';
const elsewhere = 'net-elsewhere';
const PER_NETWORK = 3 * RANKED_MATCHES;
const start = Date.UTC(2026, 0, 1);

const minute = 60_000;

beforeAll(async () => {
  test = await createTestDatabase('postgres');
  handle = openDatabase(test.target);
  await handle.migrate();
  await seedTenant(handle.db, { tenant: 't', networks: [here, elsewhere], person: 'p' });
  const scope = new TenantScope(handle.db, 't', 'postgres');
  for (const network of [here, elsewhere]) {
    const rows: Array<Omit<Database['strategies'], 'tenant_id'>> = [];
    // Every strategy has "routine", every other one "lesson", one in six is pending; "rare" is on ten of them, "fifth"
    // on one in five (a thousand approved here: fewer than are ranked).
    for (let i = 0; i < PER_NETWORK; i++)
      rows.push(
        strategyRow(
          {
            id: `${network}-${String(i).padStart(5, '0')}`,
            network,
            contributor: 'p',
            text: `routine ${i % 2 === 0 ? 'lesson' : 'plan'} ${i % 600 === 0 ? 'rare' : 'common'}${i % 5 === 0 ? ' fifth' : ''} item${i}`,
            createdAt: new Date(start + i * minute).toISOString(),
          },
          { status: i % 6 === 5 ? 'pending' : 'approved' },
        ),
      );
    for (let i = 0; i < rows.length; i += 500)
      await scope.insertInto('strategies', rows.slice(i, i + 500)).execute();
  }
  await analyzeOwnTables(handle);
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

/** A search of the menu here as a teacher sees it, with every query it sent. */
async function search(q: string, limit: number, offset = 0) {
  const { db, queries } = recording(handle.db);
  const rows = await listStrategies(new TenantScope(db, 't', 'postgres'), {
    networkId: here,
    statuses: ['approved', 'featured'],
    q,
    excludeMerged: true,
    limit,
    ...(offset ? { offset } : {}),
  });
  return { ids: rows.map((r) => r.id), queries };
}

/** Rows of `strategies` read by every statement (and fragment run on its own) that reads the table. */
async function strategiesRead(queries: CompiledQuery[]): Promise<number> {
  let read = 0;
  for (const query of queries.filter((q) => /from "strategies"/.test(q.sql)))
    read += await rowsRead(handle, query, 'strategies');
  return read;
}

/** The newest approved strategies here, `count` of them after skipping `skip`. */
function newest(skip: number, count: number): string[] {
  const ids: string[] = [];
  for (let i = PER_NETWORK - 1; i >= 0 && ids.length < skip + count; i--)
    if (i % 6 !== 5) ids.push(`${here}-${String(i).padStart(5, '0')}`);
  return ids.slice(skip);
}

describe('broad searches on PostgreSQL', () => {
  const cases: Array<[string, string]> = [
    ['a word in every strategy', 'routine'],
    ['a typed prefix of it', 'rout'],
    ['a word in every other strategy', 'lesson'],
    ['two words that must share more than are ranked', 'routine lesson'],
  ];

  it.each(cases)('%s reads about a page of strategies, newest first', async (_, q) => {
    const { ids, queries } = await search(q, 21);
    const every = newest(0, PER_NETWORK);
    const expected = (
      q.includes('lesson') ? every.filter((id) => Number(id.slice(-5)) % 2 === 0) : every
    ).slice(0, 21);
    expect(ids).toEqual(expected);
    // Twice the page: the walk also passes pending strategies and those without the word, never the matches.
    expect(await strategiesRead(queries)).toBeLessThanOrEqual(2 * 2 * 21);
  });

  it('when a broad search is paged, then a page reads about the strategies up to its end', async () => {
    const { ids, queries } = await search('routine', 21, 42);
    expect(ids).toEqual(newest(42, 21));
    expect(await strategiesRead(queries)).toBeLessThanOrEqual(2 * (42 + 21));
  });

  it('when a word is rare here, then its matches are ranked, as before', async () => {
    const { ids } = await search('rare', 21);
    expect(ids).toHaveLength(10);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('selective searches on PostgreSQL', () => {
  it('when a word is in a fifth of the menu, then its matches are ranked from the GIN index, not by testing every strategy', async () => {
    const { ids, queries } = await search('fifth', 21);
    expect(ids).toHaveLength(21);
    const ranking = queries.find((q) => q.sql.includes('ts_rank'));
    expect(ranking).toBeDefined();
    // The matches come from the GIN index. On the api bench's 10k menu, with PostgreSQL's default random_page_cost (4),
    // the planner tested every strategy instead (13 ms against 4 ms); our sessions set 1.1 (DATABASE_RANDOM_PAGE_COST,
    // tested in pool-limits.postgres.test.ts).
    const ours = (await planOf(handle, ranking!)).join('\n');
    expect(ours).toContain('Bitmap Index Scan on strategies_search');
    expect(ours).not.toContain('Seq Scan on strategies');
  });
});
