import {
  CONFIRM_OUTSIDE,
  outsideSentence,
  periodLabel,
  periodsOn,
  placeInSchoolDay,
  type SchoolDay,
  weekdayOf,
  WEEKDAY_NAMES,
} from '../../../../shared/school-day';
import { readLocalTime, utcToZoned } from '../../../../shared/zoned-time';
import { Field } from './fields';

/** The school's clock: its own zone, or the form's until the school has one. */
const clockOf = (schoolDay: SchoolDay, formZone: string) => schoolDay.timeZone ?? formZone;

/**
 * The periods of the chosen date's weekday ("Period 3, Tue 10:05–10:55"), and free time. Picking a period sets the
 * start to its first bell on the school's clock; a start typed inside a period shows that period.
 */
export function PeriodField({
  schoolDay,
  date,
  start,
  timeZone,
  onPick,
}: {
  schoolDay: SchoolDay;
  date: string;
  start: string;
  timeZone: string;
  onPick: (change: { start: string; timeZone: string }) => void;
}) {
  const zone = clockOf(schoolDay, timeZone);
  const weekday = /^\d{4}-\d{2}-\d{2}$/.test(date) ? weekdayOf(date) : null;
  const today = weekday ? periodsOn(schoolDay.periods, weekday) : [];
  const current = zone === timeZone ? today.findIndex((p) => p.start <= start && start < p.end) : -1;
  const hint = !weekday
    ? 'Choose a date to see its periods.'
    : today.length === 0
      ? `No periods on ${WEEKDAY_NAMES[weekday].long} in the bell schedule: type a start time.`
      : `The bell schedule for ${WEEKDAY_NAMES[weekday].long}, on the school’s clock (${zone}). Free time: type a start.`;
  return (
    <Field id="period" label="Period" hint={hint}>
      {(p) => (
        <select
          {...p}
          value={current >= 0 ? String(current) : ''}
          disabled={today.length === 0}
          onChange={(e) => {
            const picked = today[Number((e.target as HTMLSelectElement).value)];
            if ((e.target as HTMLSelectElement).value !== '' && picked)
              onPick({ start: picked.start, timeZone: zone });
          }}
        >
          <option value="">Free time</option>
          {weekday &&
            today.map((period, i) => (
              <option key={`${period.name}-${period.start}`} value={String(i)}>
                {periodLabel(period, weekday)}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Said before sending, so nobody is surprised by the question: the time is on a day without periods, before the
 * first bell or after the last. Empty when it is inside the school day, or nothing is known yet.
 */
export function outsideNotice(
  schoolDay: SchoolDay | null,
  form: { date: string; start: string; timeZone: string },
  minutes: number,
): string {
  if (!schoolDay || schoolDay.periods.length === 0) return '';
  let reading: ReturnType<typeof readLocalTime>;
  try {
    reading = readLocalTime(form.date, form.start, form.timeZone);
  } catch {
    return ''; // a date, time or zone still being typed
  }
  const start =
    reading.kind === 'unique' ? reading.instant : reading.kind === 'repeated' ? reading.earlier : null;
  if (!start) return '';
  const length = Number.isFinite(minutes) && minutes > 0 ? minutes : 10;
  const zone = clockOf(schoolDay, form.timeZone);
  const placed = placeInSchoolDay(
    schoolDay.periods,
    zone,
    start,
    new Date(start.getTime() + length * 60_000),
  );
  if (!('outside' in placed) || !CONFIRM_OUTSIDE.has(placed.outside)) return '';
  const weekday = weekdayOf(utcToZoned(start, zone).date);
  return `${outsideSentence(placed.outside, weekday, schoolDay.periods)} You will be asked to confirm.`;
}
