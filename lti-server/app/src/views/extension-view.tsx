import { useEffect, useState } from 'preact/hooks';
import { currentLocale, t } from '../../../../shared/i18n';
import type { Device } from '../../../../shared/pairing';
import { confirmPairing, listDevices, revokeDevice } from '../api';

const date = (iso: string) =>
  new Date(iso).toLocaleDateString(currentLocale(), { year: 'numeric', month: 'short', day: 'numeric' });

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
    setNotice(t('extension.paired', { label: added.label }));
  }, [devices, waiting]);

  async function pair(e: Event) {
    e.preventDefault();
    setNotice('');
    const r = await confirmPairing(token, code);
    if (r.ok) {
      setError('');
      setCode('');
      setNotice(t('extension.accepted', { label: r.data.label }));
      setWaiting({ label: r.data.label, known: new Set((devices ?? []).map((d) => d.id)) });
    } else setError(r.fields?.[0]?.message ?? r.message);
  }

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('app.nav.extension')}
      </h1>
      <p class="lede">{t('extension.lede')}</p>
      <form class="card" onSubmit={pair}>
        <div class="field">
          <label for="pair-code">{t('extension.code')}</label>
          <p class="hint" id="pair-code-hint">
            {t('extension.code.hint')}
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
        <button type="submit">{t('extension.pair')}</button>
        <p role="status" aria-live="polite">
          {notice}
        </p>
      </form>
      <section class="card" aria-labelledby="devices-h">
        <h2 id="devices-h">{t('extension.devices')}</h2>
        {devices && devices.length === 0 && <p>{t('extension.devices.none')}</p>}
        {devices && devices.length > 0 && (
          <ul class="plain">
            {devices.map((d) => (
              <li key={d.id}>
                <strong>{d.label}</strong> · {t('extension.device.paired', { date: date(d.createdAt) })} ·{' '}
                {d.lastUsedAt
                  ? t('extension.device.used', { date: date(d.lastUsedAt) })
                  : t('extension.device.unused')}{' '}
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('extension.unpair.label', { label: d.label })}
                  onClick={async () => {
                    const r = await revokeDevice(token, d.id);
                    if (r.ok) {
                      setNotice(t('extension.unpaired', { label: d.label }));
                      load();
                    } else setError(r.message);
                  }}
                >
                  {t('extension.unpair')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
