import { useEffect, useState } from 'preact/hooks';
import type { PairingStatus } from '../../shared/messages';
import { msg } from '../lib/i18n';
import { send } from '../lib/messaging';
import { Trans } from './trans';

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
      <h2 id="pairing-h">{msg('pairing_title')}</h2>
      <div role="status" aria-live="polite">
        {status?.state === 'paired' && (
          <p class="status ok">{msg('pairing_paired', { person: status.person, network: status.network })}</p>
        )}
        {status?.state === 'waiting' && (
          <div class="status">
            <p>
              <Trans
                text={msg('pairing_instructions')}
                parts={{ strong: (text) => <strong>{text}</strong> }}
              />
            </p>
            <p class="code" data-testid="pairing-code">
              {status.code}
            </p>
            <p class="muted">{msg('pairing_waiting')}</p>
          </div>
        )}
        {status?.state === 'unpaired' && <p>{msg('pairing_unpaired')}</p>}
        {error && <p class="status problem">{error}</p>}
      </div>
      {status?.state === 'paired' ? (
        <button
          type="button"
          class="secondary"
          onClick={() => send({ type: 'pairing/forget' }).then(setStatus)}
        >
          {msg('pairing_unpair')}
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
              (e: Error) => setError(msg('pairing_failed', { message: e.message })),
            )
          }
        >
          {msg(status?.state === 'waiting' ? 'pairing_new_code' : 'pairing_start')}
        </button>
      )}
    </section>
  );
}
