import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { similarWords } from '../../lti-server/src/db/repositories/search-words';
import { listStrategies } from '../../lti-server/src/db/repositories/strategies';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { recording } from '../support/server/query-plans';
import { seedWordList } from '../support/server/spelling-seed';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';

/**
 * What only PostgreSQL's spelling fallback does (issue #20): a trigram lookup reads a few dozen index pages even when
 * many words were added since the last vacuum (GIN's pending list, which every lookup would read whole, is off since
 * migration 0037), and a search for a word no listed word starts sends no query to the strategies.
 */
let test: TestDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  test = await createTestDatabase('postgres');
  handle = openDatabase(test.target);
  await handle.migrate();
  await seedWordList(handle, 20_000);
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

const scope = (db = handle.db) => new TenantScope(db, 't', 'postgres');

describe('the spelling fallback on PostgreSQL', () => {
  it('when words were added since the last vacuum, then a trigram lookup reads a few dozen index pages', async () => {
    const { db, queries } = recording(handle.db);
    expect(await similarWords(scope(db), 'xhink')).toContain('think');
    const lookup = queries.find((q) => q.sql.includes('similarity'));
    expect(lookup).toBeDefined();
    const result = await handle.db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain (analyze, buffers) ${lookup!.sql}`, [...lookup!.parameters]),
    );
    const plan = result.rows.map((r) => r['QUERY PLAN']);
    const scan = plan.findIndex((line) => line.includes('Bitmap Index Scan on search_words_trigrams'));
    expect(scan, plan.join('\n')).toBeGreaterThanOrEqual(0);
    const buffers = plan
      .slice(scan + 1)
      .find((line) => line.includes('Buffers:'))
      ?.match(/(hit|read)=(\d+)/g)
      ?.reduce((sum, part) => sum + Number(part.split('=')[1]), 0);
    expect(buffers, plan.join('\n')).toBeLessThan(100);
  });

  it('when a search has a word no listed word starts, then no query reads the strategies', async () => {
    const search = (db: DatabaseHandle['db'], q: string) =>
      listStrategies(scope(db), {
        networkId: 'net',
        statuses: ['approved', 'featured'],
        q,
        excludeMerged: true,
        limit: 20,
      });
    const { db, queries } = recording(handle.db);
    expect(await search(db, 'pair tikcet')).toEqual([]);
    expect(queries.filter((q) => q.sql.includes('from "strategies"'))).toEqual([]);
    // Every word listed: the search runs.
    expect((await search(handle.db, 'pair')).map((r) => r.id)).toEqual(['s-1']);
  });
});
