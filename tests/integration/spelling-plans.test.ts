import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { correctedSearch } from '../../lti-server/src/domain/strategies';
import { fullScans, planOf, recording } from '../support/server/query-plans';
import { seedWordList } from '../support/server/spelling-seed';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';

/**
 * The spelling fallback reads little of a large word list (issue #20, #16 item 6): every query a misspelt search sends
 * reads one range of the list or (PostgreSQL) the trigram index, never the tenant's whole list, on a list of 20,000
 * words that is ANALYZEd but not vacuumed since they were added. spelling-plans.postgres.test.ts has what only
 * PostgreSQL does.
 */
let test: TestDatabase;
let handle: DatabaseHandle;
const kind = testDbKind();

beforeAll(async () => {
  test = await createTestDatabase();
  handle = openDatabase(test.target);
  await handle.migrate();
  await seedWordList(handle, 20_000);
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

/** Plan lines that read a tenant's whole list: a full scan, or (PostgreSQL) an index range on the tenant alone. */
const wholeList = (plan: string[]) => [
  ...fullScans(plan, ['search_words']),
  ...plan.filter((line) => /Index Cond: \(tenant_id = '[^']*'::text\)\s*$/.test(line)),
];

describe(`spelling fallback plans on ${kind}`, () => {
  it.each([
    ['a swapped pair of letters', 'tihnk', 'think'],
    ['a left-out letter', 'tcket', 'ticket'],
    // Only PostgreSQL's trigrams find words with another first letter.
    ['a mistyped first letter', 'xhink', kind === 'postgres' ? 'think' : undefined],
    ['two words, one misspelt', 'pair tikcet', 'pair ticket'],
  ])('when a search has %s, then no lookup reads the whole word list', async (_, typed, expected) => {
    const { db, queries } = recording(handle.db);
    expect(await correctedSearch(new TenantScope(db, 't', kind), typed)).toBe(expected);
    // A plugin also sees the word range nested in the prefix lookup's query: it is explained as part of that query.
    const sent = queries.filter(
      (q) => !q.sql.startsWith('select "word" from "search_words"') || !q.sql.includes('"p"."prefix"'),
    );
    expect(sent.length).toBeGreaterThan(0);
    for (const query of sent) {
      const plan = await planOf(handle, query);
      expect(wholeList(plan), `${query.sql}\n${plan.join('\n')}`).toEqual([]);
    }
  });
});
