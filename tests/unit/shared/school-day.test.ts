import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { toErrorBody, ValidationError } from '../../../shared/errors';
import {
  clockWords,
  BellScheduleSchema,
  CONFIRM_OUTSIDE,
  type Period,
  PeriodSchema,
  placeInSchoolDay,
  SchoolDaySchema,
  WEEKDAYS,
  weekdayOf,
} from '../../../shared/school-day';
import { addDays, readLocalTime, utcToZoned, zonedToUtc } from '../../../shared/zoned-time';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const bells: Period[] = [
  { name: 'Period 1', weekdays: [...WEEK], start: '08:00', end: '08:50' },
  { name: 'Period 2', weekdays: [...WEEK], start: '09:00', end: '09:50' },
  { name: 'Period 3', weekdays: ['tue', 'thu'], start: '10:05', end: '10:55' },
  { name: 'Period 4', weekdays: [...WEEK], start: '11:00', end: '15:00' },
];
const NY = 'America/New_York';
/** 10 minutes from a local date and time in New York. */
const at = (date: string, time: string, minutes = 10) => {
  const start = zonedToUtc(date, time, NY);
  return [start, new Date(start.getTime() + minutes * 60_000)] as const;
};

describe('the bell schedule', () => {
  it('when a period ends before it starts, then the end is refused with a sentence', () => {
    const r = PeriodSchema.safeParse({ name: 'Period 1', weekdays: ['mon'], start: '09:00', end: '08:00' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['end', 'errors.field.period.order'],
    ]);
    expect(ValidationError.fromZod('errors.source.settings', r.error!).fields).toEqual([
      { path: 'end', message: 'A period ends after it starts' },
    ]);
  });

  it('when two periods overlap on a shared weekday, then the later one is named with both times', () => {
    const r = BellScheduleSchema.safeParse([
      { name: 'Period 2', weekdays: ['mon', 'tue'], start: '09:00', end: '09:50' },
      { name: 'Period 3', weekdays: ['tue'], start: '09:45', end: '10:35' },
    ]);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['1', 'errors.field.period.overlap'],
    ]);
    const error = ValidationError.fromZod('errors.source.settings', r.error!);
    // Plain spaces, though newer ICU writes a narrow no-break space before AM: the same message on every runtime.
    const said = (language: 'en' | 'es') =>
      toErrorBody(error, language).error.fields?.map((f) => [f.path, f.message]);
    expect(said('en')).toEqual([
      ['1', 'Period 3 (Tue 9:45 AM–10:35 AM) overlaps Period 2 (Tue 9:00 AM–9:50 AM)'],
    ]);
    expect(said('es')).toEqual([
      ['1', 'Period 3 (mar 9:45–10:35) se superpone con Period 2 (mar 9:00–9:50)'],
    ]);
  });

  it('when periods share times on different weekdays, or touch at a bell, then they are accepted', () => {
    expect(
      BellScheduleSchema.safeParse([
        { name: 'A', weekdays: ['mon'], start: '09:00', end: '09:50' },
        { name: 'B', weekdays: ['tue'], start: '09:00', end: '09:50' },
        { name: 'C', weekdays: ['mon'], start: '09:50', end: '10:40' },
      ]).success,
    ).toBe(true);
  });

  it('when a period has no weekday, a bad time or no name, then each is refused', () => {
    const r = PeriodSchema.safeParse({ name: ' ', weekdays: [], start: '9:00', end: '25:00' });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['end', 'name', 'start', 'weekdays']);
  });

  it('when weekdays are given out of order, then they are kept in week order', () => {
    const p = PeriodSchema.parse({ name: 'P', weekdays: ['fri', 'mon'], start: '09:00', end: '09:50' });
    expect(p.weekdays).toEqual(['mon', 'fri']);
  });

  it('when the school day has an unknown zone, then it is refused; when it has none, then defaults apply', () => {
    expect(SchoolDaySchema.safeParse({ timeZone: 'Mars/Base', periods: [] }).success).toBe(false);
    expect(SchoolDaySchema.parse({})).toEqual({ timeZone: null, periods: [] });
  });
});

describe('clockWords', () => {
  it('when Intl writes a narrow or no-break space before AM (newer ICU), then the words have a plain space', () => {
    // `format` is a getter that returns the bound formatting function (typed as a method, hence the cast).
    const prototype = Intl.DateTimeFormat.prototype as unknown as { format: unknown };
    const format = vi.spyOn(prototype, 'format', 'get').mockImplementation(function (
      this: Intl.DateTimeFormat,
    ) {
      const english = this.resolvedOptions().locale.startsWith('en');
      return () => (english ? '9:45\u202fAM' : '9:45\u00a0h');
    });
    try {
      expect(clockWords('09:45').each).toEqual({ en: '9:45 AM', es: '9:45 h' });
    } finally {
      format.mockRestore();
    }
  });

  it('when a time is after noon, then English says PM on a 12-hour clock and Spanish keeps 24 hours', () => {
    expect(clockWords('14:05').each).toEqual({ en: '2:05 PM', es: '14:05' });
    expect(clockWords('00:30').each).toEqual({ en: '12:30 AM', es: '0:30' });
  });
});

