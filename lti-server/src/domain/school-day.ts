import { UnprocessableError } from '../../../shared/errors';
import {
  CONFIRM_OUTSIDE,
  outsideSentence,
  placeInSchoolDay,
  type SchoolDay,
  weekdayOf,
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
  const reasons = new Set<string>();
  for (const { start, end } of ranges) {
    const placed = placeInSchoolDay(schoolDay.periods, zone, start, end);
    if ('outside' in placed && CONFIRM_OUTSIDE.has(placed.outside)) {
      const weekday = weekdayOf(utcToZoned(start, zone).date);
      reasons.add(outsideSentence(placed.outside, weekday, schoolDay.periods));
    }
  }
  if (reasons.size === 0) return;
  const weeks = ranges.length > 1 ? ` (${ranges.length} weekly dates checked)` : '';
  const message = `This time is outside the school day${weeks}: ${[...reasons].join(' ')} Confirm to keep it.`;
  throw new UnprocessableError('OUTSIDE_SCHOOL_DAY', message, [{ path: 'confirmOutsideSchoolDay', message }]);
}
