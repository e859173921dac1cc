import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors';
import { type LocalStartInput, localStarts } from '../../../shared/local-times';
import { utcToZoned } from '../../../shared/zoned-time';

const iso = (d: Date) => d.toISOString();

/** The ValidationError localStarts throws for `input`. */
function refusal(input: LocalStartInput): ValidationError {
  try {
    localStarts(input);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`Expected a refusal for ${JSON.stringify(input)}`);
}

describe('localStarts: one date', () => {
  it('when the time happens once, then its instant comes back', () => {
    expect(
      localStarts({ date: '2026-07-15', start: '09:00', timeZone: 'America/New_York' }).map(iso),
    ).toEqual(['2026-07-15T13:00:00.000Z']);
  });

  it('when the time is in the New York spring-forward gap, then it is refused on `start`, naming the gap', () => {
    const error = refusal({ date: '2026-03-08', start: '02:30', timeZone: 'America/New_York' });
    const message =
      '2:30 AM on Sunday, March 8, 2026 does not exist in America/New_York: clocks go from 2:00 AM to 3:00 AM. ' +
      'Choose a time before 2:00 AM or from 3:00 AM.';
    expect(error.message).toBe(message);
    expect(error.fields).toEqual([{ path: 'start', message }]);
    expect(error.status).toBe(400);
  });

  it('when the time happens twice and nobody said which, then it is refused on `occurrence`, asking', () => {
    const error = refusal({ date: '2026-11-01', start: '01:30', timeZone: 'America/New_York' });
    expect(error.message).toBe(
      '1:30 AM on Sunday, November 1, 2026 happens twice in America/New_York: clocks go back from 2:00 AM to ' +
        '1:00 AM. Say which 1:30 AM you mean: the first (UTC-04:00) or the second, an hour later (UTC-05:00).',
    );
    expect(error.fields?.map((f) => f.path)).toEqual(['occurrence']);
  });

  it('when the time happens twice and the request says which, then exactly that instant comes back', () => {
    const nyc = { date: '2026-11-01', start: '01:30', timeZone: 'America/New_York' };
    expect(localStarts({ ...nyc, occurrence: 'earlier' }).map(iso)).toEqual(['2026-11-01T05:30:00.000Z']);
    expect(localStarts({ ...nyc, occurrence: 'later' }).map(iso)).toEqual(['2026-11-01T06:30:00.000Z']);
  });

  it('when London, Sydney or Lord Howe skip or repeat the time, then each sentence names its own change', () => {
    expect(refusal({ date: '2026-03-29', start: '01:30', timeZone: 'Europe/London' }).message).toMatch(
      /^1:30 AM on Sunday, March 29, 2026 does not exist in Europe\/London: clocks go from 1:00 AM to 2:00 AM\./,
    );
    expect(refusal({ date: '2026-04-05', start: '02:30', timeZone: 'Australia/Sydney' }).message).toMatch(
      /clocks go back from 3:00 AM to 2:00 AM\. Say which 2:30 AM you mean: the first \(UTC\+11:00\) or the second, an hour later \(UTC\+10:00\)/,
    );
    expect(refusal({ date: '2026-10-04', start: '02:15', timeZone: 'Australia/Lord_Howe' }).message).toMatch(
      /clocks go from 2:00 AM to 2:30 AM\. Choose a time before 2:00 AM or from 2:30 AM\.$/,
    );
    expect(refusal({ date: '2026-04-05', start: '01:45', timeZone: 'Australia/Lord_Howe' }).message).toMatch(
      /the first \(UTC\+11:00\) or the second, 30 minutes later \(UTC\+10:30\)\.$/,
    );
  });

  it('when the time is afternoon or midnight, then the sentence reads it on a 12-hour clock', () => {
    // America/Santiago springs forward at midnight: 00:30 is skipped.
    expect(refusal({ date: '2026-09-06', start: '00:30', timeZone: 'America/Santiago' }).message).toMatch(
      /^12:30 AM on Sunday, September 6, 2026 does not exist in America\/Santiago: clocks go from 12:00 AM to 1:00 AM\./,
    );
  });
});

describe('localStarts: weekly', () => {
  it('when a New York series crosses spring forward, then the local time stays 09:00 and the UTC hour moves', () => {
    const dates = localStarts({ date: '2026-02-24', start: '09:00', timeZone: 'America/New_York', weeks: 4 });
    expect(dates.map(iso)).toEqual([
      '2026-02-24T14:00:00.000Z',
      '2026-03-03T14:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
      '2026-03-17T13:00:00.000Z',
    ]);
    for (const d of dates) expect(utcToZoned(d, 'America/New_York').time).toBe('09:00');
  });

  it('when a Sydney series crosses its October spring forward, then the UTC hour moves an hour earlier', () => {
    const dates = localStarts({ date: '2026-09-30', start: '10:00', timeZone: 'Australia/Sydney', weeks: 2 });
    expect(dates.map(iso)).toEqual(['2026-09-30T00:00:00.000Z', '2026-10-06T23:00:00.000Z']);
  });

  it('when one week of a series falls in the gap, then the whole series is refused naming that week and date', () => {
    const error = refusal({ date: '2027-02-28', start: '02:30', timeZone: 'America/New_York', weeks: 4 });
    const message =
      'In week 3 of 4, 2:30 AM on Sunday, March 14, 2027 does not exist in America/New_York: clocks go from ' +
      '2:00 AM to 3:00 AM. Choose a time before 2:00 AM or from 3:00 AM, or repeat for fewer weeks.';
    expect(error.message).toBe(message);
    expect(error.fields).toEqual([{ path: 'start', message }]);
  });

  it('when one week of a series happens twice, then it asks; with a choice, that week takes it and the rest stay', () => {
    const series = { date: '2026-10-18', start: '01:30', timeZone: 'America/New_York', weeks: 3 };
    expect(refusal(series).message).toMatch(
      /^In week 3 of 3, 1:30 AM on Sunday, November 1, 2026 happens twice/,
    );
    expect(localStarts({ ...series, occurrence: 'later' }).map(iso)).toEqual([
      '2026-10-18T05:30:00.000Z',
      '2026-10-25T05:30:00.000Z',
      '2026-11-01T06:30:00.000Z',
    ]);
    expect(
      localStarts({ ...series, occurrence: 'earlier' })
        .map(iso)
        .at(-1),
    ).toBe('2026-11-01T05:30:00.000Z');
  });

  it('when a series is in a zone without DST, then occurrences are exactly seven days apart', () => {
    const dates = localStarts({ date: '2026-12-28', start: '08:45', timeZone: 'Asia/Kolkata', weeks: 3 });
    expect(dates.map(iso)).toEqual([
      '2026-12-28T03:15:00.000Z',
      '2027-01-04T03:15:00.000Z',
      '2027-01-11T03:15:00.000Z',
    ]);
  });

  it('when weeks is below 1 or not whole, then it throws', () => {
    const input = { date: '2026-11-25', start: '14:00', timeZone: 'UTC' };
    expect(() => localStarts({ ...input, weeks: 0 })).toThrow(RangeError);
    expect(() => localStarts({ ...input, weeks: 1.5 })).toThrow(RangeError);
  });
});
