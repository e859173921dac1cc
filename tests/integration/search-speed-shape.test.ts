import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { knownBreadth, rememberBreadth } from '../../lti-server/src/db/repositories/search-breadth';
import {
  listStrategies,
  listStrategyViews,
  RANKED_MATCHES,
  type StrategyFilter,
  searchBreadthKey,
} from '../../lti-server/src/db/repositories/strategies';
import type { Database } from '../../lti-server/src/db/schema';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { seedTenant } from '../support/server/seed-tenant';
import { strategyRow } from '../support/server/strategy-row';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';

/**
 * The shapes the fast search paths take: matches counted before or after the filters (SQLite), one capped pass that
 * ranks and counts (PostgreSQL), newest-first pages of a broad search, and pages past the last match.
 */
let test: TestDatabase;
let handle: DatabaseHandle;
let scope: TenantScope;
const here = randomUUID();
const elsewhere = randomUUID();
const minute = 60_000;
const start = Date.UTC(2026, 0, 1);

function row(
  id: string,
  network: string,
  text: string,
  at: number,
  status: Database['strategies']['status'] = 'approved',
) {
  const createdAt = new Date(at).toISOString();
  return strategyRow({ id, network, contributor: 'p', text, createdAt }, { status });
}

beforeAll(async () => {
  test = await createTestDatabase();
  handle = openDatabase(test.target);
  await handle.migrate();
  await seedTenant(handle.db, { tenant: 't', networks: [here, elsewhere], person: 'p' });
  scope = new TenantScope(handle.db, 't', handle.kind);
  const rows: Array<Omit<Database['strategies'], 'tenant_id'>> = [];
  // Three "routine" strategies of one subject, inserted first (the broad pages walk them last): the subject narrows the
  // broad word to a selective search.
  const art = { subject: 'Art' };
  rows.push(
    { ...row('a-1', here, 'routine routine routine', start - 3 * minute), ...art },
    {
      ...row('a-2', here, 'routine and a long tail of other words about something else', start - 2 * minute),
      ...art,
    },
    { ...row('a-3', here, 'routine routine and more words', start - minute), ...art },
  );
  // Broad here: more "routine" strategies than are ranked, one a minute.
  for (let i = 0; i < RANKED_MATCHES + 10; i++)
    rows.push(row(`r-${i}`, here, `routine number ${i}`, start + i * minute));
  // "Marker" is everywhere in another network and in pending strategies, but on only three approved ones here.
  for (let i = 0; i < RANKED_MATCHES + 10; i++)
    rows.push(row(`e-${i}`, elsewhere, `marker marker marker marker marker ${i}`, start + i * minute));
  for (let i = 0; i < 50; i++)
    rows.push(row(`q-${i}`, here, `marker marker marker marker ${i}`, start + i * minute, 'pending'));
  rows.push(row('m-1', here, 'marker once and a long description of something else entirely', start));
  rows.push(row('m-2', here, 'marker marker marker', start + minute));
  rows.push(row('m-3', here, 'marker marker and a few more words', start + 2 * minute));
  for (let i = 0; i < rows.length; i += 500)
    await scope.insertInto('strategies', rows.slice(i, i + 500)).execute();
  // The ranked "marker" strategies and the newest broad one credit their contributor.
  await scope
    .insertInto(
      'strategy_credits',
      ['m-1', 'm-2', 'm-3', `r-${RANKED_MATCHES + 9}`, 'r-5'].map((strategy_id) => ({
        strategy_id,
        person_id: 'p',
      })),
    )
    .execute();
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

/** A search as the menu runs it (with each strategy's credits, read with the page on PostgreSQL). */
const views = (q: string, limit: number, offset = 0, anyTerm = false) =>
  listStrategyViews(scope, {
    networkId: here,
    statuses: ['approved', 'featured'],
    q,
    excludeMerged: true,
    limit,
    ...(offset ? { offset } : {}),
    ...(anyTerm ? { anyTerm } : {}),
  });
/** "rout" narrowed by the Art subject: a broad word, three matches. */
const artRoutines: StrategyFilter = {
  networkId: here,
  statuses: ['approved', 'featured'],
  q: 'rout',
  subject: 'art',
  excludeMerged: true,
  limit: 5,
};
const search = (q: string, limit: number, offset = 0, anyTerm = false) =>
  views(q, limit, offset, anyTerm).then((page) => page.map((v) => v.row.id));

describe(`search paths on ${testDbKind()}`, () => {
  it('when a word is common elsewhere but selective here, then its matches here are ranked', async () => {
    expect(await search('mark', 5)).toEqual(['m-2', 'm-3', 'm-1']);
  });

  it('when a search is ranked or broad, then each strategy on the page comes with the people credited with it', async () => {
    const credited = (page: Awaited<ReturnType<typeof views>>) =>
      page.map((v) => [v.row.id, v.contributors.map((c) => c.name)]);
    expect(credited(await views('mark', 5))).toEqual([
      ['m-2', ['P']],
      ['m-3', ['P']],
      ['m-1', ['P']],
    ]);
    expect(credited(await views('rout', 2))).toEqual([
      [`r-${RANKED_MATCHES + 9}`, ['P']],
      [`r-${RANKED_MATCHES + 8}`, []],
    ]);
    // A later page of a broad search (past an OFFSET): its credits too.
    expect(credited(await views('rout', 2, RANKED_MATCHES + 4))).toEqual([
      ['r-5', ['P']],
      ['r-4', []],
    ]);
  });

  it('when a ranked search is paged, then each page continues the ranking and a page past the end is empty', async () => {
    expect(await search('marker', 1, 1)).toEqual(['m-3']);
    expect(await search('marker', 2, 2)).toEqual(['m-1']);
    expect(await search('marker', 2, 3)).toEqual([]);
  });

  it('when a broad search is paged, then the pages walk the matches newest first, also past the ranked ones', async () => {
    const last = RANKED_MATCHES + 9;
    expect(await search('rout', 3)).toEqual([`r-${last}`, `r-${last - 1}`, `r-${last - 2}`]);
    expect(await search('rout', 3, 3)).toEqual([`r-${last - 3}`, `r-${last - 4}`, `r-${last - 5}`]);
    expect(await search('rout', 2, RANKED_MATCHES + 5)).toEqual(['r-4', 'r-3']);
    expect(await search('rout', 5, RANKED_MATCHES + 10)).toEqual(['a-3', 'a-2', 'a-1']);
    expect(await search('rout', 5, RANKED_MATCHES + 13)).toEqual([]);
  });

  it('when a filter narrows a broad word to a few matches, then they are ranked', async () => {
    const ids = await listStrategies(scope, artRoutines);
    expect(ids.map((r) => r.id)).toEqual(['a-1', 'a-3', 'a-2']);
  });

  it('when a broad search is counted, then no statement hands the server more rows than the page', async () => {
    // Counting up to RANKED_MATCHES + 1 matches happens in the database: reading them into the process only to take
    // their number cost more than the count itself (issue #20).
    const rowsPerStatement: number[] = [];
    const counted = new TenantScope(
      handle.db.withPlugin({
        transformQuery: ({ node }) => node,
        transformResult: async ({ result }) => {
          rowsPerStatement.push(result.rows.length);
          return result;
        },
      }),
      't',
      handle.kind,
    );
    const ids = await listStrategies(counted, {
      networkId: here,
      statuses: ['approved', 'featured'],
      q: 'rout',
      excludeMerged: true,
      limit: 3,
    });
    expect(ids).toHaveLength(3);
    expect(rowsPerStatement.length).toBeGreaterThan(0);
    expect(Math.max(...rowsPerStatement)).toBeLessThanOrEqual(3);
  });

  it('when a search was counted a moment ago, then it is not counted again and its order follows what was counted', async () => {
    let statements = 0;
    // A scope of its own (its own remembered breadths) that counts the statements it runs.
    const counting = new TenantScope(
      handle.db.withPlugin({
        transformQuery: ({ node }) => {
          statements++;
          return node;
        },
        transformResult: async ({ result }) => result,
      }),
      't',
      handle.kind,
      {},
    );
    const f = artRoutines;
    const ids = async () => (await listStrategies(counting, f)).map((r) => r.id);
    expect(await ids()).toEqual(['a-1', 'a-3', 'a-2']);
    const first = statements;
    const key = searchBreadthKey(counting, f);
    // Three matches: selective, remembered as such by this scope's server instance (another instance knows nothing of it).
    expect(knownBreadth(counting, key)).toBe(false);
    const elsewhereInstance = new TenantScope(handle.db, 't', handle.kind, {});
    expect(knownBreadth(elsewhereInstance, searchBreadthKey(elsewhereInstance, f))).toBeUndefined();
    statements = 0;
    expect(await ids()).toEqual(['a-1', 'a-3', 'a-2']);
    // SQLite counts the matches in its index and again with the filter, then reads the page: the repeat reads the page
    // only. PostgreSQL ranks and counts in the page's own statement, so it runs as many as before.
    if (handle.kind === 'sqlite') {
      expect(first).toBeGreaterThan(1);
      expect(statements).toBe(1);
    } else expect(statements).toBe(first);
    // Remembered as broad (as if strategies had been added since): listed newest first, as broad searches are.
    rememberBreadth(counting, key, true);
    expect(await ids()).toEqual(['a-3', 'a-2', 'a-1']);
  });

  it('when any word may match, then the matches of every word count and rank', async () => {
    const ids = await search('marker zzz', 3, 0, true);
    expect(ids).toEqual(['m-2', 'm-3', 'm-1']);
  });

  it('when nothing matches, then the answer is empty on every page', async () => {
    expect(await search('nothingmatches', 3)).toEqual([]);
    expect(await search('nothingmatches', 3, 6)).toEqual([]);
  });
});
