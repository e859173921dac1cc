import { useEffect, useState } from 'preact/hooks';
import { normaliseServerUrl, type ServerStatus } from '../../../shared/messages';
import { DefaultTags } from '../../components/default-tags';
import { PairingPanel } from '../../components/pairing-panel';
import { ServerStatusLine } from '../../components/server-status-line';
import { Shell } from '../../components/shell';
import { send } from '../../lib/messaging';
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
      setError(checked.message);
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
    <Shell title="Tasting Menu options">
      <form onSubmit={save} noValidate>
        <div class="field">
          <label for="server-url">Your school's Tasting Menu address</label>
          <p class="hint" id="server-url-hint">
            Your LMS administrator or coach can tell you, e.g. tasting-menu.your-school.org (https:// is added
            for you; localhost:3000 for a server on this computer gets http://)
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
        <button type="submit">Save and check</button>
      </form>
      <div role="status" aria-live="polite">
        {status && <ServerStatusLine status={status} />}
      </div>
      <PairingPanel />
      <DefaultTags />
      <section aria-labelledby="privacy-h">
        <h2 id="privacy-h">Privacy</h2>
        <p>
          This browser keeps your settings, the pairing token and the clips you save; clips go only to your
          school's Tasting Menu server. A page is read only when you clip from it or open the side panel
          beside it.
        </p>
        <p>
          <a href={`${server}/privacy`} target="_blank" rel="noreferrer">
            What Tasting Menu stores, for how long, and who can read it
          </a>
        </p>
      </section>
    </Shell>
  );
}
