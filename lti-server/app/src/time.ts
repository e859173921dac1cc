import { currentLocale, t } from '../../../shared/i18n';
import { MAX_REPEAT_WEEKS } from '../../../shared/visits';
import {
  addDays,
  isTimeZone,
  type Occurrence,
  readLocalTime,
  startOfWeek,
  utcToZoned,
  zonedToUtc,
} from '../../../shared/zoned-time';

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

// Dates and times are written for the interface's locale (shared/i18n: "Tuesday, March 3" / "martes, 3 de marzo").

/** "Tuesday, March 3" for a local date. */
export function formatDay(date: string): string {
  return noonUtc(date).toLocaleDateString(currentLocale(), {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  });
}

/** "June 30, 2026" for a local date. */
export function formatDate(date: string): string {
  return noonUtc(date).toLocaleDateString(currentLocale(), {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/** "Thursday, March 12, 2026" for a local date. */
export function formatFullDay(date: string): string {
  return noonUtc(date).toLocaleDateString(currentLocale(), {
    timeZone: 'UTC',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/** "9:00 AM" for a wall-clock time 'HH:MM' (a round's start on its own clock); anything else is shown as it is. */
export function formatClock(time: string): string {
  if (!/^\d{2}:\d{2}$/.test(time)) return time;
  return new Date(`2000-01-01T${time}:00Z`).toLocaleTimeString(currentLocale(), {
    timeZone: 'UTC',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** "Mar 2 – 8, 2026" for the week starting on `monday`. */
export function formatWeek(monday: string): string {
  const f = new Intl.DateTimeFormat(currentLocale(), {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
  return f.formatRange(noonUtc(monday), noonUtc(addDays(monday, 6)));
}

/** "9:15 AM" for an instant, in `zone`. */
export function formatTime(instant: string, zone: string): string {
  return new Date(instant).toLocaleTimeString(currentLocale(), {
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
  const yours = t('time.yours', { from: formatTime(slot.startsAt, zone), to: formatTime(slot.endsAt, zone) });
  const theirs =
    slot.timeZone !== zone
      ? t('time.theirs', { time: formatTime(slot.startsAt, slot.timeZone), zone: slot.timeZone })
      : null;
  return { yours, theirs };
}

/** "1:30 AM EDT" for an instant, in `zone`: the zone's name tells two readings of one wall clock apart. */
function formatTimeAndZone(instant: Date, zone: string): string {
  return instant.toLocaleTimeString(currentLocale(), {
    timeZone: zone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/** The question and the two answers offered when a typed start happens twice (the night the clocks go back). */
export type OccurrenceChoice = { legend: string } & Record<Occurrence, string>;

/**
 * When `time` happens twice on `date` or on one of the `weeks` weekly dates after it, the choice to offer:
 * "1:30 AM EDT (first)" or "1:30 AM EST (second)". Null when it happens once, or the fields are not filled in yet.
 */
export function repeatedStart(date: string, time: string, zone: string, weeks = 1): OccurrenceChoice | null {
  const count = Number.isInteger(weeks) ? Math.min(Math.max(weeks, 1), MAX_REPEAT_WEEKS) : 1;
  for (let week = 0; week < count; week++) {
    let reading: ReturnType<typeof readLocalTime>;
    try {
      reading = readLocalTime(addDays(date, 7 * week), time, zone);
    } catch {
      return null; // a date, time or zone still being typed
    }
    if (reading.kind === 'repeated')
      return {
        legend: t('time.repeated.legend', {
          time: formatTime(reading.earlier.toISOString(), zone),
          day: formatDay(addDays(date, 7 * week)),
        }),
        earlier: t('time.repeated.first', { time: formatTimeAndZone(reading.earlier, zone) }),
        later: t('time.repeated.second', { time: formatTimeAndZone(reading.later, zone) }),
      };
  }
  return null;
}
