import { z } from 'zod';
import { type EachLanguage, eachLanguage } from './errors';
import type { Language, MessageKey } from './i18n';
import { safeText } from './text';
import { isTimeZone, utcToZoned } from './zoned-time';

/**
 * The school day: the school's time zone and its weekly bell schedule (periods with a start and an end on the
 * weekdays they run). Doors and rounds are offered by period; a time on a day without periods, or before the first
 * period or after the last, asks the person to confirm (`confirmOutsideSchoolDay`) before it is stored.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/**
 * A weekday of the bell schedule in each interface language, through Intl ("Tue" / "mar", "Tuesday" / "martes"), for
 * the words the server says in its reader's language.
 */
export function weekdayWords(weekday: Weekday, width: 'short' | 'long'): EachLanguage {
  // 1 January 2024 was a Monday.
  const date = Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(weekday));
  return eachLanguage((language) =>
    new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(date),
  );
}

/**
 * A wall-clock 'HH:MM' in one interface language, through Intl ("9:45 AM" / "9:45"): the one way the server writes a
 * time of day in its sentences (bell schedules, clock changes). Intl's spaces (a narrow no-break space before "AM" in
 * newer ICU, a plain one in older) become plain spaces, so a message reads the same on every runtime.
 */
export function clockIn(time: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
    .format(new Date(`2000-01-01T${time}:00Z`))
    .replace(/[\u202f\u00a0]/g, ' ');
}

/** `clockIn` in every interface language, for words a message says in its reader's language. */
export function clockWords(time: string): EachLanguage {
  return eachLanguage((language) => clockIn(time, language));
}

export const MAX_PERIODS = 40;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const ClockSchema = (m: { required: MessageKey; format: MessageKey }) =>
  z.string({ error: m.required }).regex(CLOCK, m.format);

export const PeriodSchema = z
  .object({
    name: safeText({ error: 'errors.field.period.name' })
      .trim()
      .min(1, 'errors.field.period.name-empty')
      .max(40, 'errors.field.period.name-long'),
    weekdays: z
      .array(z.enum(WEEKDAYS, { error: 'errors.field.period.weekday' }), {
        error: 'errors.field.period.weekdays',
      })
      .min(1, 'errors.field.period.weekdays-none')
      .transform((days) => WEEKDAYS.filter((d) => days.includes(d))),
    start: ClockSchema({ required: 'errors.field.period.start', format: 'errors.field.period.start-format' }),
    end: ClockSchema({ required: 'errors.field.period.end', format: 'errors.field.period.end-format' }),
  })
  // Compared only once both are times, so a mistyped time gets one message, not two.
  .refine((p) => !(CLOCK.test(p.start) && CLOCK.test(p.end)) || p.start < p.end, {
    message: 'errors.field.period.order',
    path: ['end'],
  });
export type Period = z.output<typeof PeriodSchema>;

/**
 * "Period 3 (Tue 9:45 AM–10:35 AM) overlaps Period 2 (Tue 9:00 AM–9:50 AM)": the first clash found on a shared
 * weekday, as a catalog key whose day and times are said in each reader's language (`issueWords`).
 */
function overlaps(
  periods: Period[],
): Array<{ index: number; params: Record<string, string | EachLanguage> }> {
  const issues: Array<{ index: number; params: Record<string, string | EachLanguage> }> = [];
  periods.forEach((b, j) => {
    for (let i = 0; i < j; i++) {
      const a = periods[i]!;
      const day = a.weekdays.find((d) => b.weekdays.includes(d));
      if (day && a.start < b.end && b.start < a.end) {
        issues.push({
          index: j,
          params: {
            name: b.name,
            day: weekdayWords(day, 'short'),
            start: clockWords(b.start),
            end: clockWords(b.end),
            other: a.name,
            otherStart: clockWords(a.start),
            otherEnd: clockWords(a.end),
          },
        });
        return;
      }
    }
  });
  return issues;
}

export const BellScheduleSchema = z
  .array(PeriodSchema, { error: 'errors.field.school-day.periods' })
  .max(MAX_PERIODS, 'errors.field.school-day.periods-many')
  .superRefine((periods, ctx) => {
    for (const { index, params } of overlaps(periods))
      ctx.addIssue({ code: 'custom', path: [index], message: 'errors.field.period.overlap', params });
  });

export const SchoolDaySchema = z.object({
  /** The school's IANA zone: the bell schedule's clock, and the zone the forms start with. Null until chosen. */
  timeZone: z.string().max(64).refine(isTimeZone, 'errors.field.time-zone.format').nullable().default(null),
  periods: BellScheduleSchema.default([]),
});
export type SchoolDay = z.output<typeof SchoolDaySchema>;
export const EMPTY_SCHOOL_DAY: SchoolDay = { timeZone: null, periods: [] };

/** Where a time falls: in a period (or somewhere in a school day with no periods known), or outside it and why. */
export type Outside = 'weekend' | 'before' | 'after' | 'between';
export type Placement = { period?: Period } | { outside: Outside };

/** The outsides a person confirms before a door or a round is stored; between two periods is still the school day. */
export const CONFIRM_OUTSIDE: ReadonlySet<Outside> = new Set(['weekend', 'before', 'after']);

/** The weekday of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): Weekday {
  const sundayFirst = new Date(`${date}T12:00:00Z`).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7]!;
}

/** The periods running on `weekday`, in order of their start. */
export function periodsOn(periods: Period[], weekday: Weekday): Period[] {
  return periods.filter((p) => p.weekdays.includes(weekday)).sort((a, b) => a.start.localeCompare(b.start));
}

/** The first bell and the last of a day's periods (sorted by start). */
export function bellsOf(today: Period[]): { first: string; last: string } {
  const ends = today.map((p) => p.end).sort();
  return { first: today[0]!.start, last: ends[ends.length - 1]! };
}

/**
 * Where [start, end) falls in the school day, read on the school's clock in `zone` (Intl, so a DST change moves the
 * instants, never the bells). No periods at all: nothing is known, `{}`. A day with no periods: `weekend`. A time
 * that begins before the first period or ends after the last (or on another day): `before` / `after`. Inside one
 * period: that period; inside the day but across or between periods: `between`.
 */
export function placeInSchoolDay(periods: Period[], zone: string, start: Date, end: Date): Placement {
  if (periods.length === 0) return {};
  const from = utcToZoned(start, zone);
  const to = utcToZoned(new Date(Math.max(start.getTime(), end.getTime() - 1)), zone);
  const today = periodsOn(periods, weekdayOf(from.date));
  if (today.length === 0) return { outside: 'weekend' };
  // The last minute the range touches, so a range ending on the bell (10:55) is read as ending at 10:55.
  const endClock = end.getTime() > start.getTime() ? clockAfter(to.time) : from.time;
  const { first, last } = bellsOf(today);
  if (from.time < first) return { outside: 'before' };
  if (to.date !== from.date || endClock > last) return { outside: 'after' };
  const period = today.find((p) => p.start <= from.time && endClock <= p.end);
  return period ? { period } : { outside: 'between' };
}

/** '10:55' for '10:54' (the minute a range's last millisecond belongs to ends at the next minute); '24:00' at midnight. */
function clockAfter(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const next = h * 60 + m + 1;
  return `${String(Math.floor(next / 60)).padStart(2, '0')}:${String(next % 60).padStart(2, '0')}`;
}
