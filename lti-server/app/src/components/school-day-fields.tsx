import { t } from '../../../../shared/i18n';
import type { Period, SchoolDay } from '../../../../shared/school-day';
import { MAX_PERIODS, WEEKDAYS, type Weekday } from '../../../../shared/school-day';
import { formatWeekday } from '../time';
import { Field } from './fields';
import { TimeZoneField } from './time-zone-field';

/** '08:50' plus 50 minutes is '09:40' (capped at 23:59). */
function later(time: string, minutes: number): string {
  const [h = 8, m = 0] = time.split(':').map(Number);
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The next period a coach adds: after the last one, Monday to Friday, 50 minutes. */
function nextPeriod(periods: Period[]): Period {
  const start = periods.length > 0 ? later(periods[periods.length - 1]!.end, 5) : '08:00';
  return {
    name: t('school-day.period.default-name', { number: periods.length + 1 }),
    weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start,
    end: later(start, 50),
  };
}

/**
 * The school's time zone and weekly bell schedule in Settings: each period's name, start, end and weekdays. The
 * server checks them (start before end, no two periods overlapping on a day); its sentences show under each period
 * (`errors` by path under schoolDay, e.g. `periods.2` or `periods.0.end`).
 */
export function SchoolDayFields({
  value,
  errors,
  onChange,
}: {
  value: SchoolDay;
  errors: Record<string, string>;
  onChange: (schoolDay: SchoolDay) => void;
}) {
  const setPeriod = (i: number, change: Partial<Period>) =>
    onChange({ ...value, periods: value.periods.map((p, j) => (j === i ? { ...p, ...change } : p)) });
  const toggleDay = (i: number, day: Weekday, on: boolean) => {
    const days = value.periods[i]!.weekdays;
    setPeriod(i, {
      weekdays: on ? WEEKDAYS.filter((d) => d === day || days.includes(d)) : days.filter((d) => d !== day),
    });
  };
  const remove = (i: number) => {
    onChange({ ...value, periods: value.periods.filter((_, j) => j !== i) });
    setTimeout(() => document.getElementById('add-period')?.focus(), 0);
  };
  const add = () => {
    onChange({ ...value, periods: [...value.periods, nextPeriod(value.periods)] });
    setTimeout(() => document.getElementById(`period-${value.periods.length}-name`)?.focus(), 0);
  };
  return (
    <fieldset class="card" aria-describedby="school-day-hint">
      <legend>{t('school-day.title')}</legend>
      <p class="hint spaced" id="school-day-hint">
        {t('school-day.hint')}
      </p>
      <TimeZoneField
        id="school-zone"
        label={t('school-day.school-zone')}
        hint={t('school-day.school-zone.hint')}
        value={value.timeZone ?? ''}
        error={errors.timeZone}
        onChange={(zone) => onChange({ ...value, timeZone: zone.trim() === '' ? null : zone })}
      />
      {value.periods.length === 0 && <p>{t('school-day.none')}</p>}
      {value.periods.map((p, i) => {
        const id = `period-${i}`;
        const problem = errors[`periods.${i}`] ?? errors[`periods.${i}.weekdays`];
        return (
          <fieldset class="period" key={i} aria-describedby={problem ? `${id}-error` : undefined}>
            <legend>{p.name.trim() || t('school-day.period.default-name', { number: i + 1 })}</legend>
            <div class="row">
              <Field
                id={`${id}-name`}
                label={t('school-day.period.name')}
                error={errors[`periods.${i}.name`]}
              >
                {(f) => (
                  <input
                    {...f}
                    value={p.name}
                    maxLength={40}
                    onInput={(e) => setPeriod(i, { name: (e.target as HTMLInputElement).value })}
                  />
                )}
              </Field>
              <Field
                id={`${id}-start`}
                label={t('school-day.period.start')}
                error={errors[`periods.${i}.start`]}
              >
                {(f) => (
                  <input
                    {...f}
                    type="time"
                    value={p.start}
                    onInput={(e) => setPeriod(i, { start: (e.target as HTMLInputElement).value })}
                  />
                )}
              </Field>
              <Field id={`${id}-end`} label={t('school-day.period.end')} error={errors[`periods.${i}.end`]}>
                {(f) => (
                  <input
                    {...f}
                    type="time"
                    value={p.end}
                    onInput={(e) => setPeriod(i, { end: (e.target as HTMLInputElement).value })}
                  />
                )}
              </Field>
            </div>
            <fieldset class="weekdays">
              <legend>{t('school-day.period.days')}</legend>
              {WEEKDAYS.map((day) => (
                <span class="check inline" key={day}>
                  <input
                    type="checkbox"
                    id={`${id}-${day}`}
                    checked={p.weekdays.includes(day)}
                    onChange={(e) => toggleDay(i, day, (e.target as HTMLInputElement).checked)}
                  />
                  <label for={`${id}-${day}`} title={formatWeekday(day, 'long')}>
                    {formatWeekday(day, 'short')}
                  </label>
                </span>
              ))}
            </fieldset>
            {problem && (
              <p class="error" id={`${id}-error`}>
                {problem}
              </p>
            )}
            <button
              type="button"
              class="secondary"
              aria-label={
                p.name.trim()
                  ? t('school-day.period.remove-named', { name: p.name.trim() })
                  : t('school-day.period.remove-number', { number: i + 1 })
              }
              onClick={() => remove(i)}
            >
              {t('school-day.period.remove')}
            </button>
          </fieldset>
        );
      })}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          id="add-period"
          disabled={value.periods.length >= MAX_PERIODS}
          onClick={add}
        >
          {t('school-day.period.add')}
        </button>
      </div>
    </fieldset>
  );
}
