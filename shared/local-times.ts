import { type EachLanguage, eachLanguage, ValidationError } from './errors';
import type { Language, Translate } from './i18n';
import { clockIn } from './school-day';
import { addDays, type ClockChange, type Occurrence, readLocalTime } from './zoned-time';

/**
 * A start a person typed as a local date and time, once or on several weeks. A time the clocks skip, or show twice
 * when nobody said which, is refused with a sentence that names the date and the change: never moved silently.
 */
export interface LocalStartInput {
  date: string;
  start: string;
  timeZone: string;
  /** How many weekly occurrences (1 = just `date`). */
  weeks?: number;
  /** For a time the clocks show twice: which one is meant (applied to every week where it happens). */
  occurrence?: Occurrence | undefined;
}

const longDates: Record<Language, Intl.DateTimeFormat> = {
  en: longDate('en-US'),
  es: longDate('es'),
};
function longDate(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/** "Sunday, March 8, 2026" for '2026-03-08'. */
const day = (date: string, language: Language) => longDates[language].format(new Date(`${date}T12:00:00Z`));

/** "UTC-04:00" for -240 minutes. */
function utcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** "an hour", "30 minutes", "2 hours". */
function span(minutes: number, t: Translate): string {
  if (minutes === 60) return t('errors.clock.an-hour');
  if (minutes % 60 === 0) return t('errors.clock.hours', { count: minutes / 60 });
  return t('errors.clock.minutes', { count: minutes });
}

/** Which week of several a sentence is about (none when the start is once). */
type Week = { week: number; weeks: number } | undefined;

/** A field's sentence about a clock change. */
interface ClockIssue {
  path: 'start' | 'occurrence';
  message: EachLanguage;
}

/** What both clock sentences say, in one language: the week, the typed time and day, the zone and the change. */
function changeWords(
  week: Week,
  input: LocalStartInput,
  date: string,
  change: ClockChange,
  language: Language,
) {
  return {
    ...week,
    time: clockIn(input.start, language),
    day: day(date, language),
    zone: input.timeZone,
    from: clockIn(change.from.time, language),
    to: clockIn(change.to.time, language),
  };
}

function skipped(week: Week, input: LocalStartInput, date: string, change: ClockChange): ClockIssue {
  return {
    path: 'start',
    message: eachLanguage((language, t) =>
      t(
        week ? 'errors.clock.skipped-weekly' : 'errors.clock.skipped',
        changeWords(week, input, date, change, language),
      ),
    ),
  };
}

function repeated(week: Week, input: LocalStartInput, date: string, change: ClockChange): ClockIssue {
  return {
    path: 'occurrence',
    message: eachLanguage((language, t) =>
      t(week ? 'errors.clock.repeated-weekly' : 'errors.clock.repeated', {
        ...changeWords(week, input, date, change, language),
        before: utcOffset(change.offsetBefore),
        span: span(change.offsetBefore - change.offsetAfter, t),
        after: utcOffset(change.offsetAfter),
      }),
    ),
  };
}

/**
 * The UTC instants of a typed local start, one per week, each at the same wall-clock time in its zone. Throws a
 * ValidationError if any week's time is skipped by the clocks (on `start`) or happens twice without `occurrence`
 * (on `occurrence`); nothing is stored then.
 */
export function localStarts(input: LocalStartInput): Date[] {
  const weeks = input.weeks ?? 1;
  if (!Number.isInteger(weeks) || weeks < 1)
    throw new RangeError(`weeks must be a whole number >= 1: ${weeks}`);
  const starts: Date[] = [];
  const issues: ClockIssue[] = [];
  for (let week = 0; week < weeks; week++) {
    const date = addDays(input.date, 7 * week);
    const reading = readLocalTime(date, input.start, input.timeZone);
    const when = weeks > 1 ? { week: week + 1, weeks } : undefined;
    if (reading.kind === 'unique') starts.push(reading.instant);
    else if (reading.kind === 'skipped') issues.push(skipped(when, input, date, reading.change));
    else if (input.occurrence) starts.push(reading[input.occurrence]);
    else issues.push(repeated(when, input, date, reading.change));
  }
  if (issues.length > 0)
    throw new ValidationError(
      {
        key: 'errors.clock.changes',
        params: { sentences: { items: issues.map((i) => i.message), separator: ' ' } },
      },
      issues,
    );
  return starts;
}
