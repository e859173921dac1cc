import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ClipSummary, ServerStatus, SyncReport } from '../../../shared/messages';
import { ServerStatusLine } from '../../components/server-status-line';
import { Shell } from '../../components/shell';
import { type ExtensionMessageKey, msg } from '../../lib/i18n';
import { send } from '../../lib/messaging';

const SERVER_LABELS: Record<string, ExtensionMessageKey> = {
  pending: 'clip_state_pending_review',
  'needs-changes': 'clip_state_needs_changes',
  approved: 'clip_state_approved',
  featured: 'clip_state_featured',
  retired: 'clip_state_retired',
  merged: 'clip_state_merged',
};

function clipState(c: ClipSummary): string {
  if (c.outbox === 'failed')
    return msg('clip_state_failed', { reason: c.error ?? msg('clip_state_unknown_reason') });
  if (c.outbox === 'pending') return msg('clip_state_waiting');
  const label = c.serverStatus ? SERVER_LABELS[c.serverStatus] : undefined;
  return label ? msg(label) : (c.serverStatus ?? msg('clip_state_sent'));
}

/** Opens the clip form beside the page: Chrome's side panel, Firefox's sidebar (both need this click). */
async function openSidePanel() {
  const chromeSidePanel = (
    globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }
  ).chrome?.sidePanel;
  if (chromeSidePanel) {
    const win = await browser.windows.getCurrent();
    if (win.id !== undefined) await chromeSidePanel.open({ windowId: win.id });
  } else {
    await (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open();
  }
  window.close();
}

export function PopupApp({
  check = () => send({ type: 'server/check' }),
  clips = () => send({ type: 'clips/list' }),
  sync = () => send({ type: 'sync/now' }),
}: {
  check?: () => Promise<ServerStatus>;
  clips?: () => Promise<ClipSummary[]>;
  sync?: () => Promise<SyncReport>;
}) {
  const [status, setStatus] = useState<ServerStatus | 'checking'>('checking');
  const [items, setItems] = useState<ClipSummary[] | null>(null);
  const [report, setReport] = useState<SyncReport | null>(null);

  const load = () => clips().then(setItems, () => setItems([]));
  useEffect(() => {
    check().then(setStatus, (error: Error) =>
      setStatus({ state: 'unreachable', serverUrl: '', message: error.message }),
    );
    // Opening the popup is a good moment to send what waits.
    sync()
      .then(setReport, () => setReport(null))
      .finally(load);
  }, []);

  const waiting = items?.filter((c) => c.outbox === 'pending').length ?? 0;
  return (
    <Shell title={msg('popup_title')}>
      <div role="status" aria-live="polite">
        <ServerStatusLine status={status} />
        {report?.stopped && <p class="status problem">{report.stopped}</p>}
      </div>
      <p class="muted" data-testid="outbox">
        {waiting === 0
          ? msg('popup_none_waiting')
          : waiting === 1
            ? msg('popup_one_waiting')
            : msg('popup_many_waiting', { count: waiting })}
      </p>
      <h2>{msg('popup_my_clips')}</h2>
      {items && items.length === 0 && <p class="muted">{msg('popup_how')}</p>}
      {items && items.length > 0 && (
        <ul class="clips">
          {items.slice(0, 8).map((c) => (
            <li key={c.clientId}>
              <strong>{c.title}</strong> — <span data-testid="clip-state">{clipState(c)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        {waiting > 0 && (
          <button type="button" onClick={() => sync().then(setReport).finally(load)}>
            {msg('popup_send_now')}
          </button>
        )}{' '}
        <button type="button" class="secondary" onClick={openSidePanel}>
          {msg('popup_side_panel')}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => browser.runtime.openOptionsPage()}>
          {msg('popup_options')}
        </button>
      </p>
    </Shell>
  );
}
