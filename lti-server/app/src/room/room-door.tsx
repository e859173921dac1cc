import { useEffect, useState } from 'preact/hooks';
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
      if (!r.ok) return setError(r.code === 'NOT_FOUND' ? 'This door is not on your menu.' : r.message);
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

  const title = door?.strategy?.title ?? 'A sampling visit';
  const over = door ? Date.parse(door.endsAt) <= Date.now() : false;
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {door ? title : 'An open door'}
      </h1>
      {error && (
        <p role="alert" class="card attention">
          {error}
        </p>
      )}
      {!door && !error && (
        <p role="status" aria-live="polite">
          Loading the door…
        </p>
      )}
      {door && (
        <>
          <p class="when">
            {visitTime(door, viewerZone()).yours} · {door.location} · hosted by{' '}
            {door.mine ? 'you' : door.host.name}
          </p>
          {door.lookFor && (
            <p>
              <strong>Look for:</strong> {door.lookFor}
            </p>
          )}
          {door.mine ? (
            <p class="card">This is your own open door: visitors scan this sign to write their notes.</p>
          ) : door.status === 'cancelled' ? (
            <p class="card">The host canceled this open door.</p>
          ) : over ? (
            <p class="card">This visit is over.</p>
          ) : door.seatsLeft <= 0 ? (
            <p class="card">This door is full: no seats are left.</p>
          ) : (
            <div class="room-actions">
              <button type="button" class="room-primary" disabled={busy} onClick={join}>
                {busy ? 'Joining…' : 'Join and write notes'}
              </button>
              <p class="hint">
                Takes one of the {door.seatsLeft} seat{door.seatsLeft === 1 ? '' : 's'} left, as a booking
                would.
              </p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
