import { useEffect, useState } from 'preact/hooks';
import type { Device } from '../../../../shared/pairing';
import { confirmPairing, listDevices, revokeDevice } from '../api';

const date = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** Pair the Tasting Menu browser extension with the code it shows, and manage paired browsers. */
export function ExtensionView({ token }: { token: string }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [devices, setDevices] = useState<Device[] | null>(null);

  const load = () => listDevices(token).then((r) => (r.ok ? setDevices(r.data.items) : setError(r.message)));
  useEffect(() => {
    load();
  }, [token]);

  async function pair(e: Event) {
    e.preventDefault();
    setNotice('');
    const r = await confirmPairing(token, code);
    if (r.ok) {
      setError('');
      setCode('');
      setNotice(`Paired: ${r.data.label}. The extension finishes on its own in a few seconds.`);
      setTimeout(load, 3000);
    } else setError(r.fields?.[0]?.message ?? r.message);
  }

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        Browser extension
      </h1>
      <p class="lede">
        Clip strategies from any web page into this menu. Install the Tasting Menu extension, open its
        Options, and type the code it shows here. No password ever goes into the extension.
      </p>
      <form class="card" onSubmit={pair}>
        <div class="field">
          <label for="pair-code">Pairing code</label>
          <p class="hint" id="pair-code-hint">
            8 letters and digits, like ABCD-2345. Codes work for ten minutes.
          </p>
          <input
            id="pair-code"
            value={code}
            autocomplete="off"
            onInput={(e) => setCode((e.target as HTMLInputElement).value)}
            aria-describedby={error ? 'pair-code-hint pair-code-error' : 'pair-code-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
          {error && (
            <p class="error" id="pair-code-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit">Pair this browser</button>
        <p role="status" aria-live="polite">
          {notice}
        </p>
      </form>
      <section class="card" aria-labelledby="devices-h">
        <h2 id="devices-h">Paired browsers</h2>
        {devices && devices.length === 0 && <p>None yet.</p>}
        {devices && devices.length > 0 && (
          <ul class="plain">
            {devices.map((d) => (
              <li key={d.id}>
                <strong>{d.label}</strong> · paired {date(d.createdAt)} ·{' '}
                {d.lastUsedAt ? `last used ${date(d.lastUsedAt)}` : 'not used yet'}{' '}
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Unpair ${d.label}`}
                  onClick={async () => {
                    const r = await revokeDevice(token, d.id);
                    if (r.ok) {
                      setNotice(
                        `Unpaired ${d.label}. Clips it has not sent yet stay in that browser until it is paired again.`,
                      );
                      load();
                    } else setError(r.message);
                  }}
                >
                  Unpair
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
