/**
 * iCalendar (RFC 5545) text for sampling visits: a per-visit .ics download and a subscribable feed.
 *
 * Every value is validated before any text is written: a malformed instant, sequence, UID, status or control
 * character throws an Error naming the event field, so a bad event never silently drops out of a feed.
 */

export interface IcsEvent {
  /** Stable across updates and cancellations. */
  uid: string;
  /** Raised on every change; a cancellation carries a higher one. */
  sequence: number;
  /** ISO instant (UTC). */
  start: string;
  /** ISO instant. */
  end: string;
  /** ISO instant of the last change (DTSTAMP and LAST-MODIFIED). */
  stamp: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status: 'CONFIRMED' | 'CANCELLED';
}

const ICS_PRODID = '-//Tasting Menu//Sampling visits//EN';

/**
 * How often a subscribed calendar should fetch the feed again (RFC 7986 REFRESH-INTERVAL, and X-PUBLISHED-TTL, which
 * Outlook and older clients read): a booked or cancelled visit reaches the teacher's calendar within the hour, while
 * calendar apps that would poll every few minutes are asked not to.
 */
export const ICS_REFRESH = 'PT1H';

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** An ISO 8601 instant with a date, a time and an explicit zone (Z or ±HH:MM). */
const ISO_INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** C0 controls other than tab, line feed and carriage return, DEL, and C1 controls: not allowed in TEXT. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const FORBIDDEN_CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function fail(index: number, field: string, problem: string): never {
  throw new Error(`Calendar event ${index}: ${field} ${problem}`);
}

/** Parses an ISO instant strictly (no rolling 30 February over into March) and returns epoch milliseconds. */
function parseInstant(value: unknown, index: number, field: string): number {
  const m = typeof value === 'string' ? ISO_INSTANT_RE.exec(value) : null;
  if (m) {
    const fields = m.slice(1, 7).map((part) => Number(part ?? 0));
    const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
    const offsetOk = m[7] === 'Z' || (Number(m[8]) <= 23 && Number(m[9]) <= 59);
    const ms = Date.parse(m[0]);
    const fieldsOk = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    if (offsetOk && fieldsOk && hour <= 23 && minute <= 59 && second <= 59 && !Number.isNaN(ms)) return ms;
  }
  return fail(index, field, `is not an ISO instant such as 2026-11-25T14:00:00Z: ${JSON.stringify(value)}`);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** DATE-TIME in UTC form: 20261125T140000Z (seconds kept, milliseconds dropped). */
function utcDateTime(ms: number, index: number, field: string): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) fail(index, field, 'is outside the years 0000–9999');
  return (
    `${pad(year, 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, and any newline as \n. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function text(value: unknown, index: number, field: string): string {
  if (typeof value !== 'string') fail(index, field, 'must be text');
  if (FORBIDDEN_CONTROL_RE.test(value)) fail(index, field, 'contains a control character');
  return escapeText(value);
}

/** UTF-8 length of one code point (a lone surrogate is written as U+FFFD, three octets). */
function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line (RFC 5545 §3.1): at most 75 octets of UTF-8 per physical line, continuation lines start
 * with one space (which counts toward their 75), and a multi-octet character is never split.
 */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function eventLines(event: IcsEvent, index: number): string[] {
  if (typeof event !== 'object' || event === null) fail(index, 'event', 'is missing');
  const uid = text(event.uid, index, 'uid');
  if (uid.trim() === '') fail(index, 'uid', 'must not be empty');
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    fail(index, 'sequence', `must be a whole number >= 0: ${JSON.stringify(event.sequence)}`);
  }
  if (event.status !== 'CONFIRMED' && event.status !== 'CANCELLED') {
    fail(index, 'status', `must be CONFIRMED or CANCELLED: ${JSON.stringify(event.status)}`);
  }
  const start = parseInstant(event.start, index, 'start');
  const end = parseInstant(event.end, index, 'end');
  const stamp = utcDateTime(parseInstant(event.stamp, index, 'stamp'), index, 'stamp');
  if (end <= start) fail(index, 'end', `must be later than start: ${event.start} → ${event.end}`);

  const lines = [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${utcDateTime(start, index, 'start')}`,
    `DTEND:${utcDateTime(end, index, 'end')}`,
    `SUMMARY:${text(event.summary, index, 'summary')}`,
  ];
  if (event.description != null) lines.push(`DESCRIPTION:${text(event.description, index, 'description')}`);
  if (event.location != null) lines.push(`LOCATION:${text(event.location, index, 'location')}`);
  if (event.url != null) {
    // URI values are not TEXT-escaped, so they must not contain anything that would break the line.
    const url: unknown = event.url;
    if (
      typeof url !== 'string' ||
      !/^[a-z][a-z0-9+.-]*:[^\s"]+$/i.test(url) ||
      FORBIDDEN_CONTROL_RE.test(url)
    ) {
      fail(index, 'url', `is not an absolute URL: ${JSON.stringify(url)}`);
    }
    lines.push(`URL:${url}`);
  }
  lines.push(`STATUS:${event.status}`, `LAST-MODIFIED:${stamp}`, 'END:VEVENT');
  return lines;
}

/** A VCALENDAR with the events. `method` 'PUBLISH' by default (feeds and downloads); 'CANCEL' only for a single cancelled event file. */
export function buildCalendar(
  events: IcsEvent[],
  options: { name: string; method?: 'PUBLISH' | 'CANCEL' },
): string {
  const method = options.method ?? 'PUBLISH';
  if (method !== 'PUBLISH' && method !== 'CANCEL') {
    throw new Error(`Calendar method must be PUBLISH or CANCEL: ${JSON.stringify(method)}`);
  }
  if (method === 'CANCEL' && (events.length !== 1 || events[0]?.status !== 'CANCELLED')) {
    throw new Error('Calendar method CANCEL needs exactly one event, with status CANCELLED');
  }
  if (typeof options.name !== 'string' || FORBIDDEN_CONTROL_RE.test(options.name)) {
    throw new Error(`Calendar name must be text without control characters: ${JSON.stringify(options.name)}`);
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
    // A refresh hint for subscribed feeds; harmless in a one-off download, which calendars import once.
    ...(method === 'PUBLISH'
      ? [`REFRESH-INTERVAL;VALUE=DURATION:${ICS_REFRESH}`, `X-PUBLISHED-TTL:${ICS_REFRESH}`]
      : []),
    ...events.flatMap((event, index) => eventLines(event, index)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
