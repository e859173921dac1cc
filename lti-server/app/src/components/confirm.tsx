import { useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { useAskFocus } from '../hooks/use-ask-focus';

/**
 * A button whose action needs a second, explicit yes: the first press shows the question with "Yes" and "No"
 * buttons in its place (focus moves to "Yes"; "No" brings focus back to the original button).
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  cancelLabel = t('common.keep'),
  describedBy,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel?: string;
  describedBy?: string;
  onConfirm: () => Promise<unknown>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const { target: yes, trigger, returnFocus, mounted } = useAskFocus<HTMLButtonElement>(asking);

  if (!asking) {
    return (
      <button
        type="button"
        class="secondary"
        ref={trigger}
        aria-describedby={describedBy}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset class="confirm">
      <legend>{question}</legend>
      <div class="actions">
        <button
          type="button"
          ref={yes}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await onConfirm();
            if (!mounted.current) return;
            setBusy(false);
            setAsking(false);
          }}
        >
          {busy ? t('common.working') : confirmLabel}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
        >
          {cancelLabel}
        </button>
      </div>
    </fieldset>
  );
}
