import { type FieldIssue, ValidationError } from './errors';
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

/** "2:30 AM" for '02:30' (fixed English, like every server message). */
function clock(time: string): string {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return `${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

const longDate = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** "Sunday, March 8, 2026" for '2026-03-08'. */
const day = (date: string) => longDate.format(new Date(`${date}T12:00:00Z`));

/** "UTC-04:00" for -240 minutes. */
function utcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** "an hour", "30 minutes", "2 hours". */
function span(minutes: number): string {
  if (minutes === 60) return 'an hour';
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

function skipped(when: string, input: LocalStartInput, date: string, change: ClockChange): FieldIssue {
  const from = clock(change.from.time);
  const to = clock(change.to.time);
  const fewer = (input.weeks ?? 1) > 1 ? ', or repeat for fewer weeks' : '';
  return {
    path: 'start',
    message:
      `${when}${clock(input.start)} on ${day(date)} does not exist in ${input.timeZone}: clocks go from ${from} ` +
      `to ${to}. Choose a time before ${from} or from ${to}${fewer}.`,
  };
}

function repeated(when: string, input: LocalStartInput, date: string, change: ClockChange): FieldIssue {
  const time = clock(input.start);
  return {
    path: 'occurrence',
    message:
      `${when}${time} on ${day(date)} happens twice in ${input.timeZone}: clocks go back from ` +
      `${clock(change.from.time)} to ${clock(change.to.time)}. Say which ${time} you mean: the first ` +
      `(${utcOffset(change.offsetBefore)}) or the second, ${span(change.offsetBefore - change.offsetAfter)} ` +
      `later (${utcOffset(change.offsetAfter)}).`,
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
  const issues: FieldIssue[] = [];
  for (let week = 0; week < weeks; week++) {
    const date = addDays(input.date, 7 * week);
    const reading = readLocalTime(date, input.start, input.timeZone);
    const when = weeks > 1 ? `In week ${week + 1} of ${weeks}, ` : '';
    if (reading.kind === 'unique') starts.push(reading.instant);
    else if (reading.kind === 'skipped') issues.push(skipped(when, input, date, reading.change));
    else if (input.occurrence) starts.push(reading[input.occurrence]);
    else issues.push(repeated(when, input, date, reading.change));
  }
  if (issues.length > 0) throw new ValidationError(issues.map((i) => i.message).join(' '), issues);
  return starts;
}
