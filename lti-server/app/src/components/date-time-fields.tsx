import type { ComponentChildren } from 'preact';
import { t } from '../../../../shared/i18n';
import type { SchoolDay } from '../../../../shared/school-day';
import type { Occurrence } from '../../../../shared/zoned-time';
import type { OccurrenceChoice } from '../time';
import { Field, OccurrenceField } from './fields';
import { PeriodField } from './period-field';
import { TimeZoneField } from './time-zone-field';

/** The when of a door or a round, as its form holds it: wall-clock date and time on a named zone's clock. */
export interface DateTime {
  date: string;
  start: string;
  timeZone: string;
  /** Which one, when the start happens twice (the night the clocks go back); '' until the person picks. */
  occurrence: Occurrence | '';
}

/**
 * Date, the period (when the school has a bell schedule), start time and time zone, and (while `asking`) the choice
 * between the two readings of a start the clocks show twice. `children` join the date and time on their row (e.g.
 * the door's length); `notice` says, before sending, that the time is outside the school day.
 */
export function DateTimeFields({
  value,
  errors,
  onChange,
  choice,
  asking,
  zoneHint,
  schoolDay,
  notice,
  children,
}: {
  value: DateTime;
  errors: Record<string, string>;
  onChange: (change: Partial<DateTime>) => void;
  choice: OccurrenceChoice | null;
  asking: boolean;
  zoneHint?: string;
  schoolDay?: SchoolDay | null;
  notice?: string;
  children?: ComponentChildren;
}) {
  const text = (key: 'date' | 'start') => (e: Event) =>
    onChange({ [key]: (e.target as HTMLInputElement).value });
  return (
    <>
      <div class="row">
        <Field id="date" label={t('date-time.date')} error={errors.date}>
          {(p) => <input {...p} type="date" value={value.date} onInput={text('date')} required />}
        </Field>
        {schoolDay && schoolDay.periods.length > 0 && (
          <PeriodField
            schoolDay={schoolDay}
            date={value.date}
            start={value.start}
            timeZone={value.timeZone}
            onPick={onChange}
          />
        )}
        <Field id="start" label={t('date-time.start')} error={errors.start}>
          {(p) => <input {...p} type="time" value={value.start} onInput={text('start')} required />}
        </Field>
        {children}
      </div>
      {schoolDay && schoolDay.periods.length > 0 && (
        <p class="hint" role="status">
          {notice}
        </p>
      )}
      <TimeZoneField
        hint={zoneHint}
        value={value.timeZone}
        error={errors.timeZone}
        schoolZone={schoolDay?.timeZone}
        onChange={(timeZone) => onChange({ timeZone })}
      />
      {asking && (
        <OccurrenceField
          choice={choice}
          value={value.occurrence}
          onChange={(occurrence) => onChange({ occurrence })}
          error={errors.occurrence}
        />
      )}
    </>
  );
}
