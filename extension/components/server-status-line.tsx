import type { ServerStatus } from '../../shared/messages';
import { msg } from '../lib/i18n';

/** One line that says whether the extension can talk to the school's Tasting Menu server, and what to do if not. */
export function ServerStatusLine({ status }: { status: ServerStatus | 'checking' }) {
  if (status === 'checking') return <p class="status">{msg('status_checking')}</p>;
  if (status.state === 'connected') {
    return (
      <p class="status ok" data-state="connected">
        <span aria-hidden="true">● </span>
        {msg('status_connected', { server: status.serverUrl, version: status.version })}
      </p>
    );
  }
  return (
    <p class="status problem" data-state="unreachable">
      <span aria-hidden="true">● </span>
      {msg('status_problem', { server: status.serverUrl, message: status.message })}
    </p>
  );
}
