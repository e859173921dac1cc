import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CalendarFeedSchema,
  DoorListSchema,
  DoorsCreatedSchema,
  VisitListSchema,
  VisitSchema,
} from '../../shared/visits';
import { utcToZoned } from '../../shared/zoned-time';
import { type ApiClient, apiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import { doorBody } from '../support/server/doors';
import { approvedStrategy } from '../support/server/menu';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
let ana: ApiClient; // teacher, hosts her strategy
let ben: ApiClient; // teacher
let chloe: ApiClient; // teacher
let dana: ApiClient; // coach
let strategyId: string;

const door = (over: Record<string, unknown> = {}) => doorBody(strategyId, over);

async function openDoor(over: Record<string, unknown> = {}, host = ana) {
  const res = await host.post('/api/doors', door(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return DoorsCreatedSchema.parse(res.body).items[0]!;
}

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  chloe = await launchAs(server, 'sandbox-chloe-martin');
  dana = await launchAs(server, 'sandbox-dana-kim');
  strategyId = await approvedStrategy(ana, dana);
}, 60_000);
describe('opening a door', () => {
  it('when a host opens a door, then it is stored in UTC with their zone and shows in the week view', async () => {
    // One date for the whole test: two reads of the clock can fall either side of midnight (UTC).
    const day8 = daysFromNow(8);
    const d = await openDoor({ date: day8, start: '10:30' });
    expect(utcToZoned(d.startsAt, 'America/New_York')).toEqual({ date: day8, time: '10:30' });
    expect(Date.parse(d.endsAt) - Date.parse(d.startsAt)).toBe(10 * 60_000);
    expect(d).toMatchObject({
      capacity: 4,
      booked: 0,
      seatsLeft: 4,
      mine: true,
      visitors: [],
      status: 'open',
    });
    const from = new Date(Date.parse(d.startsAt) - 86_400_000).toISOString();
    const to = new Date(Date.parse(d.startsAt) + 86_400_000).toISOString();
    const seen = DoorListSchema.parse((await ben.get(`/api/doors?from=${from}&to=${to}`)).body);
    const mine = seen.items.find((i) => i.id === d.id);
    expect(mine).toMatchObject({
      mine: false,
      visitors: null,
      lookFor: 'Notice how students use the sentence frames',
    });
    expect(mine?.strategy).toEqual({ id: strategyId, title: 'Sentence frames for academic talk' });
    expect(mine?.host.name).toBe('Ana Rivera');
  });

  it('when a door repeats weekly, then every week keeps the same local time in the host zone', async () => {
    const res = await ana.post(
      '/api/doors',
      door({ date: daysFromNow(20), start: '08:05', repeatWeeks: 12, timeZone: 'Europe/London' }),
    );
    expect(res.status).toBe(201);
    const { items, seriesId } = DoorsCreatedSchema.parse(res.body);
    expect(items).toHaveLength(12);
    expect(seriesId).toBeTruthy();
    for (const [i, d] of items.entries()) {
      expect(utcToZoned(d.startsAt, 'Europe/London').time).toBe('08:05');
      expect(d.seriesId).toBe(seriesId);
      if (i > 0) {
        const days = (Date.parse(d.startsAt) - Date.parse(items[i - 1]!.startsAt)) / 86_400_000;
        // 7 days, give or take the hour a DST change moves the UTC instant.
        expect(Math.abs(days - 7)).toBeLessThanOrEqual(1 / 24 + 1e-9);
      }
    }
  });

  it('when the input is bad, then the answer is 400 with a message per field and no door is opened', async () => {
    const res = await ana.post('/api/doors', {
      strategyId,
      date: '2026-02-30',
      start: '25:00',
      timeZone: 'Mars/Olympus',
      location: '',
      capacity: 7,
      repeatWeeks: 20,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['date', 'start', 'timeZone', 'location', 'capacity', 'repeatWeeks']),
    );
  });

  it('when the time has passed, then the door is refused with a reason on the date', async () => {
    const res = await ana.post('/api/doors', door({ date: daysFromNow(-2) }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('date');
  });

  it('when someone opens a door for a strategy they did not contribute, then it is forbidden', async () => {
    const res = await ben.post('/api/doors', door());
    expect(res.status).toBe(403);
  });

  it('when the strategy is still waiting for approval, then the door is refused with the reason', async () => {
    const pending = await ben.post('/api/strategies', {
      title: 'Exit tickets',
      purpose: 'Check understanding.',
      steps: ['Hand out cards'],
      minutes: 5,
      subject: 'Math',
      gradeBand: '6-8',
    });
    const res = await ben.post('/api/doors', door({ strategyId: pending.body.id }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'strategyId' });
  });

  it('when the host already has a door at that time, then a second one is refused as overlapping', async () => {
    // One date for the whole test: two reads of the clock can fall either side of midnight (UTC).
    const day30 = daysFromNow(30);
    await openDoor({ date: day30, start: '13:00' });
    const res = await ana.post('/api/doors', door({ date: day30, start: '13:05' }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VISIT_OVERLAP');
  });
});

describe('the week view, a page at a time', () => {
  it('when a range holds more doors than a page, then the pages follow each other in start order with only what a card shows', async () => {
    const opened = [];
    for (const start of ['13:00', '13:30', '14:00'])
      opened.push(await openDoor({ date: daysFromNow(55), start }));
    const from = opened[0]!.startsAt;
    const to = new Date(Date.parse(from) + 2 * 3_600_000).toISOString();
    const range = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

    const first = await ben.get(`/api/doors?${range}&limit=2`);
    expect(first.status).toBe(200);
    const page1 = DoorListSchema.parse(first.body);
    expect(page1.items.map((d) => d.id)).toEqual([opened[0]!.id, opened[1]!.id]);
    expect(page1.nextCursor).toBeTruthy();
    // Trimmed to the card: no series, no length in minutes (the card shows start and end).
    expect(Object.keys(first.body.items[0])).not.toContain('seriesId');
    expect(Object.keys(first.body.items[0])).not.toContain('minutes');

    const second = DoorListSchema.parse(
      (await ben.get(`/api/doors?${range}&limit=2&cursor=${page1.nextCursor}`)).body,
    );
    expect(second.items.map((d) => d.id)).toEqual([opened[2]!.id]);
    expect(second.nextCursor).toBeNull();

    // Without a limit the page holds up to 50 doors: all three, on one page.
    const whole = DoorListSchema.parse((await ben.get(`/api/doors?${range}`)).body);
    expect(whole.items).toHaveLength(3);
    expect(whole.nextCursor).toBeNull();
  });

  it('when the cursor or the page size is not valid, then the answer is 400 on that field', async () => {
    const range = `from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 7 * 86_400_000).toISOString())}`;
    const cursor = await ben.get(`/api/doors?${range}&cursor=not-a-cursor`);
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe('VALIDATION_FAILED');
    expect(cursor.body.error.fields[0].path).toBe('cursor');
    const limit = await ben.get(`/api/doors?${range}&limit=101`);
    expect(limit.status).toBe(400);
    expect(limit.body.error.fields[0].path).toBe('limit');
  });
});

describe('booking a seat', () => {
  it('when a colleague books, then they hold a seat, the host sees their name, and booking again returns the same visit', async () => {
    const d = await openDoor({ date: daysFromNow(11), start: '11:00' });
    const first = await ben.post('/api/visits', { doorId: d.id });
    expect(first.status).toBe(201);
    const visit = VisitSchema.parse(first.body);
    expect(visit).toMatchObject({ status: 'booked', cancelledBy: null });
    expect(visit.door.myVisit).toEqual({ id: visit.id, status: 'booked' });
    const again = await ben.post('/api/visits', { doorId: d.id });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(visit.id);
    const hostView = (await ana.get(`/api/doors/${d.id}`)).body;
    expect(hostView.visitors.map((v: { name: string }) => v.name)).toEqual(['Ben Okafor']);
    expect(hostView.seatsLeft).toBe(3);
    expect((await ben.get(`/api/doors/${d.id}`)).body.visitors).toBeNull();
  });

  it('when the week view is read, then the host sees who booked by name and each visitor sees their own visit, cancelled ones as such', async () => {
    const d = await openDoor({ date: daysFromNow(13), start: '09:00' });
    const chloeVisit = VisitSchema.parse((await chloe.post('/api/visits', { doorId: d.id })).body);
    const benVisit = VisitSchema.parse((await ben.post('/api/visits', { doorId: d.id })).body);
    const danaVisit = VisitSchema.parse((await dana.post('/api/visits', { doorId: d.id })).body);
    expect((await dana.post(`/api/visits/${danaVisit.id}/cancel`)).status).toBe(200);
    const from = new Date(Date.parse(d.startsAt) - 3_600_000).toISOString();
    const to = new Date(Date.parse(d.startsAt) + 3_600_000).toISOString();
    const card = async (who: ApiClient) =>
      DoorListSchema.parse((await who.get(`/api/doors?from=${from}&to=${to}`)).body).items.find(
        (i) => i.id === d.id,
      );
    // The host: the booked visitors in order of name (Dana cancelled), and no visit of her own there.
    expect(await card(ana)).toMatchObject({ mine: true, myVisit: null });
    expect((await card(ana))?.visitors?.map((v) => v.name)).toEqual(['Ben Okafor', 'Chloé Martin']);
    // Each visitor: their own visit, never the others' names.
    expect(await card(ben)).toMatchObject({
      mine: false,
      visitors: null,
      myVisit: { id: benVisit.id, status: 'booked' },
    });
    expect(await card(chloe)).toMatchObject({ myVisit: { id: chloeVisit.id, status: 'booked' } });
    expect(await card(dana)).toMatchObject({
      visitors: null,
      myVisit: { id: danaVisit.id, status: 'cancelled' },
    });
  });

  it('when the host tries to book their own door, then it is forbidden', async () => {
    const d = await openDoor({ date: daysFromNow(12), start: '11:00' });
    const res = await ana.post('/api/visits', { doorId: d.id });
    expect(res.status).toBe(403);
  });

  it('when the door is full, then the next colleague gets a clear "full" answer, and a cancellation frees the seat', async () => {
    const d = await openDoor({ date: daysFromNow(13), start: '11:00', capacity: 2 });
    expect((await ben.post('/api/visits', { doorId: d.id })).status).toBe(201);
    const chloeVisit = await chloe.post('/api/visits', { doorId: d.id });
    expect(chloeVisit.status).toBe(201);
    const full = await dana.post('/api/visits', { doorId: d.id });
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'DOOR_FULL' });
    expect(full.body.error.message).toMatch(/full/);
    const cancelled = await chloe.post(`/api/visits/${chloeVisit.body.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBy: 'visitor' });
    expect((await dana.post('/api/visits', { doorId: d.id })).status).toBe(201);
    // Chloé cannot take her seat back now: the door is full again.
    expect((await chloe.post('/api/visits', { doorId: d.id })).status).toBe(409);
  });

  it('when a visitor already has a visit at an overlapping time, then the second booking is refused', async () => {
    // One date for the whole test: two reads of the clock can fall either side of midnight (UTC).
    const day14 = daysFromNow(14);
    const a = await openDoor({ date: day14, start: '09:00' });
    const danasStrategy = await approvedStrategy(dana, dana, { title: 'Cold call with wait time' });
    const b = await openDoor({ strategyId: danasStrategy, date: day14, start: '09:05' }, dana);
    expect((await ben.post('/api/visits', { doorId: a.id })).status).toBe(201);
    const clash = await ben.post('/api/visits', { doorId: b.id });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('VISIT_OVERLAP');
    // The host of a door at that time cannot visit then either.
    const hostClash = await ana.post('/api/visits', { doorId: b.id });
    expect(hostClash.status).toBe(409);
    expect(hostClash.body.error.message).toMatch(/host/);
  });

  it('when the door id is unknown or the body is bad, then the answers are 404 and 400', async () => {
    expect((await ben.post('/api/visits', { doorId: 'nope' })).status).toBe(404);
    expect((await ben.post('/api/visits', {})).status).toBe(400);
  });
});

describe('a host cancels', () => {
  it('when the host cancels, then booked visitors see the cancellation in the tool and in their calendar feed, with the same UID and a higher SEQUENCE', async () => {
    const d = await openDoor({ date: daysFromNow(15), start: '14:00' });
    const visit = VisitSchema.parse((await chloe.post('/api/visits', { doorId: d.id })).body);
    const feed = CalendarFeedSchema.parse((await chloe.post('/api/calendar')).body);
    expect(feed.url).toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const feedPath = new URL(feed.url!).pathname;

    const eventIn = async () => {
      const res = await fetch(`${server.url}${feedPath}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
      const cal = new ICAL.Component(ICAL.parse(await res.text()));
      const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const event = events.find((e) => e.uid === `visit-${visit.id}@tasting-menu`);
      expect(event).toBeTruthy();
      return { event: event!, status: String(event!.component.getFirstPropertyValue('status')) };
    };
    const before = await eventIn();
    expect(before.status).toBe('CONFIRMED');
    expect(before.event.startDate.toJSDate().toISOString()).toBe(d.startsAt);

    const cancelled = await ana.post(`/api/doors/${d.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', seatsLeft: 0 });
    expect((await ben.post(`/api/doors/${d.id}/cancel`)).status).toBe(403);

    const mine = VisitListSchema.parse((await chloe.get('/api/visits')).body);
    expect(mine.items.find((v) => v.id === visit.id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'host',
    });
    const after = await eventIn();
    expect(after.status).toBe('CANCELLED');
    expect(after.event.sequence).toBeGreaterThan(before.event.sequence);
    expect((await ben.post('/api/visits', { doorId: d.id })).status).toBe(409);
  });

  it('when a visit is downloaded as .ics, then it parses and carries the look-for prompt', async () => {
    const d = await openDoor({ date: daysFromNow(16), start: '14:00' });
    const visit = (await ben.post('/api/visits', { doorId: d.id })).body;
    const res = await fetch(`${server.url}/api/visits/${visit.id}/ics`, {
      headers: { authorization: `Bearer ${ben.token}` },
    });
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="visit.ics"/);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(await res.text())).getFirstSubcomponent('vevent')!,
    );
    expect(event.description).toContain('Look for: Notice how students use the sentence frames');
    expect(event.location).toBe('Room 12');
    expect((await chloe.get(`/api/visits/${visit.id}/ics`)).status).toBe(404);
  });
});

describe('the private calendar feed', () => {
  it('when a new link is made, then the old one stops working; when it is turned off, then the feed is gone', async () => {
    const first = CalendarFeedSchema.parse((await ben.post('/api/calendar')).body);
    expect((await fetch(`${server.url}${new URL(first.url!).pathname}`)).status).toBe(200);
    const status = CalendarFeedSchema.parse((await ben.get('/api/calendar')).body);
    expect(status).toMatchObject({ active: true, url: null });
    const second = CalendarFeedSchema.parse((await ben.post('/api/calendar')).body);
    expect(second.url).not.toBe(first.url);
    expect((await fetch(`${server.url}${new URL(first.url!).pathname}`)).status).toBe(404);
    expect((await ben.delete('/api/calendar')).status).toBe(204);
    expect((await fetch(`${server.url}${new URL(second.url!).pathname}`)).status).toBe(404);
    expect(CalendarFeedSchema.parse((await ben.get('/api/calendar')).body).active).toBe(false);
  });

  it('when the feed token is malformed, then the answer is 404', async () => {
    expect((await fetch(`${server.url}/calendar/short.ics`)).status).toBe(404);
  });
});

describe(`booking under concurrency on ${testDbKind()}`, () => {
  let database: TestDatabase | undefined;
  let second: TestServer | undefined;
  afterAll(async () => {
    await second?.close();
    await database?.drop();
  });

  it('when 100 colleagues book a 5-seat door at once, then exactly 5 get a seat and 95 get a clear "full" answer', async () => {
    // On PostgreSQL the requests are spread over two server instances sharing the database.
    let primary = server;
    if (testDbKind() === 'postgres') {
      database = await createTestDatabase();
      primary = await startTestServer({ database });
      second = await startTestServer({ database });
    }
    const host = primary === server ? ana : await launchAs(primary, 'sandbox-ana-rivera');
    const coach = primary === server ? dana : await launchAs(primary, 'sandbox-dana-kim');
    const whiteboards = await approvedStrategy(host, coach, { title: 'Whiteboard splash' });
    const created = await host.post(
      '/api/doors',
      door({ strategyId: whiteboards, capacity: 5, date: daysFromNow(9) }),
    );
    const doorId = created.body.items[0].id;
    const visitors = await colleaguesOf(primary, host, 100);
    const answers = await Promise.all(
      visitors.map((v, i) =>
        (second && i % 2 === 1 ? apiClient(second, v.token) : v).post('/api/visits', { doorId }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((st) => st === 201)).toHaveLength(5);
    expect(statuses.filter((st) => st === 409)).toHaveLength(95);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'DOOR_FULL')).toBe(
      true,
    );
    const after = (await host.get(`/api/doors/${doorId}`)).body;
    expect(after).toMatchObject({ booked: 5, seatsLeft: 0 });
    expect(after.visitors).toHaveLength(5);
  }, 120_000);
});

describe('my visits, a page at a time', () => {
  it('when a visitor has more visits than a page, then the pages follow each other soonest first, each visit once', async () => {
    const booked: string[] = [];
    for (const start of ['09:00', '10:00', '11:00']) {
      const d = await openDoor({ date: daysFromNow(70), start });
      booked.push(VisitSchema.parse((await chloe.post('/api/visits', { doorId: d.id })).body).id);
    }
    const seen: Array<{ id: string; endsAt: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await chloe.get(
        `/api/visits?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      const page = VisitListSchema.parse(res.body);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((v) => ({ id: v.id, endsAt: v.door.endsAt })));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen.map((v) => v.id)).size).toBe(seen.length);
    // Every visit of this file's visitor is still to come: one run, soonest end first, the three booked here last.
    const ends = seen.map((v) => v.endsAt);
    expect(ends).toEqual([...ends].sort());
    expect(seen.slice(-3).map((v) => v.id)).toEqual(booked);
  });

  it('when the cursor or the page size is not valid, then the answer is 400 on that field', async () => {
    const cursor = await ben.get('/api/visits?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe('VALIDATION_FAILED');
    expect(cursor.body.error.fields[0].path).toBe('cursor');
    for (const limit of ['0', '101', 'many']) {
      const res = await ben.get(`/api/visits?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe('limit');
    }
  });
});
