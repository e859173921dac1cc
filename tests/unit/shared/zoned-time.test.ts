import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  isTimeZone,
  readLocalTime,
  startOfWeek,
  utcToZoned,
  zonedToUtc,
} from '../../../shared/zoned-time';

const iso = (d: Date) => d.toISOString();

describe('isTimeZone', () => {
  it('when given IANA zone names, then they are accepted', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'UTC']) {
      expect(isTimeZone(zone), zone).toBe(true);
    }
  });

  it('when given an empty, unknown, padded or offset-only name, then it is rejected', () => {
    for (const zone of ['', ' ', 'Mars/Base', 'EST5EDT garbage', ' UTC', 'UTC ', '+05:30', 'GMT+5']) {
      expect(isTimeZone(zone), JSON.stringify(zone)).toBe(false);
    }
  });
});

describe('zonedToUtc', () => {
  it('when the zone is UTC, then the wall clock is the instant', () => {
    expect(iso(zonedToUtc('2026-11-25', '14:00', 'UTC'))).toBe('2026-11-25T14:00:00.000Z');
  });

  it('when the zone has a half-hour offset (Asia/Kolkata, +05:30), then half an hour is kept', () => {
    expect(iso(zonedToUtc('2026-11-25', '09:15', 'Asia/Kolkata'))).toBe('2026-11-25T03:45:00.000Z');
    expect(iso(zonedToUtc('2026-01-01', '03:00', 'Asia/Kolkata'))).toBe('2025-12-31T21:30:00.000Z');
  });

  it('when New York is on standard or daylight time, then the offset is -05:00 or -04:00', () => {
    expect(iso(zonedToUtc('2026-01-15', '09:00', 'America/New_York'))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(zonedToUtc('2026-07-15', '09:00', 'America/New_York'))).toBe('2026-07-15T13:00:00.000Z');
  });

  it('when London is on GMT or BST, then the offset is +00:00 or +01:00', () => {
    expect(iso(zonedToUtc('2026-01-15', '09:00', 'Europe/London'))).toBe('2026-01-15T09:00:00.000Z');
    expect(iso(zonedToUtc('2026-07-15', '09:00', 'Europe/London'))).toBe('2026-07-15T08:00:00.000Z');
  });

  it('when Sydney is in its southern summer or winter, then the offset is +11:00 or +10:00', () => {
    expect(iso(zonedToUtc('2026-01-15', '09:00', 'Australia/Sydney'))).toBe('2026-01-14T22:00:00.000Z');
    expect(iso(zonedToUtc('2026-07-15', '09:00', 'Australia/Sydney'))).toBe('2026-07-14T23:00:00.000Z');
  });

  it('when the time is skipped by spring forward in New York (02:30 on 2026-03-08), then it moves to 03:30 EDT', () => {
    const instant = zonedToUtc('2026-03-08', '02:30', 'America/New_York');
    expect(iso(instant)).toBe('2026-03-08T07:30:00.000Z');
    expect(utcToZoned(instant, 'America/New_York')).toEqual({ date: '2026-03-08', time: '03:30' });
  });

  it('when the time is just either side of the New York gap, then it is read with the offset in force', () => {
    expect(iso(zonedToUtc('2026-03-08', '01:59', 'America/New_York'))).toBe('2026-03-08T06:59:00.000Z');
    expect(iso(zonedToUtc('2026-03-08', '03:00', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
  });

  it('when the time is skipped in London (01:30 on 2026-03-29), then it moves forward an hour to 02:30 BST', () => {
    expect(iso(zonedToUtc('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('when the time is skipped in Sydney (02:30 on 2026-10-04), then it moves forward an hour to 03:30 AEDT', () => {
    expect(iso(zonedToUtc('2026-10-04', '02:30', 'Australia/Sydney'))).toBe('2026-10-03T16:30:00.000Z');
  });

  it('when the time happens twice on fall back in New York (01:30 on 2026-11-01), then the EDT one is taken', () => {
    // 01:30 EDT is 05:30Z; 01:30 EST an hour later is 06:30Z.
    expect(iso(zonedToUtc('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedToUtc('2026-11-01', '02:00', 'America/New_York'))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('when the time happens twice in London (01:30 on 2026-10-25), then the BST one is taken', () => {
    expect(iso(zonedToUtc('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('when the time happens twice in Sydney (02:30 on 2026-04-05), then the AEDT one is taken', () => {
    expect(iso(zonedToUtc('2026-04-05', '02:30', 'Australia/Sydney'))).toBe('2026-04-04T15:30:00.000Z');
  });

  it('when the zone is invalid, then it throws naming the zone', () => {
    expect(() => zonedToUtc('2026-11-25', '14:00', 'Mars/Base')).toThrow(/Mars\/Base/);
    expect(() => zonedToUtc('2026-11-25', '14:00', '')).toThrow(RangeError);
  });

  it('when the date or time is malformed or does not exist, then it throws', () => {
    expect(() => zonedToUtc('2026-02-30', '09:00', 'UTC')).toThrow(/2026-02-30/);
    expect(() => zonedToUtc('2026-13-01', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedToUtc('26-11-25', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedToUtc('2026-11-25', '24:00', 'UTC')).toThrow(/24:00/);
    expect(() => zonedToUtc('2026-11-25', '9:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedToUtc('2026-11-25', '09:60', 'UTC')).toThrow(RangeError);
  });
});

describe('zonedToUtc with a chosen occurrence', () => {
  it('when the later occurrence of a repeated time is asked for, then the standard-time instant comes back', () => {
    expect(iso(zonedToUtc('2026-11-01', '01:30', 'America/New_York', 'later'))).toBe(
      '2026-11-01T06:30:00.000Z',
    );
    expect(iso(zonedToUtc('2026-04-05', '02:30', 'Australia/Sydney', 'later'))).toBe(
      '2026-04-04T16:30:00.000Z',
    );
  });

  it('when the time happens once, then the occurrence changes nothing', () => {
    expect(iso(zonedToUtc('2026-11-01', '03:00', 'America/New_York', 'later'))).toBe(
      '2026-11-01T08:00:00.000Z',
    );
  });
});

describe('readLocalTime', () => {
  const change = (at: string, from: string, to: string, offsetBefore: number, offsetAfter: number) => ({
    at: new Date(at),
    from: { date: from.slice(0, 10), time: from.slice(11) },
    to: { date: to.slice(0, 10), time: to.slice(11) },
    offsetBefore,
    offsetAfter,
  });

  it('when a time happens once, then it reads as that one instant (Kolkata, UTC, New York in summer)', () => {
    expect(readLocalTime('2026-11-25', '09:15', 'Asia/Kolkata')).toEqual({
      kind: 'unique',
      instant: new Date('2026-11-25T03:45:00.000Z'),
    });
    expect(readLocalTime('2026-11-25', '14:00', 'UTC')).toEqual({
      kind: 'unique',
      instant: new Date('2026-11-25T14:00:00.000Z'),
    });
    expect(readLocalTime('2026-07-15', '09:00', 'America/New_York')).toEqual({
      kind: 'unique',
      instant: new Date('2026-07-15T13:00:00.000Z'),
    });
  });

  it('when New York springs forward (02:30 on 2026-03-08), then the time is skipped: clocks go from 02:00 to 03:00', () => {
    expect(readLocalTime('2026-03-08', '02:30', 'America/New_York')).toEqual({
      kind: 'skipped',
      change: change('2026-03-08T07:00:00Z', '2026-03-08 02:00', '2026-03-08 03:00', -300, -240),
    });
    expect(readLocalTime('2026-03-08', '02:00', 'America/New_York').kind).toBe('skipped');
    expect(readLocalTime('2026-03-08', '02:59', 'America/New_York').kind).toBe('skipped');
    expect(readLocalTime('2026-03-08', '01:59', 'America/New_York').kind).toBe('unique');
    expect(readLocalTime('2026-03-08', '03:00', 'America/New_York').kind).toBe('unique');
  });

  it('when New York falls back (01:30 on 2026-11-01), then the time happens twice: 05:30Z (EDT) and 06:30Z (EST)', () => {
    expect(readLocalTime('2026-11-01', '01:30', 'America/New_York')).toEqual({
      kind: 'repeated',
      earlier: new Date('2026-11-01T05:30:00.000Z'),
      later: new Date('2026-11-01T06:30:00.000Z'),
      change: change('2026-11-01T06:00:00Z', '2026-11-01 02:00', '2026-11-01 01:00', -240, -300),
    });
    expect(readLocalTime('2026-11-01', '01:00', 'America/New_York').kind).toBe('repeated');
    expect(readLocalTime('2026-11-01', '01:59', 'America/New_York').kind).toBe('repeated');
    expect(readLocalTime('2026-11-01', '00:59', 'America/New_York').kind).toBe('unique');
    expect(readLocalTime('2026-11-01', '02:00', 'America/New_York').kind).toBe('unique');
  });

  it('when London changes (01:30 on 2026-03-29 and 2026-10-25), then the time is skipped, then repeated', () => {
    expect(readLocalTime('2026-03-29', '01:30', 'Europe/London')).toEqual({
      kind: 'skipped',
      change: change('2026-03-29T01:00:00Z', '2026-03-29 01:00', '2026-03-29 02:00', 0, 60),
    });
    expect(readLocalTime('2026-10-25', '01:30', 'Europe/London')).toEqual({
      kind: 'repeated',
      earlier: new Date('2026-10-25T00:30:00.000Z'),
      later: new Date('2026-10-25T01:30:00.000Z'),
      change: change('2026-10-25T01:00:00Z', '2026-10-25 02:00', '2026-10-25 01:00', 60, 0),
    });
  });

  it('when Sydney falls back in April and springs forward in October (southern hemisphere), then both are found', () => {
    expect(readLocalTime('2026-04-05', '02:30', 'Australia/Sydney')).toEqual({
      kind: 'repeated',
      earlier: new Date('2026-04-04T15:30:00.000Z'),
      later: new Date('2026-04-04T16:30:00.000Z'),
      change: change('2026-04-04T16:00:00Z', '2026-04-05 03:00', '2026-04-05 02:00', 660, 600),
    });
    expect(readLocalTime('2026-10-04', '02:30', 'Australia/Sydney')).toEqual({
      kind: 'skipped',
      change: change('2026-10-03T16:00:00Z', '2026-10-04 02:00', '2026-10-04 03:00', 600, 660),
    });
  });

  it('when Lord Howe shifts by half an hour, then only half an hour is skipped or repeated', () => {
    expect(readLocalTime('2026-10-04', '02:15', 'Australia/Lord_Howe')).toEqual({
      kind: 'skipped',
      change: change('2026-10-03T15:30:00Z', '2026-10-04 02:00', '2026-10-04 02:30', 630, 660),
    });
    expect(readLocalTime('2026-10-04', '02:30', 'Australia/Lord_Howe').kind).toBe('unique');
    expect(readLocalTime('2026-04-05', '01:45', 'Australia/Lord_Howe')).toEqual({
      kind: 'repeated',
      earlier: new Date('2026-04-04T14:45:00.000Z'),
      later: new Date('2026-04-04T15:15:00.000Z'),
      change: change('2026-04-04T15:00:00Z', '2026-04-05 02:00', '2026-04-05 01:30', 660, 630),
    });
    expect(readLocalTime('2026-04-05', '01:15', 'Australia/Lord_Howe').kind).toBe('unique');
  });

  it('when the date, time or zone is malformed, then it throws like zonedToUtc', () => {
    expect(() => readLocalTime('2026-02-30', '09:00', 'UTC')).toThrow(/2026-02-30/);
    expect(() => readLocalTime('2026-11-25', '24:00', 'UTC')).toThrow(/24:00/);
    expect(() => readLocalTime('2026-11-25', '09:00', 'Mars/Base')).toThrow(/Mars\/Base/);
  });
});

describe('utcToZoned', () => {
  it('when an instant is shown in several zones, then each gets its own local date and time', () => {
    const instant = '2026-11-25T23:30:00Z';
    expect(utcToZoned(instant, 'UTC')).toEqual({ date: '2026-11-25', time: '23:30' });
    expect(utcToZoned(instant, 'America/New_York')).toEqual({ date: '2026-11-25', time: '18:30' });
    expect(utcToZoned(instant, 'Europe/London')).toEqual({ date: '2026-11-25', time: '23:30' });
    expect(utcToZoned(instant, 'Asia/Kolkata')).toEqual({ date: '2026-11-26', time: '05:00' });
    expect(utcToZoned(new Date(instant), 'Australia/Sydney')).toEqual({ date: '2026-11-26', time: '10:30' });
  });

  it('when the instant is midnight local time, then the time is 00:00, not 24:00', () => {
    expect(utcToZoned('2026-11-25T05:00:00Z', 'America/New_York')).toEqual({
      date: '2026-11-25',
      time: '00:00',
    });
  });

  it('when the instant or zone is invalid, then it throws', () => {
    expect(() => utcToZoned('not a date', 'UTC')).toThrow(RangeError);
    expect(() => utcToZoned(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
    expect(() => utcToZoned('2026-11-25T14:00:00Z', 'Mars/Base')).toThrow(/Mars\/Base/);
  });
});

describe('addDays and startOfWeek', () => {
  it('when days are added across month, leap-day and year ends, then the calendar date is right', () => {
    expect(addDays('2026-11-25', 7)).toBe('2026-12-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-08', 0)).toBe('2026-03-08');
  });

  it('when days are added over a DST change, then no day is lost or doubled', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02');
  });

  it('when the date is malformed or days is not whole, then addDays throws', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-11-25', 0.5)).toThrow(RangeError);
  });

  it('when any day of a week is given, then startOfWeek is that Monday', () => {
    // 2026-11-23 is a Monday; 2026-11-29 is the Sunday of the same week.
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']) {
      expect(startOfWeek(day), day).toBe('2026-11-23');
    }
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23');
    expect(startOfWeek('2026-11-30')).toBe('2026-11-30');
    expect(startOfWeek('2027-01-01')).toBe('2026-12-28');
  });
});

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'] as const;
const DST_DAYS = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04'];
const pad = (n: number) => String(n).padStart(2, '0');
const wallMinutes = ({ date, time }: { date: string; time: string }) =>
  Date.parse(`${date}T${time}:00Z`) / 60_000;

describe('round trips (property)', () => {
  it('when a local time is converted to UTC and back, then it is unchanged unless DST skipped it', () => {
    const local = fc.record({
      // Half the dates are DST-change days and half the hours are the small hours, so gaps and repeats come up.
      date: fc.oneof(
        fc
          .date({
            min: new Date('2000-01-01T00:00:00Z'),
            max: new Date('2037-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom(...DST_DAYS),
      ),
      time: fc
        .tuple(
          fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 3 })),
          fc.integer({ min: 0, max: 59 }),
        )
        .map(([h, m]) => `${pad(h)}:${pad(m)}`),
      zone: fc.constantFrom(...ZONES),
    });
    let skipped = 0;
    fc.assert(
      fc.property(local, ({ date, time, zone }) => {
        const back = utcToZoned(zonedToUtc(date, time, zone), zone);
        if (back.date === date && back.time === time) return;
        skipped++;
        // Only a time in a one-hour spring-forward gap (01:xx in London, 02:xx in New York and Sydney) may
        // change, and then by exactly the gap.
        expect(['America/New_York', 'Europe/London', 'Australia/Sydney']).toContain(zone);
        expect(['01', '02']).toContain(time.slice(0, 2));
        expect(wallMinutes(back) - wallMinutes({ date, time })).toBe(60);
      }),
      { numRuns: 5000 },
    );
    // The gaps were actually reached (roughly one run in 150), so the branch above was exercised.
    expect(skipped).toBeGreaterThan(0);
  }, 60_000);

  it('when an instant is shown locally and read back, then it is the same instant or the earlier twin', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2038, 0, 1) / 60_000 }),
        fc.constantFrom(...ZONES),
        (minutes, zone) => {
          const instant = new Date(minutes * 60_000);
          const local = utcToZoned(instant, zone);
          const back = zonedToUtc(local.date, local.time, zone);
          if (back.getTime() === instant.getTime()) return;
          // Only the second pass through a fall-back hour maps to its first occurrence, one hour earlier.
          expect(instant.getTime() - back.getTime()).toBe(3_600_000);
          expect(utcToZoned(back, zone)).toEqual(local);
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('when every minute of the New York fall-back night is read back, then the repeated hour maps to EDT', () => {
    const start = Date.parse('2026-11-01T04:00:00Z'); // 00:00 EDT
    let earlierTwins = 0;
    for (let m = 0; m < 4 * 60; m++) {
      const instant = new Date(start + m * 60_000);
      const local = utcToZoned(instant, 'America/New_York');
      const back = zonedToUtc(local.date, local.time, 'America/New_York');
      if (back.getTime() !== instant.getTime()) {
        earlierTwins++;
        expect(instant.getTime() - back.getTime()).toBe(3_600_000);
      }
    }
    expect(earlierTwins).toBe(60);
  });
});

describe('readLocalTime against utcToZoned (property)', () => {
  const NIGHTS = [
    ['2026-03-08', 'America/New_York'],
    ['2026-11-01', 'America/New_York'],
    ['2026-03-29', 'Europe/London'],
    ['2026-10-25', 'Europe/London'],
    ['2026-04-05', 'Australia/Sydney'],
    ['2026-10-04', 'Australia/Sydney'],
    ['2026-04-05', 'Australia/Lord_Howe'],
    ['2026-10-04', 'Australia/Lord_Howe'],
    ['2026-11-25', 'Asia/Kolkata'],
  ] as const;

  it.each(NIGHTS)('when every minute of %s in %s is read, then readings and instants agree', (date, zone) => {
    // Every instant of the night shows a wall clock whose reading contains that instant...
    const start = zonedToUtc(addDays(date, -1), '22:00', zone).getTime();
    const shown = new Map<string, number[]>();
    for (let m = 0; m < 8 * 60; m++) {
      const instant = start + m * 60_000;
      const local = utcToZoned(new Date(instant), zone);
      const key = `${local.date} ${local.time}`;
      shown.set(key, [...(shown.get(key) ?? []), instant]);
    }
    // ...and every wall clock of the day reads as exactly the instants that show it: none, one or two.
    let skipped = 0;
    let repeated = 0;
    for (let m = 0; m < 24 * 60; m++) {
      const time = `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
      const reading = readLocalTime(date, time, zone);
      const expected = shown.get(`${date} ${time}`);
      if (reading.kind === 'skipped') {
        skipped++;
        expect(expected, time).toBeUndefined();
      } else if (reading.kind === 'repeated') {
        repeated++;
        expect([reading.earlier.getTime(), reading.later.getTime()], time).toEqual(expected);
      } else if (expected) expect([reading.instant.getTime()], time).toEqual(expected);
    }
    const size = { 'Australia/Lord_Howe': 30, 'Asia/Kolkata': 0 }[zone as string] ?? 60;
    expect(skipped + repeated).toBe(size);
  });
});
