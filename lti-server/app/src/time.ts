import { addDays, isTimeZone, startOfWeek, utcToZoned, zonedToUtc } from '../../../shared/zoned-time';

let personZone: string | undefined;

/** The time zone the LMS gave for the signed-in person (from /api/me); without one the browser's is used. */
export function setPersonZone(zone: string | undefined): void {
  personZone = zone && isTimeZone(zone) ? zone : undefined;
}

/** The viewer's IANA time zone: theirs from the LMS when it sent one, else the browser's. */
export function viewerZone(): string {
  return personZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** Every IANA zone the browser knows, with `ensure` (e.g. the browser's own zone) always among them. */
export function timeZones(ensure: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(ensure) ? all : [ensure, ...all];
}

/** Local date 'YYYY-MM-DD' of an instant in `zone`. */
export function localDate(instant: Date | string, zone: string): string {
  return utcToZoned(instant, zone).date;
}

/** Monday 'YYYY-MM-DD' of the week (Monday to Sunday, in `zone`) that contains the instant. */
export function weekOf(instant: Date | string, zone: string): string {
  return startOfWeek(localDate(instant, zone));
}

/** The instants [from, to) of the week starting on `monday` in `zone`, as ISO strings for the API. */
export function weekRange(monday: string, zone: string): { from: string; to: string } {
  return {
    from: zonedToUtc(monday, '00:00', zone).toISOString(),
    to: zonedToUtc(addDays(monday, 7), '00:00', zone).toISOString(),
  };
}

export { addDays };

const noonUtc = (date: string) => new Date(`${date}T12:00:00Z`);

/** "Tuesday, March 3" for a local date. */
export function formatDay(date: string): string {
  return noonUtc(date).toLocaleDateString(undefined, {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  });
}

/** "June 30, 2026" for a local date. */
export function formatDate(date: string): string {
  return noonUtc(date).toLocaleDateString(undefined, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/** "Mar 2 – 8, 2026" for the week starting on `monday`. */
export function formatWeek(monday: string): string {
  const f = new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
  return f.formatRange(noonUtc(monday), noonUtc(addDays(monday, 6)));
}

/** "9:15 AM" for an instant, in `zone`. */
export function formatTime(instant: string, zone: string): string {
  return new Date(instant).toLocaleTimeString(undefined, {
    timeZone: zone,
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** "Tuesday, March 3" for the day an instant falls on in `zone`. */
export function formatInstantDay(instant: string, zone: string): string {
  return formatDay(localDate(instant, zone));
}

/**
 * When a visit happens, for this viewer: "9:15 AM–9:25 AM (your time)", plus the host's own clock when the host is
 * in another zone ("· 8:15 AM in America/Chicago").
 */
export function visitTime(
  slot: { startsAt: string; endsAt: string; timeZone: string },
  zone: string,
): { yours: string; theirs: string | null } {
  const yours = `${formatTime(slot.startsAt, zone)}–${formatTime(slot.endsAt, zone)} (your time)`;
  const theirs =
    slot.timeZone !== zone ? `${formatTime(slot.startsAt, slot.timeZone)} in ${slot.timeZone}` : null;
  return { yours, theirs };
}
