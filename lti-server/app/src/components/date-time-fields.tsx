import type { ComponentChildren } from 'preact';
import type { Occurrence } from '../../../../shared/zoned-time';
import { type OccurrenceChoice, timeZones } from '../time';
import { Field, OccurrenceField } from './fields';

/** The when of a door or a round, as its form holds it: wall-clock date and time on a named zone's clock. */
export interface DateTime {
  date: string;
  start: string;
  timeZone: string;
  /** Which one, when the start happens twice (the night the clocks go back); '' until the person picks. */
  occurrence: Occurrence | '';
}

/**
 * Date, start time and time zone, and (while `asking`) the choice between the two readings of a start the clocks
 * show twice. `children` join the date and time on their row (e.g. the door's length).
 */
export function DateTimeFields({
  value,
  errors,
  onChange,
  choice,
  asking,
  zoneHint,
  children,
}: {
  value: DateTime;
  errors: Record<string, string>;
  onChange: (change: Partial<DateTime>) => void;
  choice: OccurrenceChoice | null;
  asking: boolean;
  zoneHint?: string;
  children?: ComponentChildren;
}) {
  const text = (key: 'date' | 'start' | 'timeZone') => (e: Event) =>
    onChange({ [key]: (e.target as HTMLInputElement).value });
  return (
    <>
      <div class="row">
        <Field id="date" label="Date" error={errors.date}>
          {(p) => <input {...p} type="date" value={value.date} onInput={text('date')} required />}
        </Field>
        <Field id="start" label="Start time" error={errors.start}>
          {(p) => <input {...p} type="time" value={value.start} onInput={text('start')} required />}
        </Field>
        {children}
      </div>
      <Field id="timeZone" label="Time zone" hint={zoneHint} error={errors.timeZone}>
        {(p) => (
          <select {...p} value={value.timeZone} onChange={text('timeZone')}>
            {timeZones(value.timeZone).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </Field>
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
