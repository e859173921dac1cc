import { useEffect, useState } from 'preact/hooks';
import { normaliseServerUrl, type ServerStatus } from '../../../shared/messages';
import { DefaultTags } from '../../components/default-tags';
import { PairingPanel } from '../../components/pairing-panel';
import { ServerStatusLine } from '../../components/server-status-line';
import { Shell } from '../../components/shell';
import { msg } from '../../lib/i18n';
import { send } from '../../lib/messaging';
import { SERVER_URL_PROBLEMS } from '../../lib/server-url-words';
import { DEFAULT_SERVER_URL } from '../../lib/settings';

export function OptionsApp() {
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState<ServerStatus | 'checking' | null>(null);
  // The server the extension talks to: its privacy page says what it keeps.
  const [server, setServer] = useState(DEFAULT_SERVER_URL);

  useEffect(() => {
    // The saved address arrives a moment later; it must not replace what the teacher has started typing.
    send({ type: 'settings/get' }).then((s) => {
      setUrl((typed) => typed || (s.serverUrl ?? DEFAULT_SERVER_URL));
      setServer(s.serverUrl ?? DEFAULT_SERVER_URL);
    });
  }, []);

  async function save(e: Event) {
    e.preventDefault();
    const checked = normaliseServerUrl(url);
    if (!checked.ok) {
      setError(msg(SERVER_URL_PROBLEMS[checked.problem]));
      return;
    }
    setError('');
    try {
      await send({ type: 'settings/set-server', serverUrl: checked.url });
      setUrl(checked.url);
      setServer(checked.url);
      setStatus('checking');
      setStatus(await send({ type: 'server/check' }));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <Shell title={msg('options_title')}>
      <form onSubmit={save} noValidate>
        <div class="field">
          <label for="server-url">{msg('options_server_label')}</label>
          <p class="hint" id="server-url-hint">
            {msg('options_server_hint')}
          </p>
          <input
            id="server-url"
            type="url"
            value={url}
            onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
            aria-describedby={error ? 'server-url-hint server-url-error' : 'server-url-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
          {error && (
            <p class="error" id="server-url-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit">{msg('options_save')}</button>
      </form>
      <div role="status" aria-live="polite">
        {status && <ServerStatusLine status={status} />}
      </div>
      <PairingPanel />
      <DefaultTags />
      <section aria-labelledby="privacy-h">
        <h2 id="privacy-h">{msg('options_privacy_title')}</h2>
        <p>{msg('options_privacy')}</p>
        <p>
          <a href={`${server}/privacy`} target="_blank" rel="noreferrer">
            {msg('options_privacy_link')}
          </a>
        </p>
      </section>
    </Shell>
  );
}
