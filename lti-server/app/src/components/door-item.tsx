import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiResult, bookVisit, cancelDoor, cancelVisit, type DoorCard } from '../api';
import { href } from '../router';
import { formatInstantDay, visitTime } from '../time';
import { ConfirmAction } from './confirm';
import { IcsButton } from './ics-button';

type Message = { kind: 'notice' | 'error'; text: string } | null;

/** A plain sentence for a refused booking; the server's own message for anything else. */
export function bookingProblem(r: { code: string; message: string }): string {
  if (r.code === 'DOOR_FULL')
    return 'This door is full: the last seat was just taken. The list now shows the latest seats; choose another time.';
  if (r.code === 'VISIT_OVERLAP')
    return 'You already have a visit, or host an open door, at this time. Cancel that one in My visits first, or choose another time.';
  return r.message;
}

/** A room, or a link when the host teaches online. */
function Location({ location }: { location: string }) {
  return /^https?:\/\//i.test(location) ? (
    <a href={location} target="_blank" rel="noopener noreferrer">
      {location}
    </a>
  ) : (
    <span>{location}</span>
  );
}

/** Who hosts a door and where it is, with any further facts (seats) after them. */
export function DoorFacts({
  host,
  location,
  children,
}: {
  host: string;
  location: string;
  children?: ComponentChildren;
}) {
  return (
    <dl class="door-facts">
      <div>
        <dt>Host</dt>
        <dd>{host}</dd>
      </div>
      <div>
        <dt>Where</dt>
        <dd>
          <Location location={location} />
        </dd>
      </div>
      {children}
    </dl>
  );
}

/**
 * One open door: what, who, when (in the viewer's zone, and the host's when it differs), where, seats, the host's
 * note and look-for prompt, and the action that fits the viewer (book, cancel a booking, full, or the host's tools).
 */
