import { beforeAll, describe, expect, it } from 'vitest';
import { apiRouter } from '../../lti-server/src/http/api-routes';
import { CrossRoundSchema } from '../../shared/districts';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import { routesOf } from '../support/server/route-table';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

/**
 * The trust rules, checked by sweeping every JSON GET route of the API (read from the router, so a route added later
 * is swept too) as people who must not see a note: a coach who neither wrote it nor hosts that room, a teacher who
 * did neither, and visiting coaches of a cross-school round. No answer may carry another person's note text, the host
 * school's people, or a key that looks like a per-teacher score, rating or ranking.
 */
let server: TestServer;
let coachA: ApiClient; // school A's coach: neither writer nor host of any note
let chloe: ApiClient; // a teacher of school A: neither writer nor host
let ben: ApiClient; // the writer of the local note
let coachB: ApiClient; // visiting coach of school B (seated in A's round, writes nothing)
let coachC: ApiClient; // visiting coach of school C (seated, writes a note)
const ids: Record<string, string> = {};

/** Note texts only their writer and the visited teacher may read. */
const LOCAL_NOTE = 'Students compared answers on purple whiteboards.';
const CROSS_NOTE = 'Students traced the orange number line with a partner.';
const HOST_STAFF = 'Swept host person';

const SCORE_KEY = /score|rank|rating|leaderboard|per_?teacher|by_?teacher|teacher_?counts?/i;

function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysOf(v, out);
    }
  return out;
}

/** Every GET route's address, with this file's ids for its parameters and the queries the list routes need. */
function getAddresses(): string[] {
  const routes = routesOf(apiRouter(server.database, server.lti, server.config.publicUrl)).filter((r) =>
    r.startsWith('GET '),
  );
  const byResource: Record<string, string> = {
    strategies: ids.strategy!,
    doors: ids.door!,
    visits: ids.visit!,
    rounds: ids.round!,
    notes: ids.note!,
    districts: ids.district!,
    problems: 'x',
    cycles: 'x',
  };
  const from = new Date(Date.now() - 40 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 40 * 86_400_000).toISOString();
  const queries: Record<string, string[]> = {
    '/doors': [`?from=${from}&to=${to}`],
    '/notes': ['?which=about', '?which=mine', ''],
    '/strategies/': ['', '?status=mine', '?status=pending', '?status=retired', '?q=whiteboards'],
    '/visits': ['', '?when=past'],
  };
  const out: string[] = [];
  for (const route of routes) {
    const path = route.slice(4);
    const resource = path.split('/')[1] ?? '';
    const filled = path
      .replace(':id', byResource[resource] ?? 'x')
      .replace(':roundId', ids.round!)
      .replace(':doorId', ids.crossDoor!)
      .replace(/:[A-Za-z]+/g, 'x');
    for (const q of queries[path] ?? ['']) out.push(`/api${filled}${q}`);
  }
  return out;
}

async function sweep(who: ApiClient, forbidden: string[]) {
  const seen: string[] = [];
  for (const address of getAddresses()) {
    const res = await who.get(address);
    expect(res.status, `${address} ${JSON.stringify(res.body)}`).toBeLessThan(500);
    if (res.status === 200) seen.push(address);
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
    for (const word of forbidden) expect(text, address).not.toContain(word);
    if (typeof res.body === 'object')
      expect(
        keysOf(res.body).filter((k) => SCORE_KEY.test(k)),
        address,
      ).toEqual([]);
  }
  return seen;
}

useTestServer({}, (s) => {
  server = s;
});

