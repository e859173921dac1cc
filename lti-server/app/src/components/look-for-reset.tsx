import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { type RoundHosting, resetHostLookFor } from '../api';
import type { Notice } from './notice-line';

/**
 * "Use the round's look-for again", for a host who chose their own look-fors in a round: their choice is forgotten and
 * their slots that have not started carry the round's look-for again. Shown only while the choice can still change.
 * Once done, the button gives way to a line saying so, which takes the focus (the button is gone).
 */
export function LookForReset({
  token,
  hosting,
  onReset,
  onNotice,
}: {
  token: string;
  hosting: RoundHosting;
  onReset: (h: RoundHosting) => void;
  onNotice: (n: Notice) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) line.current?.focus();
  }, [done]);
  if (!hosting.canChoose) return null;
  if (!hosting.choice)
    return done ? (
      <p class="hint" tabIndex={-1} ref={line} data-testid="look-for-reset-done">
        {t('round-host.back-to-round.done')}
      </p>
    ) : null;
  return (
    <p>
      <button
        type="button"
        class="secondary"
        disabled={busy}
        aria-describedby="look-for-reset-hint"
        onClick={async () => {
          setBusy(true);
          setDone(false);
          const r = await resetHostLookFor(token, hosting.round.id);
          setBusy(false);
          if (!r.ok) return onNotice({ kind: 'error', text: r.message });
          onReset(r.data);
          setDone(true);
        }}
      >
        {busy ? t('common.working') : t('round-host.back-to-round')}
      </button>{' '}
      <span class="hint" id="look-for-reset-hint">
        {t('round-host.back-to-round.hint')}
      </span>
    </p>
  );
}
