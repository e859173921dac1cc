import { beforeAll, describe, expect, it } from 'vitest';
import { RoundListSchema, RoundSchema } from '../../shared/rounds';
import { DoorListSchema, DoorsCreatedSchema } from '../../shared/visits';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/**
 * Local times the clocks skip or show twice, typed into a door or a round. The dates follow the US rule (clocks
 * spring forward at 02:00 on the second Sunday of March, fall back at 02:00 on the first Sunday of November),
 * worked out here without the code under test, in the next year where both are still ahead.
 */
const ZONE = 'America/New_York';

function nthSunday(year: number, month: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((7 - first) % 7) + 7 * (n - 1);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const nextYearWithBoth = (() => {
  let year = new Date().getUTCFullYear();
  while (Date.parse(nthSunday(year, 3, 2)) < Date.now() + 30 * 86_400_000) year++;
  return year;
})();
/** Spring forward: 02:00–02:59 does not exist. */
const SPRING = nthSunday(nextYearWithBoth, 3, 2);
/** Fall back: 01:00–01:59 happens twice, at -04:00 then -05:00. */
const FALL = nthSunday(nextYearWithBoth, 11, 1);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let server: TestServer;
let ana: ApiClient; // teacher, hosts her strategy
let dana: ApiClient; // coach
let strategyId: string;
let ids: string[];

const door = (over: Record<string, unknown> = {}) => ({
  strategyId,
  start: '09:15',
  timeZone: ZONE,
  location: 'Room 12',
  ...over,
});

/** Ana's doors starting within two weeks either side of `date`. */
async function doorsAround(date: string) {
  const from = `${shift(date, -21)}T00:00:00Z`;
  const to = `${shift(date, 21)}T00:00:00Z`;
  const res = await ana.get(`/api/doors?mine=true&from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return DoorListSchema.parse(res.body).items;
}

const roundInput = (over: Record<string, unknown> = {}) => ({
  title: 'Early round',
  focus: { kind: 'problem', value: 'Who talks?' },
  timeZone: ZONE,
  participantIds: ids,
  hostIds: ids.slice(0, 4),
  ...over,
});

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ana = await launchAs(server, 'sandbox-ana-rivera');
  dana = await launchAs(server, 'sandbox-dana-kim');
  strategyId = await approvedStrategy(ana, dana);
  const teachers = await colleaguesOf(server, dana, 12, 'Night teacher');
  ids = await Promise.all(teachers.map(async (c) => (await c.get('/api/me')).body.person.id as string));
}, 60_000);
describe('a door at a time the clocks skip', () => {
  it('when a door is opened at 02:30 on the spring-forward day, then it is refused naming the gap and nothing is stored', async () => {
    const res = await ana.post('/api/doors', door({ date: SPRING, start: '02:30' }));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(
      /^2:30 AM on Sunday, March \d+, \d{4} does not exist in America\/New_York: clocks go from 2:00 AM to 3:00 AM\. Choose a time before 2:00 AM or from 3:00 AM\.$/,
    );
    expect(res.body.error.fields).toEqual([{ path: 'start', message: res.body.error.message }]);
    expect(await doorsAround(SPRING)).toEqual([]);
  });

  it('when a weekly door would meet the gap in its third week, then the whole series is refused naming that date', async () => {
    const res = await ana.post(
      '/api/doors',
      door({ date: shift(SPRING, -14), start: '02:30', repeatWeeks: 4 }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const [, month, day] = SPRING.split('-').map(Number);
    expect(month).toBe(3);
    expect(res.body.error.message).toContain(
      `In week 3 of 4, 2:30 AM on Sunday, March ${day}, ${nextYearWithBoth} does not exist in America/New_York`,
    );
    expect(res.body.error.fields[0].path).toBe('start');
    // Not even the two weeks before the change were opened.
    expect(await doorsAround(SPRING)).toEqual([]);
  });

  it('when the door is at 03:00, just after the gap, then it opens at 07:00Z', async () => {
    const res = await ana.post('/api/doors', door({ date: SPRING, start: '03:00' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(DoorsCreatedSchema.parse(res.body).items[0]!.startsAt).toBe(`${SPRING}T07:00:00.000Z`);
  });
});

describe('a door at a time the clocks show twice', () => {
  it('when a door is opened at 01:30 on the fall-back day without saying which, then it is refused with the question', async () => {
    const res = await ana.post('/api/doors', door({ date: FALL, start: '01:30' }));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(
      /^1:30 AM on Sunday, November \d+, \d{4} happens twice in America\/New_York: clocks go back from 2:00 AM to 1:00 AM\. Say which 1:30 AM you mean: the first \(UTC-04:00\) or the second, an hour later \(UTC-05:00\)\.$/,
    );
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['occurrence']);
    expect(await doorsAround(FALL)).toEqual([]);
  });

  it('when the request says "later", then the door is stored at exactly 06:30Z; "earlier" is 05:30Z', async () => {
    const later = await ana.post('/api/doors', door({ date: FALL, start: '01:30', occurrence: 'later' }));
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    expect(DoorsCreatedSchema.parse(later.body).items[0]).toMatchObject({
      startsAt: `${FALL}T06:30:00.000Z`,
      endsAt: `${FALL}T06:40:00.000Z`,
    });
    const earlier = await ana.post('/api/doors', door({ date: FALL, start: '01:30', occurrence: 'earlier' }));
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(201);
    expect(DoorsCreatedSchema.parse(earlier.body).items[0]!.startsAt).toBe(`${FALL}T05:30:00.000Z`);
  });

  it('when a weekly door meets the repeated hour with "later" chosen, then only that week takes the second 01:45', async () => {
    const res = await ana.post(
      '/api/doors',
      door({ date: shift(FALL, -7), start: '01:45', repeatWeeks: 3, occurrence: 'later' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(DoorsCreatedSchema.parse(res.body).items.map((d) => d.startsAt)).toEqual([
      `${shift(FALL, -7)}T05:45:00.000Z`,
      `${FALL}T06:45:00.000Z`,
      `${shift(FALL, 7)}T06:45:00.000Z`,
    ]);
  });

  it('when the choice is not "earlier" or "later", then it is refused on that field', async () => {
    const res = await ana.post('/api/doors', door({ date: FALL, start: '01:30', occurrence: '-05:00' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['occurrence']);
  });
});

describe('a round at a time the clocks skip or show twice', () => {
  it('when a round starts at 02:30 on the spring-forward day, then it is refused naming the gap and no round is stored', async () => {
    const res = await dana.post('/api/rounds', roundInput({ date: SPRING, start: '02:30' }));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.message).toMatch(
      /does not exist in America\/New_York: clocks go from 2:00 AM to 3:00 AM/,
    );
    expect(res.body.error.fields[0].path).toBe('start');
    expect(RoundListSchema.parse((await dana.get('/api/rounds')).body).items).toEqual([]);
  });

  it('when a round starts at 01:30 on the fall-back day, then it asks which; with "later" it starts at 06:30Z and keeps it', async () => {
    const asked = await dana.post('/api/rounds', roundInput({ date: FALL, start: '01:30' }));
    expect(asked.status, JSON.stringify(asked.body)).toBe(400);
    expect(asked.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['occurrence']);
    expect(RoundListSchema.parse((await dana.get('/api/rounds')).body).items).toEqual([]);

    const res = await dana.post(
      '/api/rounds',
      roundInput({ date: FALL, start: '01:30', occurrence: 'later' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const round = RoundSchema.parse(res.body);
    expect(round.occurrence).toBe('later');
    expect(round.slots[0]!.startsAt).toBe(`${FALL}T06:30:00.000Z`);
    // Read back from the database, the round still starts at the second 01:30.
    const again = RoundSchema.parse((await dana.get(`/api/rounds/${round.id}`)).body);
    expect(again.slots[0]!.startsAt).toBe(`${FALL}T06:30:00.000Z`);
  });

  it('when a round starts at a time that happens once, then no choice is kept', async () => {
    const res = await dana.post(
      '/api/rounds',
      roundInput({ date: FALL, start: '09:00', occurrence: 'later' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(RoundSchema.parse(res.body)).toMatchObject({ occurrence: null });
  });
});
