import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ServerStatus } from '../../../shared/messages';
import { ServerStatusLine } from '../../components/server-status-line';
import { Shell } from '../../components/shell';
import { send } from '../../lib/messaging';
import { outboxRepository } from '../../lib/outbox-repository';

export function PopupApp({
  check = () => send({ type: 'server/check' }),
  pending = () => outboxRepository().countPending(),
}) {
  const [status, setStatus] = useState<ServerStatus | 'checking'>('checking');
  const [waiting, setWaiting] = useState<number | null>(null);

  useEffect(() => {
    check().then(setStatus, (error: Error) =>
      setStatus({ state: 'unreachable', serverUrl: '', message: error.message }),
    );
    pending().then(setWaiting, () => setWaiting(null));
  }, [check, pending]);

  return (
    <Shell title="Tasting Menu">
      <div role="status" aria-live="polite">
        <ServerStatusLine status={status} />
      </div>
      {waiting !== null && (
        <p class="muted" data-testid="outbox">
          {waiting === 0
            ? 'No clips waiting to be sent.'
            : `${waiting} clip${waiting === 1 ? '' : 's'} waiting to be sent.`}
        </p>
      )}
      <button type="button" class="secondary" onClick={() => browser.runtime.openOptionsPage()}>
        Options
      </button>
    </Shell>
  );
}
