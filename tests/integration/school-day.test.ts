import { beforeAll, describe, expect, it } from 'vitest';
import { RoundSchema } from '../../shared/rounds';
import { SchoolDaySchema } from '../../shared/school-day';
import { TenantSettingsSchema } from '../../shared/settings';
import { DoorsCreatedSchema } from '../../shared/visits';
import { addDays, startOfWeek, utcToZoned } from '../../shared/zoned-time';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/**
 * The school day: a coach sets the school's zone and bell schedule in Settings; every staff member's forms read it;
 * a door or a round outside it (a weekend, before the first bell, after the last) is refused until confirmed.
 */
const ZONE = 'America/Chicago';
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'];
const periods = [
  { name: 'Period 1', weekdays: WEEK, start: '08:00', end: '08:50' },
  { name: 'Period 2', weekdays: WEEK, start: '09:00', end: '09:50' },
  { name: 'Period 3', weekdays: ['tue', 'thu'], start: '10:05', end: '10:55' },
  { name: 'Period 4', weekdays: WEEK, start: '11:00', end: '15:00' },
];
/** Two weeks ahead, on the school's clock: Monday, so +1 is Tuesday and +5 Saturday. */
const MONDAY = addDays(startOfWeek(utcToZoned(new Date(), ZONE).date), 14);
const TUESDAY = addDays(MONDAY, 1);
const SATURDAY = addDays(MONDAY, 5);
const SUNDAY = addDays(MONDAY, 6);

let server: TestServer;
let ana: ApiClient; // teacher
let dana: ApiClient; // coach
let strategyId: string;
let ids: string[];

const door = (over: Record<string, unknown> = {}) => ({
  strategyId,
  timeZone: ZONE,
  location: 'Room 12',
  ...over,
});

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ana = await launchAs(server, 'sandbox-ana-rivera');
  dana = await launchAs(server, 'sandbox-dana-kim');
  strategyId = await approvedStrategy(ana, dana);
  const teachers = await colleaguesOf(server, dana, 8, 'Bell teacher');
  ids = await Promise.all(teachers.map(async (c) => (await c.get('/api/me')).body.person.id as string));
}, 60_000);

