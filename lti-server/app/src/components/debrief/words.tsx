import { useState } from 'preact/hooks';
import { t } from '../../../../../shared/i18n';
import type { ApiResult, Debrief } from '../../api';
import { Field } from '../fields';
import type { WordsField } from './phases';

/** The prediction or the next level of work: a text box for the facilitator in its phase, read-only otherwise. */
export function Words({
  field,
  heading,
  label,
  hint,
  saveLabel,
  saved,
  value,
  draft,
  editable,
  onDraft,
  onSave,
}: {
  field: WordsField;
  heading: string;
  label: string;
  hint: string;
  saveLabel: string;
  saved: string;
  value: string | null;
  draft: string | null;
  editable: boolean;
  onDraft: (text: string) => void;
  onSave: (field: WordsField, text: string) => Promise<ApiResult<Debrief>>;
}) {
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const headingId = `${field}-h`;
  const text = draft ?? value ?? '';

  async function save() {
    setBusy(true);
    const r = await onSave(field, text);
    setBusy(false);
    if (r.ok) {
      setError('');
      setStatus(saved);
    } else {
      setStatus('');
      setError(r.fields?.find((f) => f.path === field)?.message ?? r.message);
    }
  }

  return (
    <section class="card words" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {editable ? (
        <>
          <Field id={`debrief-${field}`} label={label} hint={hint} error={error}>
            {(props) => (
              <textarea
                {...props}
                rows={4}
                maxLength={2000}
                value={text}
                onInput={(e) => {
                  setStatus('');
                  onDraft((e.target as HTMLTextAreaElement).value);
                }}
              />
            )}
          </Field>
          <div class="actions">
            <button type="button" disabled={busy} onClick={save}>
              {saveLabel}
            </button>
          </div>
          <p role="status" aria-live="polite" class="hint">
            {status}
          </p>
        </>
      ) : value ? (
        <p class="words-text">{value}</p>
      ) : (
        <p class="muted">{t('debrief.not-written')}</p>
      )}
    </section>
  );
}
