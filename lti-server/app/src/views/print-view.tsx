import { useEffect, useState } from 'preact/hooks';
import { formatList, t } from '../../../../shared/i18n';
import type { Strategy } from '../../../../shared/strategy';
import { listStrategies } from '../api';
import { href } from '../router';

/** The whole menu on one printable page (the print stylesheet hides the app's chrome). */
export function PrintView({ token, networkTitle }: { token: string; networkTitle: string }) {
  const [items, setItems] = useState<Strategy[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    (async () => {
      const all: Strategy[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const r = await listStrategies(token, { ...(cursor ? { cursor } : {}), limit: '100' });
        if (!r.ok) return live && setError(r.message);
        all.push(...r.data.items);
        if (!r.data.nextCursor) break;
        cursor = r.data.nextCursor;
      }
      if (live) setItems(all);
    })();
    return () => {
      live = false;
    };
  }, [token]);

  return (
    <section class="print-menu" aria-labelledby="view-title">
      <p class="no-print">
        <a href={href({ name: 'menu' })}>{t('strategy.back')}</a>{' '}
        <button type="button" onClick={() => window.print()}>
          {t('picture.print')}
        </button>
      </p>
      <h1 id="view-title" tabIndex={-1}>
        {t('print.title', { network: networkTitle })}
      </h1>
      {error && <p role="alert">{error}</p>}
      {items && items.length === 0 && <p>{t('print.empty')}</p>}
      {items && (
        <ol class="print-list">
          {items.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong> ·{' '}
              {t('print.facts', {
                minutes: t('strategy.minutes-short', { count: s.minutes }),
                subject: s.subject,
                band: s.gradeBand,
              })}
              <br />
              {s.purpose} <span class="muted">— {formatList(s.contributors.map((c) => c.name))}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
