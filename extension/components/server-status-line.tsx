import type { ServerStatus } from '../../shared/messages';

/** One line that says whether the extension can talk to the school's Tasting Menu server, and what to do if not. */
export function ServerStatusLine({ status }: { status: ServerStatus | 'checking' }) {
  if (status === 'checking') return <p class="status">Checking the connection…</p>;
  if (status.state === 'connected') {
    return (
      <p class="status ok" data-state="connected">
        <span aria-hidden="true">● </span>Connected to {status.serverUrl} (version {status.version})
      </p>
    );
  }
  return (
    <p class="status problem" data-state="unreachable">
      <span aria-hidden="true">● </span>
      {status.serverUrl}: {status.message}
    </p>
  );
}
