import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';

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
  const yes = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const mounted = useRef(true);

  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);

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
