import { type MessageKey, t } from '../../../../shared/i18n';
import {
  CONFIRM_OUTSIDE,
  type Outside,
  type Period,
  periodsOn,
  placeInSchoolDay,
  type SchoolDay,
  type Weekday,
  weekdayOf,
} from '../../../../shared/school-day';
import { readLocalTime, utcToZoned } from '../../../../shared/zoned-time';
import { formatWeekday } from '../time';
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
    ? t('school-day.period.hint.no-date')
    : today.length === 0
      ? t('school-day.period.hint.none', { day: formatWeekday(weekday, 'long') })
      : t('school-day.period.hint', { day: formatWeekday(weekday, 'long'), zone });
  return (
    <Field id="period" label={t('school-day.period')} hint={hint}>
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
          <option value="">{t('school-day.period.free')}</option>
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

/** "Period 3, Tue 10:05–10:55". */
function periodLabel(period: Period, weekday: Weekday): string {
  return t('school-day.period.option', {
    name: period.name,
    day: formatWeekday(weekday, 'short'),
    start: period.start,
    end: period.end,
  });
}

/** Why a time is outside the school day, for each outside a person confirms. */
const OUTSIDE_KEYS: Record<Exclude<Outside, 'between'>, MessageKey> = {
  weekend: 'school-day.outside.weekend',
  before: 'school-day.outside.before',
  after: 'school-day.outside.after',
};

/** The sentence said before sending, on the school's clock: the day's first bell or last one when they matter. */
function outsideSentence(outside: Exclude<Outside, 'between'>, weekday: Weekday, periods: Period[]): string {
  const today = periodsOn(periods, weekday);
  const day = formatWeekday(weekday, 'long');
  if (outside === 'weekend' || today.length === 0) return t(OUTSIDE_KEYS.weekend, { day });
  const time = outside === 'before' ? today[0]!.start : today.map((p) => p.end).sort()[today.length - 1]!;
  return t(OUTSIDE_KEYS[outside], { day, time });
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
  if (!('outside' in placed) || placed.outside === 'between' || !CONFIRM_OUTSIDE.has(placed.outside))
    return '';
  const weekday = weekdayOf(utcToZoned(start, zone).date);
  return outsideSentence(placed.outside, weekday, schoolDay.periods);
}
