import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatList, t } from '../../../../shared/i18n';
import { type ApiResult, bookVisit, cancelDoor, cancelVisit, type DoorCard } from '../api';
import { href } from '../router';
import { formatInstantDay, visitTime } from '../time';
import { ConfirmAction } from './confirm';
import { IcsButton } from './ics-button';
import { Trans } from './trans';

type Message = { kind: 'notice' | 'error'; text: string } | null;

/** A plain sentence for a refused booking; the server's own message for anything else. */
export function bookingProblem(r: { code: string; message: string }): string {
  if (r.code === 'DOOR_FULL') return t('door.problem.full');
  if (r.code === 'VISIT_OVERLAP') return t('door.problem.overlap');
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
        <dt>{t('door.host')}</dt>
        <dd>{host}</dd>
      </div>
      <div>
        <dt>{t('door.where')}</dt>
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
  const title = door.strategy?.title ?? t(door.roundId ? 'door.round-visit' : 'door.sampling-visit');
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
            <strong class="badge badge-now">{t('door.now')}</strong>
          </>
        )}
        {startsSoon && (
          <>
            {' '}
            <strong class="badge badge-soon">{t('door.soon', { count: minutesToStart })}</strong>
          </>
        )}
      </p>
      <DoorFacts
        host={door.mine ? t('door.you', { name: door.host.name }) : door.host.name}
        location={door.location}
      >
        <div>
          <dt>{t('door.seats')}</dt>
          <dd>
            {door.seatsLeft > 0
              ? t('door.seats-left', { left: door.seatsLeft, capacity: door.capacity })
              : t('door.seats-full', { capacity: door.capacity })}
          </dd>
        </div>
      </DoorFacts>
      {door.visitorNote && (
        <p>
          <strong>
            {door.plannedBy
              ? t('door.note.planner', { name: door.plannedBy.name })
              : door.mine
                ? t('door.note.you')
                : t('door.note.host', { name: door.host.name })}
          </strong>{' '}
          {door.visitorNote}
        </p>
      )}
      {door.lookFor && (
        <p>
          <strong>{t('door.look-for')}</strong> {door.lookFor}
        </p>
      )}
      {door.mine && door.visitors && (
        <p>
          <strong>{t('door.visitors')}</strong>{' '}
          {door.visitors.length > 0 ? formatList(door.visitors.map((v) => v.name)) : t('door.visitors.none')}
        </p>
      )}
      <div class="actions">
        {door.status === 'cancelled' ? (
          <p class="state">
            <strong>{t(door.mine ? 'door.canceled.mine' : 'door.canceled.host')}</strong>
          </p>
        ) : door.mine ? (
          <>
            <IcsButton token={token} kind="door" id={door.id} describedBy={headingId} />
            <a
              class="button-link"
              href={href({ name: 'door-sign', id: door.id })}
              aria-describedby={headingId}
            >
              {t('door.sign')}
            </a>
            {door.roundId && (
              // A host of a round reads its briefing too (the norms, the schedule, who comes when) and manages their room.
              <>
                <a
                  class="button-link"
                  href={href({ name: 'briefing', id: door.roundId })}
                  aria-describedby={headingId}
                >
                  {t('door.briefing')}
                </a>
                <a
                  class="button-link"
                  href={href({ name: 'round-host', id: door.roundId })}
                  aria-describedby={headingId}
                >
                  {t('door.round-host')}
                </a>
              </>
            )}
            {past && !happening && door.booked > 0 && (
              <a
                class="button-link"
                href={href({ name: 'dialogue', doorId: door.id })}
                aria-describedby={headingId}
              >
                {t('door.dialogue')}
              </a>
            )}
            {!past && !door.roundId && (
              <ConfirmAction
                label={t('door.cancel')}
                describedBy={headingId}
                question={
                  door.booked > 0
                    ? t('door.cancel.question', { count: door.booked })
                    : t('door.cancel.question-empty')
                }
                confirmLabel={t('door.cancel.confirm')}
                onConfirm={() => act(cancelDoor(token, door.id), t('door.cancel.done'))}
              />
            )}
          </>
        ) : booked && door.myVisit ? (
          <>
            <p class="state">
              <strong>{t('door.booked')}</strong>
            </p>
            <IcsButton token={token} kind="visit" id={door.myVisit.id} describedBy={headingId} />
            {!past && (
              <ConfirmAction
                label={t('door.unbook')}
                describedBy={headingId}
                question={t('door.unbook.question')}
                confirmLabel={t('door.unbook.confirm')}
                onConfirm={() => act(cancelVisit(token, door.myVisit!.id), t('door.unbook.done'))}
              />
            )}
          </>
        ) : past ? (
          <p class="state">{t('door.started')}</p>
        ) : door.seatsLeft <= 0 ? (
          <p class="state">
            <Trans text={t('door.full')} parts={{ strong: (text) => <strong>{text}</strong> }} />
          </p>
        ) : (
          <button
            type="button"
            aria-describedby={headingId}
            disabled={busy}
            onClick={() => act(bookVisit(token, door.id), t('door.book.done'), true)}
          >
            {t(busy ? 'door.book.busy' : 'door.book')}
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
