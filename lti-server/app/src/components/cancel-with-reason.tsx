import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_CANCEL_REASON } from '../../../../shared/visits';
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
  const field = useRef<HTMLTextAreaElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const mounted = useRef(true);
  const id = `${idPrefix}-reason`;

  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    if (asking) field.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);

  if (!asking)
    return (
      <button
        type="button"
        class="secondary"
        ref={trigger}
        aria-describedby={describedBy}
        onClick={() => setAsking(true)}
      >
        Cancel this visit
      </button>
    );

  async function submit(e: Event) {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Say briefly why, for the coach who planned the round.');
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
          label="Why are you canceling?"
          hint={`The coach who planned the round reads this. A few words, no names (at most ${MAX_CANCEL_REASON} characters).`}
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
            {busy ? 'Working…' : 'Yes, cancel my visit'}
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
            No, keep my visit
          </button>
        </div>
      </fieldset>
    </form>
  );
}
