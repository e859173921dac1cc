import { describe, expect, it } from 'vitest';
import { myVisitPage } from '../../lti-server/src/domain/visits';
import { encodeVisitCursor, VisitQuerySchema } from '../../shared/visits';
import {
  type DoorRow,
  doorRow,
  HOUR,
  insertDoorsAndVisits,
  iso,
  recordedTeacher,
  START,
  useSeededPlansDatabase,
  type VisitRow,
  visitRow,
} from '../support/server/door-plans-seed';
import { fullScans, planOf, wholeTableSteps } from '../support/server/query-plans';
import { strategyRow } from '../support/server/strategy-row';
import { testDbKind } from '../support/server/test-database';

/**
 * "My visits" reads one page through an index (issue #20): on a seeded and ANALYZEd visits table large enough that
 * PostgreSQL would rather scan it than use an index that does not fit, every query GET /api/visits sends has no full
 * scan of `visits` or `doors`, and the page queries have no sort (the index holds each part's order).
 */
const network = 'net';
const DOORS = 20_000;
const HOSTS = ['p', 'q', 'r'];
/** The doors start one every 30 minutes; "now" falls in the middle of door 10,000 (it is under way). */
const NOW = new Date(START + 10_000 * (HOUR / 2) + 5 * 60_000);

const seeded = useSeededPlansDatabase([network], async (scope, stamp) => {
  await scope.transaction(async (trx) => {
    const strategy = strategyRow({ id: 's', network, contributor: 'q', text: 'Math', createdAt: stamp });
    await trx.insertInto('strategies', [strategy]).execute();
    const doors: DoorRow[] = [];
    const visits: VisitRow[] = [];
    for (let i = 0; i < DOORS; i++) {
      // p visits two doors in three (i mod 3 = 0 or 1) and hosts the third, which q visits; every fifth is cancelled.
      const hostsIt = i % 3 === 2;
      const door = doorRow({
        id: `d${String(i).padStart(6, '0')}`,
        network,
        host: hostsIt ? 'p' : HOSTS[1 + (i % 2)]!,
        strategy: 's',
        round: null,
        startsAt: START + i * (HOUR / 2),
        location: `Room ${i % 40}`,
        stamp,
      });
      doors.push(door);
      visits.push(
        visitRow(door, hostsIt ? 'q' : 'p', {
          status: i % 5 === 0 ? 'cancelled' : 'booked',
          cancelled_by: i % 5 === 0 ? 'visitor' : null,
        }),
      );
    }
    await insertDoorsAndVisits(trx, doors, visits);
  });
});

/** The plans of every query myVisitPage sent for the query (as GET /api/visits parses it), and the page it answered. */
async function pageOf(query: Record<string, string>) {
  const { handle } = seeded;
  const { actor, queries } = recordedTeacher(handle, network);
  const page = await myVisitPage(actor, VisitQuerySchema.parse(query), NOW);
  const plans = await Promise.all(queries.map(async (q) => ({ sql: q.sql, plan: await planOf(handle, q) })));
  return { page, plans };
}

/** p's visits (door numbers): those with i mod 3 = 0 or 1. */
const mine = Array.from({ length: DOORS }, (_, i) => i).filter((i) => i % 3 !== 2);

describe(`my visits plans on ${testDbKind()}`, () => {
  it('when the first page, a page across the turn to the past and a page of the past are read, then each reads its rows through an index, with no sort', async () => {
    const first = await pageOf({ limit: '20' });
    const second = await pageOf({ limit: '20', cursor: first.page.nextCursor! });
    expect(second.page.views[0]!.row.endsAt > first.page.views[19]!.row.endsAt).toBe(true);
    // A cursor 10 before the last upcoming visit: its page holds the last 10 upcoming and the first 10 past.
    const before = mine.filter((i) => i >= 10_000).at(-11)!;
    const cursor = encodeVisitCursor({
      a: NOW.toISOString(),
      p: 'upcoming',
      e: iso(START + before * (HOUR / 2) + 10 * 60_000),
      i: `d${String(before).padStart(6, '0')}-v`,
    });
    const across = await pageOf({ limit: '20', cursor });
    const past = await pageOf({ limit: '20', cursor: across.page.nextCursor! });
    const pages = [first, second, across, past];
    const doorNumbers = (p: typeof across) => p.page.views.map((v) => Number(v.row.doorId.slice(1)));
    const upcomingTail = mine.filter((i) => i >= 10_000).slice(-10);
    const pastHead = mine
      .filter((i) => i < 10_000)
      .reverse()
      .slice(0, 10);
    expect(doorNumbers(across)).toEqual([...upcomingTail, ...pastHead]);
    expect(doorNumbers(past)).toEqual(
      mine
        .filter((i) => i < 10_000)
        .reverse()
        .slice(10, 30),
    );
    // The door under way at NOW (10,000) is the first upcoming one.
    expect(doorNumbers(first)[0]).toBe(10_000);

    for (const { plans } of pages) {
      // A page of visits (one query, or two across the turn to the past): no full scan and no sort.
      const pageQueries = plans.filter((p) => /order by "ends_at"/.test(p.sql));
      expect(pageQueries.length).toBeGreaterThan(0);
      for (const { plan } of pageQueries)
        expect(wholeTableSteps(plan, ['visits']), plan.join('\n')).toEqual([]);
      for (const { plan } of plans) {
        const text = plan.join('\n');
        // What the page adds (its doors, the asker's bookings, the host's visitors): no full scan.
        expect(fullScans(plan, ['doors', 'visits']), text).toEqual([]);
      }
    }
  });

  it('when every page is read, then they are the upcoming visits soonest first, then the past ones newest first, each once', async () => {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const { page } = await pageOf({ limit: '100', ...(cursor ? { cursor } : {}) });
      ids.push(...page.views.map((v) => Number(v.row.doorId.slice(1))));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual([...mine.filter((i) => i >= 10_000), ...mine.filter((i) => i < 10_000).reverse()]);
  });
});