describe('placeInSchoolDay', () => {
  it('when a door is inside a period, then that period is found', () => {
    const placed = placeInSchoolDay(bells, NY, ...at('2026-12-08', '10:05', 50));
    expect(placed).toEqual({ period: bells[2] });
  });

  it('when a door is on Saturday at 11:14 PM, then it is outside: weekend', () => {
    expect(placeInSchoolDay(bells, NY, ...at('2026-12-12', '23:14'))).toEqual({ outside: 'weekend' });
  });

  it('when a door starts before the first bell, ends after the last, or crosses midnight, then it says so', () => {
    expect(placeInSchoolDay(bells, NY, ...at('2026-12-08', '07:55'))).toEqual({ outside: 'before' });
    expect(placeInSchoolDay(bells, NY, ...at('2026-12-08', '14:55'))).toEqual({ outside: 'after' });
    expect(placeInSchoolDay(bells, NY, ...at('2026-12-08', '23:55'))).toEqual({ outside: 'after' });
  });

  it('when a door ends exactly on the last bell, then it is inside the last period', () => {
    expect(placeInSchoolDay(bells, NY, ...at('2026-12-08', '14:50'))).toEqual({ period: bells[3] });
  });

  it('when a door falls in passing time or on Monday where Period 3 does not run, then it is between periods', () => {
    expect(placeInSchoolDay(bells, NY, ...at('2026-12-08', '08:50'))).toEqual({ outside: 'between' });
    expect(placeInSchoolDay(bells, NY, ...at('2026-12-07', '10:10'))).toEqual({ outside: 'between' });
    expect(CONFIRM_OUTSIDE.has('between')).toBe(false);
  });

  it('when there is no bell schedule, then nothing is known', () => {
    expect(placeInSchoolDay([], NY, ...at('2026-12-12', '23:14'))).toEqual({});
  });

  it('when the clocks change over a weekend, then Monday keeps its bells on the local clock (Intl)', () => {
    // 2026-03-08 New York springs forward: 08:00 is 13:00Z the Friday before and 12:00Z the Monday after.
    expect(
      placeInSchoolDay(bells, NY, new Date('2026-03-06T13:00:00Z'), new Date('2026-03-06T13:10:00Z')),
    ).toEqual({
      period: bells[0],
    });
    expect(
      placeInSchoolDay(bells, NY, new Date('2026-03-09T12:00:00Z'), new Date('2026-03-09T12:10:00Z')),
    ).toEqual({
      period: bells[0],
    });
    // The same UTC instant as Friday's first bell is 09:00 on Monday: Period 2.
    expect(
      placeInSchoolDay(bells, NY, new Date('2026-03-09T13:00:00Z'), new Date('2026-03-09T13:10:00Z')),
    ).toEqual({
      period: bells[1],
    });
  });

  const zones = fc.constantFrom(
    NY,
    'Europe/London',
    'Australia/Sydney',
    'Asia/Kolkata',
    'America/Santiago',
    'UTC',
  );
  const dates = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2026-01-01', n));

  it('property: a period start on the school clock is placed in that period on every day it runs, in any zone and season', () => {
    fc.assert(
      fc.property(zones, dates, fc.constantFrom(...bells), (zone, date, period) => {
        const weekday = weekdayOf(date);
        fc.pre(period.weekdays.includes(weekday));
        fc.pre(readLocalTime(date, period.start, zone).kind === 'unique');
        const start = zonedToUtc(date, period.start, zone);
        const placed = placeInSchoolDay(bells, zone, start, new Date(start.getTime() + 10 * 60_000));
        expect(placed).toEqual({ period });
      }),
    );
  });

  it('property: any time is placed consistently with its local clock', () => {
    fc.assert(
      fc.property(
        zones,
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2029, 0, 1) }),
        fc.integer({ min: 5, max: 60 }),
        (zone, ms, minutes) => {
          const start = new Date(Math.floor(ms / 60_000) * 60_000);
          const placed = placeInSchoolDay(bells, zone, start, new Date(start.getTime() + minutes * 60_000));
          const local = utcToZoned(start, zone);
          const today = bells.filter((p) => p.weekdays.includes(weekdayOf(local.date)));
          if ('period' in placed && placed.period) {
            expect(placed.period.weekdays).toContain(weekdayOf(local.date));
            expect(local.time >= placed.period.start && local.time < placed.period.end).toBe(true);
          } else if ('outside' in placed) {
            if (placed.outside === 'weekend') expect(today).toEqual([]);
            else expect(today.length).toBeGreaterThan(0);
            if (placed.outside === 'before') expect(local.time < '08:00').toBe(true);
          } else throw new Error('a schedule with periods always places a time');
          expect(WEEKDAYS).toContain(weekdayOf(local.date));
        },
      ),
    );
  });
});
