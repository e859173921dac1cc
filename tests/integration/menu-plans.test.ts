import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import {
  listStrategyCards,
  listStrategyViews,
  type StrategyFilter,
} from '../../lti-server/src/db/repositories/strategies';
import type { Database } from '../../lti-server/src/db/schema';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import type { StrategyStatus } from '../../shared/strategy';
import {
  analyzeOwnTables,
  fullScans,
  planOf,
  recording,
  wholeTableSteps,
} from '../support/server/query-plans';
import { seedTenant } from '../support/server/seed-tenant';
import { strategyRow } from '../support/server/strategy-row';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';

/**
 * Browsing the menu reads one page through an index in the page's order (issue #20): the plan of every browse query
 * the menu sends, on a seeded and ANALYZEd table large enough that PostgreSQL would rather scan and sort if no index
 * held the order, has no full scan of `strategies` and no sort.
 */
let test: TestDatabase;
let handle: DatabaseHandle;
const here = 'net-here';
const elsewhere = 'net-elsewhere';
const PER_NETWORK = 12_000;
const SUBJECTS = ['Math', 'Science', 'English', 'History', 'Art', 'Music', 'PE', 'Languages'];
const GRADES = ['K-2', '3-5', '6-8', '9-12'];
const STATUSES: StrategyStatus[] = ['approved', 'approved', 'approved', 'approved', 'featured', 'pending'];

