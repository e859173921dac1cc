import { useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { downloadIcs } from '../api';
import { saveBlob } from '../download';

/** Downloads a door's or a visit's calendar file as visit.ics (the API needs the bearer token, so no plain link). */
export function IcsButton({
  token,
  kind,
  id,
  describedBy,
}: {
  token: string;
  kind: 'door' | 'visit';
  id: string;
  describedBy?: string;
}) {
  const [error, setError] = useState('');
  return (
    <>
      <button
        type="button"
        class="secondary"
        aria-describedby={describedBy}
        onClick={async () => {
          const r = await downloadIcs(token, kind, id);
          if (!r.ok) return setError(r.message);
          setError('');
          saveBlob(r.data, 'visit.ics');
        }}
      >
        {t('ics.button')}
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
