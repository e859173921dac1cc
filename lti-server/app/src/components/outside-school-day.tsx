import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../../shared/i18n';

/**
 * The server's question about a time outside the school day (a weekend, before the first bell or after the last):
 * "Keep this time" sends the form again with the confirmation; "Change the time" goes back to the date. Focus moves
 * to the first answer, so the question is read out.
 */
export function OutsideSchoolDayPrompt({
  message,
  busy,
  onConfirm,
  onChange,
}: {
  message: string;
  busy: boolean;
  onConfirm: () => void;
  onChange: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <fieldset class="card attention confirm">
      <legend>{message}</legend>
      <div class="actions">
        <button type="button" ref={keep} disabled={busy} onClick={onConfirm}>
          {t(busy ? 'common.saving' : 'school-day.outside.keep')}
        </button>
        <button type="button" class="secondary" onClick={onChange}>
          {t('school-day.outside.change')}
        </button>
      </div>
    </fieldset>
  );
}
