import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { rebuildPicture } from '../../lti-server/src/domain/picture';
import { hashToken } from '../../lti-server/src/domain/sessions';
import { DAY, districtRows } from '../bench/district';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { statementsDuring } from '../support/server/statement-count';
import { testDbKind } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';

/**
 * Statements per read (issue #20). Under load every statement a read sends is paid on every request: a loopback round
 * trip and a parse on PostgreSQL, a step (and, before statements were kept, a compile) on SQLite. The reads the api
 * bench drives are pinned here on a district seeded as the bench seeds it (1k strategies), so a read that starts
 * sending one more statement (a second session lookup, a query per item) fails, and one made leaner lowers its number.
 */
const postgres = testDbKind() === 'postgres';
const EXPECTED = {
  // The session with who is asking (one join), the page with its credits (PostgreSQL; SQLite reads them after it).
  menu: postgres ? 2 : 3,
  // …and the school's subject names, to read the asked subject as the school spells it.
  menu_subject: postgres ? 3 : 4,
  // The session; the words' counts (PostgreSQL; SQLite counted the matches in its index when the search was first
  // read, and remembers whether it was broad: search-breadth.ts); the page with its credits (PostgreSQL; SQLite reads
  // them after it).
  search: 3,
  // As the app's menu asks for them: pages of cards, read without credits on either database.
  menu_cards: 2,
  search_cards: postgres ? 3 : 2,
  // The session, the network's picture version (the groups are kept while it stays), the round in debrief.
  picture: 3,
  // The session, the week's page of doors, the asker's bookings among them, the visitors of the asker's own doors on
  // it (the bench's week holds a full page of doors, some of them the asker's).
  doors_week: 4,
  // The session, the upcoming and the past part of the page, the page's doors (the asker's own visits are the page).
  my_visits: 4,
  me: 1,
} as const;

let server: TestServer;
let teacher: ApiClient;
let coach: ApiClient;
const week = {
  from: new Date(Date.now() - 3 * DAY).toISOString(),
  to: new Date(Date.now() + 4 * DAY).toISOString(),
};

beforeAll(async () => {
  server = await startTestServer();
  teacher = await launchAs(server, 'sandbox-ana-rivera');
  coach = await launchAs(server, 'sandbox-dana-kim');
  const db = server.database.db;
  const who = await db
    .selectFrom('sessions')
    .select(['tenant_id', 'network_id', 'person_id'])
    .where('token_hash', '=', hashToken(teacher.token))
    .executeTakeFirstOrThrow();
  const now = Date.now();
  const rows = districtRows(
    1_000,
    { tenant: who.tenant_id, network: who.network_id, teacherId: who.person_id },
    now,
  );
  await db.transaction().execute(async (trx) => {
    const insert = async <T extends keyof typeof rows>(table: T, name: string, columns: number) => {
      const all = rows[table] as unknown[];
      const per = Math.floor(30_000 / columns);
      for (let i = 0; i < all.length; i += per)
        await trx
          .insertInto(name as 'people')
          .values(all.slice(i, i + per) as never)
          .execute();
    };
    await insert('people', 'people', 9);
    await insert('strategies', 'strategies', 24);
    await insert('tags', 'strategy_tags', 3);
    await insert('credits', 'strategy_credits', 3);
    await insert('doors', 'doors', 20);
    await insert('visits', 'visits', 13);
    await insert('notes', 'notes', 13);
  });
  await rebuildPicture(
    new TenantScope(db, who.tenant_id, server.database.kind),
    who.network_id,
    new Date(now),
  );
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const reads: Record<keyof typeof EXPECTED, { path: string; as: () => ApiClient; items?: boolean }> = {
  menu: { path: '/api/strategies', as: () => teacher, items: true },
  menu_subject: { path: '/api/strategies?subject=Math', as: () => teacher, items: true },
  search: { path: '/api/strategies?q=think', as: () => teacher, items: true },
  menu_cards: { path: '/api/strategies?view=card', as: () => teacher, items: true },
  search_cards: { path: '/api/strategies?q=think&view=card', as: () => teacher, items: true },
  picture: { path: '/api/picture?by=tag', as: () => coach },
  doors_week: {
    path: `/api/doors?from=${encodeURIComponent(week.from)}&to=${encodeURIComponent(week.to)}`,
    as: () => teacher,
    items: true,
  },
  my_visits: { path: '/api/visits', as: () => teacher, items: true },
  me: { path: '/api/me', as: () => teacher },
};

describe(`statements per read on ${testDbKind()}`, () => {
  for (const [name, read] of Object.entries(reads) as Array<
    [keyof typeof EXPECTED, (typeof reads)['menu']]
  >) {
    it(`when ${name} is read again, then it sends ${EXPECTED[name]} statement(s)`, async () => {
      // The first read fills what an instance keeps (the picture's groups); the count is that of a read after it.
      expect((await read.as().get(read.path)).status).toBe(200);
      let items: unknown[] | undefined;
      const sent = await statementsDuring(async () => {
        const res = await read.as().get(read.path);
        expect(res.status).toBe(200);
        items = (res.body as { items?: unknown[] }).items;
      });
      // A page with something on it, so the per-page statements (credits, doors, bookings) run.
      if (read.items) expect(items?.length).toBeGreaterThan(0);
      expect(sent, sent.join('\n')).toHaveLength(EXPECTED[name]);
      // A strategy is read with the columns it is shown with: `strategies.*` also sent each row's search text and,
      // on PostgreSQL, its search vector written out as text, about a third of the row.
      expect(sent.filter((text) => text.includes('"strategies".*'))).toEqual([]);
    });
  }
});