describe('the school day in Settings', () => {
  it('when nothing was set, then the school day has no zone and no periods, and any time is accepted', async () => {
    expect(SchoolDaySchema.parse((await ana.get('/api/school-day')).body)).toEqual({
      timeZone: null,
      periods: [],
    });
    const res = await ana.post('/api/doors', door({ date: SATURDAY, start: '23:14' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('when periods overlap, end before they start or the zone is unknown, then each is named and nothing changes', async () => {
    const res = await dana.put('/api/settings', {
      networkScope: 'course',
      coachRoles: ['membership#ContentDeveloper', 'custom#coach'],
      schoolDay: {
        timeZone: 'Mars/Base',
        periods: [
          { name: 'Period 1', weekdays: ['mon'], start: '09:00', end: '08:00' },
          { name: 'Period 2', weekdays: ['tue'], start: '09:00', end: '09:50' },
          { name: 'Period 3', weekdays: ['tue'], start: '09:30', end: '10:20' },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields).toEqual([
      { path: 'schoolDay.timeZone', message: 'Use a time zone name like America/New_York' },
      { path: 'schoolDay.periods.0.end', message: 'A period ends after it starts' },
      {
        path: 'schoolDay.periods.2',
        message: 'Period 3 (Tue 9:30 AM–10:20 AM) overlaps Period 2 (Tue 9:00 AM–9:50 AM)',
      },
    ]);
    const overlap = await dana.put('/api/settings', {
      networkScope: 'course',
      coachRoles: ['membership#ContentDeveloper', 'custom#coach'],
      schoolDay: { timeZone: ZONE, periods: periods.concat({ ...periods[1]!, name: 'Advisory' }) },
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.fields).toEqual([
      {
        path: 'schoolDay.periods.4',
        message: 'Advisory (Mon 9:00 AM–9:50 AM) overlaps Period 2 (Mon 9:00 AM–9:50 AM)',
      },
    ]);
    expect(TenantSettingsSchema.parse((await dana.get('/api/settings')).body).schoolDay.periods).toEqual([]);
  });

  it('when a coach who reads Spanish saves overlapping periods, then the overlap is said in Spanish', async () => {
    expect((await dana.put('/api/me/language', { language: 'es' })).status).toBe(200);
    try {
      const res = await dana.put('/api/settings', {
        networkScope: 'course',
        coachRoles: ['membership#ContentDeveloper', 'custom#coach'],
        schoolDay: {
          timeZone: ZONE,
          periods: periods.concat({ ...periods[3]!, name: 'Almuerzo', start: '12:30' }),
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields).toEqual([
        {
          path: 'schoolDay.periods.4',
          message: 'Almuerzo (lun 12:30–15:00) se superpone con Period 4 (lun 11:00–15:00)',
        },
      ]);
    } finally {
      await dana.put('/api/me/language', { language: null });
    }
  });

  it('when a coach saves the zone and bells, then coaches and teachers read them back', async () => {
    const saved = await dana.put('/api/settings', {
      networkScope: 'course',
      coachRoles: ['membership#ContentDeveloper', 'custom#coach'],
      schoolDay: { timeZone: ZONE, periods },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(TenantSettingsSchema.parse((await dana.get('/api/settings')).body).schoolDay).toEqual({
      timeZone: ZONE,
      periods,
    });
    expect(SchoolDaySchema.parse((await ana.get('/api/school-day')).body)).toEqual({
      timeZone: ZONE,
      periods,
    });
    // Teachers still cannot read or change the rest of the settings.
    expect((await ana.get('/api/settings')).status).toBe(403);
  });
});

describe('doors and the school day', () => {
  it('when a door is in Period 3 on Tuesday, then it opens without a question', async () => {
    const res = await ana.post('/api/doors', door({ date: TUESDAY, start: '10:05', minutes: 50 }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('when a door is on Saturday at 11:14 PM, then it is refused with OUTSIDE_SCHOOL_DAY until confirmed', async () => {
    const refused = await ana.post('/api/doors', door({ date: addDays(SATURDAY, 7), start: '23:14' }));
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error.code).toBe('OUTSIDE_SCHOOL_DAY');
    expect(refused.body.error.message).toBe(
      'This time is outside the school day: Saturday is not a school day in the bell schedule. Confirm to keep it.',
    );
    expect(refused.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'confirmOutsideSchoolDay',
    ]);
    const confirmed = await ana.post(
      '/api/doors',
      door({ date: addDays(SATURDAY, 7), start: '23:14', confirmOutsideSchoolDay: true }),
    );
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
  });

  it('when a weekly door falls on Sundays, then the whole series is refused until confirmed, and then opens every week', async () => {
    const input = door({ date: SUNDAY, start: '10:00', repeatWeeks: 3 });
    const refused = await ana.post('/api/doors', input);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe(
      'This time is outside the school day (3 weekly dates checked): Sunday is not a school day in the bell schedule. Confirm to keep it.',
    );
    const confirmed = await ana.post('/api/doors', { ...input, confirmOutsideSchoolDay: true });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    expect(DoorsCreatedSchema.parse(confirmed.body).items).toHaveLength(3);
  });

  it('when a door starts before the first bell or runs past the last, then the reason names the bell', async () => {
    const early = await ana.post('/api/doors', door({ date: addDays(MONDAY, 2), start: '07:30' }));
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain(
      'On Wednesday the school day starts at 08:00; this starts earlier.',
    );
    const late = await ana.post('/api/doors', door({ date: addDays(MONDAY, 2), start: '14:55' }));
    expect(late.status).toBe(422);
    expect(late.body.error.message).toContain('On Wednesday the school day ends at 15:00; this ends later.');
  });

  it('when a door falls between two periods, then it is free time and opens without a question', async () => {
    const res = await ana.post('/api/doors', door({ date: addDays(MONDAY, 3), start: '08:50' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('when the host types the time on another clock, then the bells are still read on the school clock', async () => {
    // 09:00 in New York is 08:00 in Chicago: Period 1. 07:30 in New York is 06:30 in Chicago: before the bell.
    const inside = await ana.post(
      '/api/doors',
      door({ date: addDays(MONDAY, 4), start: '09:00', timeZone: 'America/New_York' }),
    );
    expect(inside.status, JSON.stringify(inside.body)).toBe(201);
    const before = await ana.post(
      '/api/doors',
      door({ date: addDays(MONDAY, 4), start: '08:30', timeZone: 'America/New_York' }),
    );
    expect(before.status).toBe(422);
  });
});

describe('rounds and the school day', () => {
  const round = (over: Record<string, unknown> = {}) => ({
    title: 'Bell round',
    focus: { kind: 'problem', value: 'Who talks?' },
    timeZone: ZONE,
    participantIds: ids,
    hostIds: ids.slice(0, 4),
    ...over,
  });

  it('when a round is planned on a Saturday, then it is refused until the coach confirms', async () => {
    const refused = await dana.post('/api/rounds', round({ date: addDays(SATURDAY, 14), start: '09:00' }));
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error.code).toBe('OUTSIDE_SCHOOL_DAY');
    const confirmed = await dana.post(
      '/api/rounds',
      round({ date: addDays(SATURDAY, 14), start: '09:00', confirmOutsideSchoolDay: true }),
    );
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
  });

  it('when a round starting in Period 4 would run past the last bell, then it is refused', async () => {
    // Four classrooms of 10 minutes with 5 between: 55 minutes from 14:30 ends at 15:25.
    const refused = await dana.post('/api/rounds', round({ date: addDays(TUESDAY, 14), start: '14:30' }));
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error.message).toContain('the school day ends at 15:00');
  });

  it('when a round fits in the school day, then it is planned without a question', async () => {
    const res = await dana.post('/api/rounds', round({ date: addDays(TUESDAY, 14), start: '11:00' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(RoundSchema.parse(res.body).status).toBe('draft');
  });
});
