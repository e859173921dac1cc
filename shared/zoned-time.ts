/**
 * Wall-clock times in IANA time zones, computed with the built-in Intl API (no time-zone library).
 *
 * A local date is 'YYYY-MM-DD' and a local time is 'HH:MM' (24-hour). Instants are JavaScript Dates (UTC).
 * Malformed dates, times and zones throw a RangeError that names the offending value.
 */

const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter that prints every wall-clock field of an instant in `zone`; throws for an unknown zone. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True for a valid IANA zone name such as 'America/New_York' or 'UTC'; false for '', 'Mars/Base', 'EST5EDT garbage'. */
export function isTimeZone(zone: string): boolean {
  if (typeof zone !== 'string') return false;
  // Newer engines also accept UTC offsets such as '+05:30' as time zones; those are not IANA names.
  if (/^[+-]/.test(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The runtime's own spelling of a zone `isTimeZone` accepts (`america/denver` → `America/Denver`). */
export function canonicalTimeZone(zone: string): string {
  return formatterFor(zone).resolvedOptions().timeZone;
}

function assertZone(zone: string): void {
  if (!isTimeZone(zone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** Date.UTC without its mapping of years 0–99 to 1900–1999. `month` is 1-based; fields may overflow. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function parseTime(time: string): { hour: number; minute: number } {
  const m = typeof time === 'string' ? TIME_RE.exec(time) : null;
  if (m) {
    const hour = Number(m[1]);
    const minute = Number(m[2]);
    if (hour <= 23 && minute <= 59) return { hour, minute };
  }
  throw new RangeError(`Not a time (HH:MM): ${JSON.stringify(time)}`);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatDate(ms: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`Date out of range: year ${year}`);
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The wall clock of an instant in `zone`, expressed as milliseconds of a UTC date with the same fields. */
function wallClockMs(instantMs: number, zone: string): number {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instantMs))) fields[part.type] = part.value;
  let year = Number(fields.year);
  if (fields.era === 'BC' || fields.era === 'B') year = 1 - year;
  return utcMs(
    year,
    Number(fields.month),
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
  );
}

/** The zone's UTC offset (local minus UTC, in ms) in force at an instant. */
function offsetAt(instantMs: number, zone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(whole, zone) - whole;
}

/** A local date and wall-clock time, as 'YYYY-MM-DD' and 'HH:MM'. */
export interface LocalDateTime {
  date: string;
  time: string;
}

/** A change of the zone's clocks: at `at`, the wall clock jumps from `from` to `to` (forward into a gap, or back). */
export interface ClockChange {
  at: Date;
  from: LocalDateTime;
  to: LocalDateTime;
  /** UTC offsets (local minus UTC) in minutes, before and after the change. */
  offsetBefore: number;
  offsetAfter: number;
}

/**
 * How a wall-clock time reads in a zone: usually one instant; none when clocks skip it (spring forward), two when they
 * show it twice (fall back). The earlier of two is the one before the clocks go back.
 */
export type LocalTimeReading =
  | { kind: 'unique'; instant: Date }
  | { kind: 'skipped'; change: ClockChange }
  | { kind: 'repeated'; earlier: Date; later: Date; change: ClockChange };

export const OCCURRENCES = ['earlier', 'later'] as const;
/** Which of the two instants of a repeated wall-clock time is meant. */
export type Occurrence = (typeof OCCURRENCES)[number];

/** The wall clock as UTC-field milliseconds, the offsets in force a day before and after, and the instants showing it. */
function readWall(date: string, time: string, zone: string) {
  const { year, month, day } = parseDate(date);
  const { hour, minute } = parseTime(time);
  assertZone(zone);
  const wall = utcMs(year, month, day, hour, minute);
  // The offsets in force a day either side cover every interpretation of the wall clock (zones change offset
  // at most once in two days); the offset at `wall` itself is a further candidate for unusual histories.
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const instants = [...new Set([before, offsetAt(wall, zone), after].map((offset) => wall - offset))]
    .filter((instant) => wall - instant === offsetAt(instant, zone))
    .sort((a, b) => a - b);
  return { wall, before, after, instants };
}

function localOf(wallMs: number): LocalDateTime {
  const d = new Date(wallMs);
  return { date: formatDate(wallMs), time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}

/** The first change of offset after `lo` and no later than `hi` (whole seconds; the offset differs at the two ends). */
function changeBetween(lo: number, hi: number, zone: string): ClockChange {
  const first = offsetAt(lo, zone);
  let low = Math.floor(lo / 1000);
  let high = Math.ceil(hi / 1000);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (offsetAt(mid * 1000, zone) === first) low = mid;
    else high = mid;
  }
  const at = high * 1000;
  const last = offsetAt(at, zone);
  return {
    at: new Date(at),
    from: localOf(at + first),
    to: localOf(at + last),
    offsetBefore: first / 60_000,
    offsetAfter: last / 60_000,
  };
}

/** Reads a local wall-clock date ('YYYY-MM-DD') and time ('HH:MM') in `zone` without guessing across a DST change. */
export function readLocalTime(date: string, time: string, zone: string): LocalTimeReading {
  const { wall, before, after, instants } = readWall(date, time, zone);
  const [earlier, later] = instants;
  if (earlier === undefined)
    return { kind: 'skipped', change: changeBetween(wall - after, wall - before, zone) };
  if (later === undefined) return { kind: 'unique', instant: new Date(earlier) };
  return {
    kind: 'repeated',
    earlier: new Date(earlier),
    later: new Date(later),
    change: changeBetween(earlier, later, zone),
  };
}

/**
 * The UTC instant of a local wall-clock date ('YYYY-MM-DD') and time ('HH:MM') in `zone`, for computed times such as
 * week boundaries: a time skipped by a DST jump (e.g. 02:30 on the spring-forward day in New York) moves forward by
 * the size of the gap (→ 03:30 EDT); a repeated time on the fall-back day takes `occurrence` (the earlier, daylight
 * one by default). A time a person typed goes through readLocalTime instead, so it is never moved silently.
 */
export function zonedToUtc(
  date: string,
  time: string,
  zone: string,
  occurrence: Occurrence = 'earlier',
): Date {
  const { wall, before, instants } = readWall(date, time, zone);
  // No instant shows this wall clock: it lies in a gap. Reading it with the offset from before the jump lands
  // the same distance past the jump, i.e. moves it forward by the size of the gap.
  const chosen = occurrence === 'later' ? instants[instants.length - 1] : instants[0];
  return new Date(chosen ?? wall - before);
}

/** Local date 'YYYY-MM-DD' and time 'HH:MM' of an instant in `zone`. */
export function utcToZoned(instant: Date | string, zone: string): { date: string; time: string } {
  const ms =
    instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${JSON.stringify(String(instant))}`);
  assertZone(zone);
  const wall = wallClockMs(Math.floor(ms / 1000) * 1000, zone);
  const d = new Date(wall);
  return { date: formatDate(wall), time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}

/** Adds whole days to a 'YYYY-MM-DD' date (calendar arithmetic, no zone). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number: ${days}`);
  return formatDate(utcMs(year, month, day) + days * DAY_MS);
}

/** Monday 'YYYY-MM-DD' of the week containing `date`. */
export function startOfWeek(date: string): string {
  const { year, month, day } = parseDate(date);
  const weekday = new Date(utcMs(year, month, day)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}