beforeAll(async () => {
  coachA = await launchAs(server, 'sandbox-dana-kim');
  const ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  chloe = await launchAs(server, 'sandbox-chloe-martin');
  coachB = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'sweep-school-b' });
  coachC = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'sweep-school-c' });

  // A local visit: Ben writes a note about Ana's room.
  ids.strategy = await approvedStrategy(ana, coachA, { title: 'Whiteboard swap', tags: ['discussion'] });
  const door = await ana.post('/api/doors', {
    strategyId: ids.strategy,
    date: daysFromNow(2),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room 9',
  });
  expect(door.status, JSON.stringify(door.body)).toBe(201);
  ids.door = door.body.items[0].id;
  ids.visit = (await ben.post('/api/visits', { doorId: ids.door })).body.id;
  await visitHappened(server, ids.door!);
  const note = await ben.post('/api/notes', { visitId: ids.visit, prompt: 'students', text: LOCAL_NOTE });
  expect(note.status, JSON.stringify(note.body)).toBe(201);
  ids.note = note.body.id;

  // A cross-school round of school A, with B and C seated and C's coach writing a note.
  const staff = await colleaguesOf(server, coachA, 8, HOST_STAFF);
  const staffIds = await Promise.all(
    staff.map(async (c) => (await c.get('/api/me')).body.person.id as string),
  );
  const created = await coachA.post('/api/rounds', {
    title: 'Swept round',
    focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
    date: daysFromNow(5),
    start: '09:00',
    timeZone: 'UTC',
    participantIds: staffIds,
    hostIds: staffIds.slice(0, 3),
    locations: Object.fromEntries(staffIds.slice(0, 3).map((id, i) => [id, `Room ${201 + i}`])),
    confirmOutsideSchoolDay: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ids.round = created.body.id;
  expect((await coachA.post(`/api/rounds/${ids.round}/publish`, { confirmTradeoffs: true })).status).toBe(
    200,
  );
  ids.district = (await coachA.post('/api/districts', { name: 'Swept district' })).body.id;
  for (const coach of [coachB, coachC]) {
    const invite = await coachA.post(`/api/districts/${ids.district}/invites`);
    expect((await coach.post('/api/districts/join', { code: invite.body.code })).status).toBe(200);
  }
  const opened = await coachA.post(`/api/districts/${ids.district}/rounds`, {
    roundId: ids.round,
    problem: 'How do students build on each other’s ideas?',
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const base = `/api/districts/${ids.district}/rounds/${ids.round}`;
  const seatC = CrossRoundSchema.parse((await coachC.post(`${base}/seat`)).body);
  ids.crossDoor = seatC.doors[0]!.id;
  expect((await coachB.post(`${base}/seat`)).status).toBe(200);
  for (const coach of [coachB, coachC])
    expect((await coach.post(`${base}/visits`, { doorId: ids.crossDoor })).status).toBe(200);
  await visitHappened(server, ids.crossDoor!);
  const mineC = CrossRoundSchema.parse((await coachC.get(base)).body).doors.find(
    (d) => d.id === ids.crossDoor,
  );
  const crossNote = await coachC.post(`${base}/notes`, {
    visitId: mineC!.visitId,
    prompt: 'students',
    text: CROSS_NOTE,
  });
  expect(crossNote.status, JSON.stringify(crossNote.body)).toBe(201);
}, 120_000);

describe('every GET route, swept for what its asker must not read', () => {
  it('when the writer is swept, then the sweep finds their note: it can see what it looks for', async () => {
    await expect(sweep(ben, [LOCAL_NOTE])).rejects.toThrow(/not to contain .Students compared answers/);
  });

  it('when a coach who neither wrote nor hosts asks, then no note text, staff or score key comes back', async () => {
    const seen = await sweep(coachA, [LOCAL_NOTE, CROSS_NOTE]);
    // The sweep reached real answers, not only 404s: the picture, the round, the district page.
    expect(seen).toEqual(
      expect.arrayContaining([`/api/rounds/${ids.round}`, `/api/districts/${ids.district}`]),
    );
    // The coach is not the host: the note itself is not theirs to open.
    expect([403, 404]).toContain((await coachA.get(`/api/notes/${ids.note}`)).status);
  });

  it('when a teacher who neither wrote nor hosts asks, then no note text or score key comes back', async () => {
    await sweep(chloe, [LOCAL_NOTE, CROSS_NOTE]);
  });

  it('when a visiting coach asks, then nothing of the host school’s people, notes or another visitor’s note comes back', async () => {
    const seen = await sweep(coachB, [LOCAL_NOTE, CROSS_NOTE, HOST_STAFF]);
    expect(seen).toContain(`/api/districts/${ids.district}/rounds/${ids.round}`);
    // The writer from school C reads their own note, and only through the round.
    const c = await coachC.get(`/api/districts/${ids.district}/rounds/${ids.round}`);
    expect(CrossRoundSchema.parse(c.body).notes.map((n) => n.text)).toEqual([CROSS_NOTE]);
    await sweep(coachC, [LOCAL_NOTE, HOST_STAFF]);
  });

  it('when a visiting school has left the district, then its coach reads nothing of it, its own note included', async () => {
    expect((await coachC.post(`/api/districts/${ids.district}/leave`)).status).toBe(200);
    const base = `/api/districts/${ids.district}`;
    for (const path of [
      base,
      `${base}/rounds/${ids.round}`,
      `${base}/rounds/${ids.round}/dialogue/${ids.crossDoor}`,
    ])
      expect((await coachC.get(path)).status, path).toBe(404);
    await sweep(coachC, [LOCAL_NOTE, CROSS_NOTE, HOST_STAFF]);
    expect((await coachC.get('/api/districts')).body.items).toEqual([]);
  });
});
