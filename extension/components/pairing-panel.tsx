import { useEffect, useState } from 'preact/hooks';
import type { PairingStatus } from '../../shared/messages';
import { send } from '../lib/messaging';

/** Pairs this browser with the teacher's account: show a code, the teacher types it in the LMS, done. */
export function PairingPanel({ poll = 2000 }: { poll?: number }) {
  const [status, setStatus] = useState<PairingStatus | null>(null);
  const [error, setError] = useState('');

  const refresh = () =>
    send({ type: 'pairing/status' }).then(
      (s) => {
        setStatus(s);
        setError('');
      },
      (e: Error) => setError(e.message),
    );

  useEffect(() => {
    refresh();
  }, []);

  useEffect(() => {
    if (status?.state !== 'waiting') return;
    const t = setInterval(refresh, poll);
    return () => clearInterval(t);
  }, [status?.state, poll]);

  return (
    <section aria-labelledby="pairing-h">
      <h2 id="pairing-h">Pairing</h2>
      <div role="status" aria-live="polite">
        {status?.state === 'paired' && (
          <p class="status ok">
            Paired as {status.person} ({status.network}).
          </p>
        )}
        {status?.state === 'waiting' && (
          <div class="status">
            <p>
              In your LMS, open <strong>Tasting Menu → Browser extension</strong> and type this code:
            </p>
            <p class="code" data-testid="pairing-code">
              {status.code}
            </p>
            <p class="muted">Waiting for you to type it… (the code works for ten minutes)</p>
          </div>
        )}
        {status?.state === 'unpaired' && (
          <p>Not paired yet: clips are kept in this browser until you pair it.</p>
        )}
        {error && <p class="status problem">{error}</p>}
      </div>
      {status?.state === 'paired' ? (
        <button
          type="button"
          class="secondary"
          onClick={() => send({ type: 'pairing/forget' }).then(setStatus)}
        >
          Unpair this browser
        </button>
      ) : (
        <button
          type="button"
          onClick={() =>
            send({ type: 'pairing/start' }).then(
              (s) => {
                setStatus(s);
                setError('');
              },
              (e: Error) => setError(`Could not start pairing: ${e.message}`),
            )
          }
        >
          {status?.state === 'waiting' ? 'Get a new code' : 'Pair with Tasting Menu'}
        </button>
      )}
    </section>
  );
}
