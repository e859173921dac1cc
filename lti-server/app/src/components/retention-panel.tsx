import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { getRetention, putRetention } from '../api';
import { formatDate } from '../time';
import { Field } from './fields';

/** Coaches choose the day every note in the school is deleted; teachers see that date above their notes. */
export function RetentionPanel({ token }: { token: string }) {
  const [date, setDate] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getRetention(token).then((r) => (r.ok ? setDate(r.data.expiresOn) : setError(r.message)));
  }, [token]);

  async function save(e: Event) {
    e.preventDefault();
    if (!date) return setFieldError(t('retention.choose'));
    setBusy(true);
    setStatus('');
    const r = await putRetention(token, date);
    setBusy(false);
    if (r.ok) {
      setFieldError('');
      setError('');
      setDate(r.data.expiresOn);
      setStatus(t('retention.saved', { date: formatDate(r.data.expiresOn) }));
    } else if (r.fields?.length) {
      setFieldError(
        [r.message, ...r.fields.filter((f) => f.path === 'expiresOn').map((f) => f.message)].join(' '),
      );
    } else setError(r.message);
  }

  return (
    <section class="card no-print" aria-labelledby="retention-h">
      <h2 id="retention-h">{t('retention.title')}</h2>
      <p>{t('retention.body')}</p>
      {error && <p role="alert">{error}</p>}
      {date === null && !error && <p>{t('common.loading')}</p>}
      {date !== null && (
        <form onSubmit={save}>
          <Field id="retention-date" label={t('retention.label')} error={fieldError || undefined}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={date}
                required
                onInput={(e) => setDate((e.target as HTMLInputElement).value)}
              />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            {t(busy ? 'common.saving' : 'retention.save')}
          </button>
        </form>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
