import { useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { answerDeepLink } from '../api';
import { clearPick } from '../session';

/** Shown when the LMS editor opened the tool: send this strategy back into the course, as a link or a card. */
export function InsertPanel({
  token,
  pick,
  strategyId,
}: {
  token: string;
  pick: string;
  strategyId: string;
}) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function insert(as: 'link' | 'card') {
    setBusy(true);
    const r = await answerDeepLink(token, pick, strategyId, as);
    if (!r.ok) {
      setBusy(false);
      setError(r.message);
      return;
    }
    clearPick(window.sessionStorage);
    // The LMS expects a form post of the signed answer to its return URL.
    const form = document.createElement('form');
    form.method = 'post';
    form.action = r.data.returnUrl;
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = 'JWT';
    field.value = r.data.jwt;
    form.append(field);
    document.body.append(form);
    form.submit();
  }

  return (
    <section class="card attention" aria-labelledby="insert-h">
      <h2 id="insert-h">{t('insert.title')}</h2>
      <p>{t('insert.body')}</p>
      {error && <p role="alert">{error}</p>}
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => insert('link')}>
          {t('insert.link')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => insert('card')}>
          {t('insert.card')}
        </button>
      </div>
    </section>
  );
}
