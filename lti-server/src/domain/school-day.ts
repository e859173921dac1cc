import { type ErrorText, renderWords, UnprocessableError } from '../../../shared/errors';
import {
  bellsOf,
  CONFIRM_OUTSIDE,
  type Outside,
  type Period,
  periodsOn,
  placeInSchoolDay,
  type SchoolDay,
  type Weekday,
  weekdayOf,
  weekdayWords,
} from '../../../shared/school-day';
import { utcToZoned } from '../../../shared/zoned-time';
import type { Actor } from './actor';
import { settingsOf } from './settings';

/**
 * The school's time zone and bell schedule, for every staff member: the door and round forms offer its periods.
 * Not a policy (docs/permissions.md): it says nothing about anyone, and coaches alone change it (settings.update).
 */
export async function schoolDayOf(actor: Actor): Promise<SchoolDay> {
  return (await settingsOf(actor.scope)).schoolDay;
}

/**
 * Refuses times on a day without periods, or before the first bell or after the last, unless the person confirmed
 * them (`confirmed`): 422 OUTSIDE_SCHOOL_DAY, with each reason once, so the form can ask and send again. The bells
 * are read on the school's clock (`fallbackZone`, the time's own zone, until the school has one). Without a bell
 * schedule nothing is known and nothing is refused.
 */
export function requireSchoolDay(
  schoolDay: SchoolDay,
  fallbackZone: string,
  ranges: Array<{ start: Date; end: Date }>,
  confirmed: boolean,
): void {
  if (confirmed || schoolDay.periods.length === 0) return;
  const zone = schoolDay.timeZone ?? fallbackZone;
  const reasons = new Map<string, ErrorText>();
  for (const { start, end } of ranges) {
    const placed = placeInSchoolDay(schoolDay.periods, zone, start, end);
    if ('outside' in placed && CONFIRM_OUTSIDE.has(placed.outside)) {
      const weekday = weekdayOf(utcToZoned(start, zone).date);
      const reason = outsideWords(placed.outside, weekday, schoolDay.periods);
      reasons.set(renderWords(reason, 'en'), reason);
    }
  }
  if (reasons.size === 0) return;
  const message: ErrorText = {
    key: ranges.length > 1 ? 'errors.school-day.outside-weekly' : 'errors.school-day.outside',
    params: { count: ranges.length, reasons: { items: [...reasons.values()], separator: ' ' } },
  };
  throw new UnprocessableError('OUTSIDE_SCHOOL_DAY', message, [{ path: 'confirmOutsideSchoolDay', message }]);
}

/** Why a time is outside the school day, in the asker's language (the app says it before sending: period-field.tsx). */
function outsideWords(outside: Outside, weekday: Weekday, periods: Period[]): ErrorText {
  const today = periodsOn(periods, weekday);
  const day = weekdayWords(weekday, 'long');
  if (outside === 'weekend' || today.length === 0)
    return { key: 'errors.school-day.no-school', params: { day } };
  const { first, last } = bellsOf(today);
  if (outside === 'before') return { key: 'errors.school-day.before', params: { day, first } };
  if (outside === 'after') return { key: 'errors.school-day.after', params: { day, last } };
  return { key: 'errors.school-day.between', params: { day } };
}
