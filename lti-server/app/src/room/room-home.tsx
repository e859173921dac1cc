import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { roomPath } from '../../../../shared/room';
import { listVisits, type Visit } from '../api';
import { formatInstantDay, viewerZone, visitTime } from '../time';

/** Signed in, no door or visit named: my visits that are on now or still to come today, one tap each. */
export function RoomHome({ token }: { token: string }) {
  const [visits, setVisits] = useState<Visit[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    listVisits(token).then((r) => (r.ok ? setVisits(r.data.items) : setError(r.message)));
  }, [token]);
  const now = Date.now();
  const zone = viewerZone();
  const soon = (visits ?? [])
    .filter((v) => v.status === 'booked' && Date.parse(v.door.endsAt) > now)
    .sort((a, b) => Date.parse(a.door.startsAt) - Date.parse(b.door.startsAt))
    .slice(0, 5);
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('room.home.title')}
      </h1>
      <p>{t('room.home.lede')}</p>
      {error && <p role="alert">{error}</p>}
      {visits && soon.length === 0 && <p>{t('room.home.none')}</p>}
      {soon.length > 0 && (
        <ul class="room-list">
          {soon.map((v) => (
            <li key={v.id}>
              <a class="room-tap" href={roomPath({ kind: 'visit', id: v.id })}>
                {v.door.strategy?.title ?? t('door.sampling-visit')}
                <span class="hint">
                  {formatInstantDay(v.door.startsAt, zone)} · {visitTime(v.door, zone).yours}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