export function DoorItem({
  token,
  door,
  zone,
  now,
  showDay = false,
  heading,
  onChanged,
}: {
  token: string;
  door: DoorCard;
  zone: string;
  now: Date;
  showDay?: boolean;
  /** Replaces the strategy title as the heading (on the strategy's own page). */
  heading?: string;
  onChanged: () => void;
}) {
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const headingId = `door-${door.id}-title`;
  const title = door.strategy?.title ?? (door.roundId ? 'A round visit' : 'A sampling visit');
  const time = visitTime(door, zone);
  const past = Date.parse(door.startsAt) <= now.getTime();
  const open = door.status !== 'cancelled';
  const happening = open && past && now.getTime() < Date.parse(door.endsAt);
  // Within the hour, the start is said in minutes: a colleague can still walk over.
  const minutesToStart = Math.ceil((Date.parse(door.startsAt) - now.getTime()) / 60_000);
  const startsSoon = open && !past && minutesToStart <= 60;
  const booked = door.myVisit?.status === 'booked';

  async function act(r: Promise<ApiResult<unknown>>, done: string, refreshOnError = false) {
    setBusy(true);
    const result = await r;
    setBusy(false);
    if (result.ok) {
      setMessage({ kind: 'notice', text: done });
      onChanged();
    } else {
      setMessage({ kind: 'error', text: bookingProblem(result) });
      if (refreshOnError) onChanged();
    }
  }

  return (
    <li class="door">
      <h3 id={headingId}>
        {heading ??
          (door.strategy ? <a href={href({ name: 'strategy', id: door.strategy.id })}>{title}</a> : title)}
      </h3>
      <p class="when">
        {showDay && <span>{formatInstantDay(door.startsAt, zone)} · </span>}
        <span>{time.yours}</span>
        {time.theirs && <span> · {time.theirs}</span>}
        {happening && (
          <>
            {' '}
            <strong class="badge badge-now">Happening now</strong>
          </>
        )}
        {startsSoon && (
          <>
            {' '}
            <strong class="badge badge-soon">
              Starts in {minutesToStart} minute{minutesToStart === 1 ? '' : 's'}
            </strong>
          </>
        )}
      </p>
      <DoorFacts host={door.mine ? `You (${door.host.name})` : door.host.name} location={door.location}>
        <div>
          <dt>Seats</dt>
          <dd>
            {door.seatsLeft > 0
              ? `${door.seatsLeft} of ${door.capacity} left`
              : `Full (${door.capacity} booked)`}
          </dd>
        </div>
      </DoorFacts>
      {door.visitorNote && (
        <p>
          <strong>
            {door.plannedBy
              ? `From ${door.plannedBy.name}, who planned the round:`
              : `Note from ${door.mine ? 'you' : door.host.name}:`}
          </strong>{' '}
          {door.visitorNote}
        </p>
      )}
      {door.lookFor && (
        <p>
          <strong>Look for:</strong> {door.lookFor}
        </p>
      )}
      {door.mine && door.visitors && (
        <p>
          <strong>Visitors:</strong>{' '}
          {door.visitors.length > 0 ? door.visitors.map((v) => v.name).join(', ') : 'no one has booked yet.'}
        </p>
      )}
      <div class="actions">
        {door.status === 'cancelled' ? (
          <p class="state">
            <strong>{door.mine ? 'You canceled this door.' : 'Canceled by the host.'}</strong>
          </p>
        ) : door.mine ? (
          <>
            <IcsButton token={token} kind="door" id={door.id} describedBy={headingId} />
            <a
              class="button-link"
              href={href({ name: 'door-sign', id: door.id })}
              aria-describedby={headingId}
            >
              Door sign
            </a>
            {door.roundId && (
              // A host of a round reads its briefing too (the norms, the schedule, who comes when) and manages their room.
              <>
                <a
                  class="button-link"
                  href={href({ name: 'briefing', id: door.roundId })}
                  aria-describedby={headingId}
                >
                  Round briefing
                </a>
                <a
                  class="button-link"
                  href={href({ name: 'round-host', id: door.roundId })}
                  aria-describedby={headingId}
                >
                  Your room in this round
                </a>
              </>
            )}
            {past && !happening && door.booked > 0 && (
              <a
                class="button-link"
                href={href({ name: 'dialogue', doorId: door.id })}
                aria-describedby={headingId}
              >
                Reflective dialogue
              </a>
            )}
            {!past && !door.roundId && (
              <ConfirmAction
                label="Cancel this door"
                describedBy={headingId}
                question={
                  door.booked > 0
                    ? `Cancel this door? The ${door.booked} booked visitor${door.booked === 1 ? '' : 's'} will see it as canceled by you.`
                    : 'Cancel this door? No one has booked it yet.'
                }
                confirmLabel="Yes, cancel this door"
                onConfirm={() => act(cancelDoor(token, door.id), 'This door is canceled.')}
              />
            )}
          </>
        ) : booked && door.myVisit ? (
          <>
            <p class="state">
              <strong>You are booked.</strong>
            </p>
            <IcsButton token={token} kind="visit" id={door.myVisit.id} describedBy={headingId} />
            {!past && (
              <ConfirmAction
                label="Cancel my booking"
                describedBy={headingId}
                question="Cancel your booking? Your seat goes back to colleagues."
                confirmLabel="Yes, cancel my booking"
                onConfirm={() =>
                  act(
                    cancelVisit(token, door.myVisit!.id),
                    'Your booking is canceled; the seat is free again.',
                  )
                }
              />
            )}
          </>
        ) : past ? (
          <p class="state">This visit has already started.</p>
        ) : door.seatsLeft <= 0 ? (
          <p class="state">
            <strong>Full</strong> — no seats left.
          </p>
        ) : (
          <button
            type="button"
            aria-describedby={headingId}
            disabled={busy}
            onClick={() => act(bookVisit(token, door.id), 'Booked. This visit is in My visits.', true)}
          >
            {busy ? 'Booking…' : 'Book a seat'}
          </button>
        )}
      </div>
      {message && (
        <p
          ref={messageRef}
          tabIndex={-1}
          role={message.kind === 'error' ? 'alert' : 'status'}
          class={message.kind === 'error' ? 'card attention' : 'notice'}
        >
          {message.text}
        </p>
      )}
    </li>
  );
}
