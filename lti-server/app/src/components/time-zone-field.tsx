import { t } from '../../../../shared/i18n';
import { isTimeZone } from '../../../../shared/zoned-time';
import { timeZones } from '../time';
import { Field } from './fields';

/**
 * Zones whose name holds what is typed ("new york" finds America/New_York), every zone while nothing is typed: the
 * browser filters a datalist too, but a short list keeps the page light.
 */
export function matchingZones(typed: string, ensure: string): string[] {
  const all = timeZones(ensure);
  const words = typed
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
  if (!words) return all;
  return all.filter((z) => z.toLowerCase().replace(/_/g, ' ').includes(words));
}

/**
 * A searchable time zone: a text box with the browser's IANA zones as suggestions (type "Chicago" to narrow the
 * list), instead of a flat list of some 400. `schoolZone` is offered as a one-press way back to the school's clock.
 */
export function TimeZoneField({
  id = 'timeZone',
  label = t('school-day.zone'),
  hint,
  value,
  error,
  schoolZone,
  onChange,
}: {
  id?: string;
  label?: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  schoolZone?: string | null | undefined;
  onChange: (zone: string) => void;
}) {
  const typed = value.trim();
  const shown = error ?? (typed && !isTimeZone(typed) ? t('school-day.zone.invalid') : undefined);
  const fullHint = hint ? t('school-day.zone.hint', { hint }) : t('school-day.zone.search');
  return (
    <Field id={id} label={label} hint={fullHint} error={shown}>
      {(p) => (
        <div class="zone-picker">
          <input
            {...p}
            type="text"
            list={`${id}-list`}
            autoComplete="off"
            spellcheck={false}
            value={value}
            onInput={(e) => onChange((e.target as HTMLInputElement).value)}
          />
          <datalist id={`${id}-list`}>
            {matchingZones(value, schoolZone ?? value).map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {schoolZone && schoolZone !== value && (
            <button type="button" class="secondary" onClick={() => onChange(schoolZone)}>
              {t('school-day.zone.use-school', { zone: schoolZone })}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