beforeAll(async () => {
  test = await createTestDatabase();
  handle = openDatabase(test.target);
  await handle.migrate();
  await seedTenant(handle.db, { tenant: 't', networks: [here, elsewhere], person: 'p' });
  await handle.db
    .insertInto('people')
    .values({
      id: 'q',
      tenant_id: 't',
      subject: 's-q',
      name: 'Q',
      role: 'teacher',
      created_at: new Date(0).toISOString(),
      last_seen_at: new Date(0).toISOString(),
    })
    .execute();
  const scope = new TenantScope(handle.db, 't', handle.kind);
  const start = Date.UTC(2024, 0, 1);
  for (const network of [here, elsewhere]) {
    await scope.transaction(async (trx) => {
      const rows: Array<Omit<Database['strategies'], 'tenant_id'>> = [];
      const tags: Array<{ strategy_id: string; tag: string }> = [];
      const credits: Array<{ strategy_id: string; person_id: string }> = [];
      for (let i = 0; i < PER_NETWORK; i++) {
        const id = `${network}-${String(i).padStart(6, '0')}`;
        rows.push(
          strategyRow(
            {
              id,
              network,
              contributor: i % 50 === 0 ? 'q' : 'p',
              text: `strategy ${i}`,
              createdAt: new Date(start + i * 60_000).toISOString(),
            },
            {
              status: STATUSES[i % STATUSES.length]!,
              subject: SUBJECTS[i % SUBJECTS.length]!,
              grade_band: GRADES[i % GRADES.length]!,
            },
          ),
        );
        tags.push({ strategy_id: id, tag: `tag-${i % 20}` });
        // Every strategy credits its contributor; every tenth also the other person (a merge credits both).
        credits.push({ strategy_id: id, person_id: i % 50 === 0 ? 'q' : 'p' });
        if (i % 10 === 0) credits.push({ strategy_id: id, person_id: i % 50 === 0 ? 'p' : 'q' });
      }
      for (let i = 0; i < rows.length; i += 500) {
        await trx.insertInto('strategies', rows.slice(i, i + 500)).execute();
        await trx.insertInto('strategy_tags', tags.slice(i, i + 500)).execute();
      }
      for (let i = 0; i < credits.length; i += 500)
        await trx.insertInto('strategy_credits', credits.slice(i, i + 500)).execute();
    });
  }
  await analyzeOwnTables(handle);
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

const MENU: Omit<StrategyFilter, 'limit'> = {
  networkId: here,
  statuses: ['approved', 'featured'],
  excludeMerged: true,
};

/** The plan lines of every query a menu page sent for the filter (with its credits), and the page it returned. */
async function browse(filter: StrategyFilter) {
  const { db, queries } = recording(handle.db);
  const views = await listStrategyViews(new TenantScope(db, 't', handle.kind), filter);
  const plans = await Promise.all(queries.map((q) => planOf(handle, q)));
  return { rows: views.map((v) => v.row), views, plans };
}

/** As browse, a page of cards (what the app's menu reads): its one statement's plan and its rows. */
async function browseCards(filter: StrategyFilter) {
  const { db, queries } = recording(handle.db);
  const rows = await listStrategyCards(new TenantScope(db, 't', handle.kind), filter);
  const plans = await Promise.all(queries.map((q) => planOf(handle, q)));
  return { rows, plans };
}

describe(`menu browse plans on ${testDbKind()}`, () => {
  const cases: Array<[string, Omit<StrategyFilter, 'limit'>]> = [
    ['the default menu (featured first, then newest)', MENU],
    ['the menu by subject', { ...MENU, subject: 'science' }],
    ['the menu by grade band', { ...MENU, gradeBand: '6-8' }],
    ['the menu by tag', { ...MENU, tags: ['tag-3'] }],
    ['featured only', { ...MENU, statuses: ['featured'] }],
    ['pending, for a curator', { ...MENU, statuses: ['pending'] }],
    [
      "a teacher's own",
      {
        networkId: here,
        statuses: ['pending', 'approved', 'featured', 'retired'],
        contributorId: 'q',
        excludeMerged: false,
      },
    ],
  ];

  it.each(cases)(
    '%s reads one page through an index, on the first page and after a cursor',
    async (_, filter) => {
      const first = await browse({ ...filter, limit: 21 });
      expect(first.rows).toHaveLength(21);
      const last = first.rows[20]!;
      const next = await browse({
        ...filter,
        limit: 21,
        after: { createdAt: last.createdAt, id: last.id, featuredFirst: last.status === 'featured' },
      });
      expect(next.rows).toHaveLength(21);
      for (const { plans } of [first, next]) {
        expect(plans.length).toBeGreaterThan(0);
        for (const plan of plans) {
          // SQLite's second statement, the page's credits: looked up by strategy, sorted by name (a page's worth).
          const creditsOnly = !plan.some((line) => /\bstrategies\b/.test(line));
          const steps = creditsOnly
            ? fullScans(plan, ['strategy_credits'])
            : wholeTableSteps(plan, ['strategies', 'strategy_credits']);
          expect(steps, plan.join('\n')).toEqual([]);
        }
      }
    },
  );

  it.each(cases)('%s as cards reads the same page through an index in one statement', async (_, filter) => {
    const whole = await browse({ ...filter, limit: 21 });
    const cards = await browseCards({ ...filter, limit: 21 });
    expect(cards.rows.map((r) => r.id)).toEqual(whole.rows.map((r) => r.id));
    expect(cards.plans).toHaveLength(1);
    expect(wholeTableSteps(cards.plans[0]!, ['strategies']), cards.plans[0]!.join('\n')).toEqual([]);
  });

  it('when the cursor crosses from featured to the rest, then the pages are the featured-first order unbroken', async () => {
    const featured = PER_NETWORK / STATUSES.length;
    const ids: string[] = [];
    let after: StrategyFilter['after'];
    while (ids.length < featured + 30) {
      const { rows } = await browse({ ...MENU, limit: 500, ...(after ? { after } : {}) });
      ids.push(...rows.map((r) => r.id));
      const last = rows[rows.length - 1]!;
      after = { createdAt: last.createdAt, id: last.id, featuredFirst: last.status === 'featured' };
    }
    const index = (id: string) => Number(id.slice(-6));
    const expected = [
      ...Array.from({ length: PER_NETWORK }, (_, i) => i)
        .filter((i) => i % STATUSES.length === 4)
        .reverse(),
      ...Array.from({ length: PER_NETWORK }, (_, i) => i)
        .filter((i) => i % STATUSES.length < 4)
        .reverse(),
    ].slice(0, ids.length);
    expect(ids.map(index)).toEqual(expected);
  });

  it('when a page is read, then each strategy comes with the people credited with it, by name; on PostgreSQL in the page’s own statement', async () => {
    const { views, plans } = await browse({ ...MENU, limit: 21 });
    expect(views).toHaveLength(21);
    for (const { row, contributors } of views) {
      const i = Number(row.id.slice(-6));
      const own = i % 50 === 0 ? { id: 'q', name: 'Q' } : { id: 'p', name: 'P' };
      const other = i % 50 === 0 ? { id: 'p', name: 'P' } : { id: 'q', name: 'Q' };
      expect(contributors).toEqual(
        i % 10 === 0 ? [own, other].sort((a, b) => a.name.localeCompare(b.name)) : [own],
      );
    }
    expect(views.some((v) => v.contributors.length === 2)).toBe(true);
    // PostgreSQL: one round trip for the page and its credits. SQLite: the page, then the credits (in process).
    expect(plans).toHaveLength(handle.kind === 'postgres' ? 1 : 2);
  });
});
