import { useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { MAX_CANCEL_REASON } from '../../../../shared/visits';
import { useAskFocus } from '../hooks/use-ask-focus';
import { Field } from './fields';

/**
 * "Cancel this visit" for a round visit: the group is one short, so the visitor says briefly why, for the coach who
 * planned the round. The first press opens the question with a required reason (focus moves to it); "No, keep my
 * visit" brings focus back to the button. `onCancel` answers an error to show under the reason, or null when done.
 */
export function CancelWithReason({
  question,
  describedBy,
  idPrefix,
  onCancel,
}: {
  question: string;
  describedBy?: string;
  /** Unique per visit on the page, for the reason field's id. */
  idPrefix: string;
  onCancel: (reason: string) => Promise<string | null>;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const { target: field, trigger, returnFocus, mounted } = useAskFocus<HTMLTextAreaElement>(asking);
  const id = `${idPrefix}-reason`;

  if (!asking)
    return (
      <button
        type="button"
        class="secondary"
        ref={trigger}
        aria-describedby={describedBy}
        onClick={() => setAsking(true)}
      >
        {t('visits.cancel')}
      </button>
    );

  async function submit(e: Event) {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('visits.cancel-round.reason.missing'));
      field.current?.focus();
      return;
    }
    setBusy(true);
    const problem = await onCancel(reason.trim());
    if (!mounted.current) return;
    setBusy(false);
    if (problem) {
      setError(problem);
      field.current?.focus();
    }
  }

  return (
    <form class="confirm-form" onSubmit={submit} noValidate>
      <fieldset class="confirm">
        <legend>{question}</legend>
        <Field
          id={id}
          label={t('visits.cancel-round.reason')}
          hint={t('visits.cancel-round.reason.hint', { max: MAX_CANCEL_REASON })}
          error={error || undefined}
        >
          {(p) => (
            <textarea
              {...p}
              ref={field}
              rows={2}
              required
              aria-required="true"
              maxLength={MAX_CANCEL_REASON}
              value={reason}
              onInput={(e) => {
                setReason((e.target as HTMLTextAreaElement).value);
                if (error) setError('');
              }}
            />
          )}
        </Field>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('common.working') : t('visits.cancel.confirm')}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              returnFocus.current = true;
              setError('');
              setAsking(false);
            }}
          >
            {t('visits.cancel.keep')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
