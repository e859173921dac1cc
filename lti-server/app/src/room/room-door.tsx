import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { bookOnTheSpot, type Door, getDoor } from '../api';
import { bookingProblem } from '../components/door-item';
import { viewerZone, visitTime } from '../time';

/**
 * A door sign's QR code lands here: the door, and "Join and write notes", which books a seat on the spot (the same
 * seats and rules as any booking, and still possible once the door has opened) and opens the note mode. A visitor
 * who already holds a seat goes straight to their notes.
 */
export function RoomDoor({
  token,
  doorId,
  onVisit,
}: {
  token: string;
  doorId: string;
  onVisit: (visitId: string) => void;
}) {
  const [door, setDoor] = useState<Door | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getDoor(token, doorId).then((r) => {
      if (!r.ok) return setError(r.code === 'NOT_FOUND' ? t('room.door.not-found') : r.message);
      if (r.data.myVisit?.status === 'booked') return onVisit(r.data.myVisit.id);
      setDoor(r.data);
    });
  }, [token, doorId]);

  async function join() {
    setBusy(true);
    const r = await bookOnTheSpot(token, doorId);
    setBusy(false);
    if (r.ok) onVisit(r.data.id);
    else setError(bookingProblem(r));
  }

  const title = door?.strategy?.title ?? t('door.sampling-visit');
  const over = door ? Date.parse(door.endsAt) <= Date.now() : false;
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {door ? title : t('room.door.title')}
      </h1>
      {error && (
        <p role="alert" class="card attention">
          {error}
        </p>
      )}
      {!door && !error && (
        <p role="status" aria-live="polite">
          {t('room.door.loading')}
        </p>
      )}
      {door && (
        <>
          <p class="when">
            {door.mine
              ? t('room.door.when-mine', { time: visitTime(door, viewerZone()).yours, where: door.location })
              : t('room.door.when', {
                  time: visitTime(door, viewerZone()).yours,
                  where: door.location,
                  host: door.host.name,
                })}
          </p>
          {door.lookFor && (
            <p>
              <strong>{t('door.look-for')}</strong> {door.lookFor}
            </p>
          )}
          {door.mine ? (
            <p class="card">{t('room.door.mine')}</p>
          ) : door.status === 'cancelled' ? (
            <p class="card">{t('room.door.canceled')}</p>
          ) : over ? (
            <p class="card">{t('room.door.over')}</p>
          ) : door.seatsLeft <= 0 ? (
            <p class="card">{t('room.door.full')}</p>
          ) : (
            <div class="room-actions">
              <button type="button" class="room-primary" disabled={busy} onClick={join}>
                {t(busy ? 'room.door.joining' : 'room.door.join')}
              </button>
              <p class="hint">{t('room.door.seats', { count: door.seatsLeft })}</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
