import { useEffect, useState } from 'preact/hooks';
import type { Device } from '../../../../shared/pairing';
import { confirmPairing, listDevices, revokeDevice } from '../api';

const date = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/**
 * After a code is confirmed the extension claims its token on its next check (every 2 s while its Options page shows
 * the code), and only then is it a paired browser: the list is read again after these waits (about 80 s in all)
 * until a new browser appears, and whenever the page comes back into view.
 */
export const PAIRING_POLL_MS = [500, 1000, 2000, 3000, 5000, 8000, 13000, 20000, 30000];

/** Pair the Tasting Menu browser extension with the code it shows, and manage paired browsers. */
export function ExtensionView({ token, pollMs = PAIRING_POLL_MS }: { token: string; pollMs?: number[] }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [devices, setDevices] = useState<Device[] | null>(null);
  /** While a confirmed browser has not claimed its token yet: its label and the browsers paired before it. */
  const [waiting, setWaiting] = useState<{ label: string; known: Set<string> } | null>(null);

  const load = () =>
    listDevices(token).then((r) => {
      if (!r.ok) {
        setError(r.message);
        return [];
      }
      setDevices(r.data.items);
      return r.data.items;
    });
  useEffect(() => {
    load();
  }, [token]);

  // Back in view (another tab, the extension's window): the list may have changed meanwhile.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [token]);

  // Polls with growing waits while a confirmed browser is expected; stops as soon as it is in the list.
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    let step = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      if (!live) return;
      const wait = pollMs[step++];
      if (wait === undefined) {
        setWaiting(null);
        setNotice(
          `${waiting.label} has not finished pairing yet. Open the extension's Options page; this list updates when you come back here.`,
        );
        return;
      }
      timer = setTimeout(async () => {
        const items = await load();
        // Found: the effect below says so and ends the wait; no further read.
        if (!items.some((d) => !waiting.known.has(d.id))) next();
      }, wait);
    };
    next();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [waiting]);

  useEffect(() => {
    if (!waiting || !devices) return;
    const added = devices.find((d) => !waiting.known.has(d.id));
    if (!added) return;
    setWaiting(null);
    setNotice(`Paired: ${added.label}. It is in the list of paired browsers below.`);
  }, [devices, waiting]);

  async function pair(e: Event) {
    e.preventDefault();
    setNotice('');
    const r = await confirmPairing(token, code);
    if (r.ok) {
      setError('');
      setCode('');
      setNotice(`Code accepted for ${r.data.label}. The extension finishes on its own in a few seconds.`);
      setWaiting({ label: r.data.label, known: new Set((devices ?? []).map((d) => d.id)) });
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
