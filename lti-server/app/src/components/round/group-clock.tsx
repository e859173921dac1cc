import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../../shared/i18n';
import { type ClockStop, groupClock, nextClockChange } from '../../../../../shared/round-briefing';
import type { Briefing } from '../../api';
import { formatTime } from '../../time';
import { Trans } from '../trans';

/** setTimeout fires at once for a delay above 2^31 - 1 ms; a later change is waited for in steps. */
const MAX_TIMER_MS = 2_147_483_647;

/** A group's rooms in the round, in time order. */
export function stopsOf(briefing: Briefing, group: number): ClockStop[] {
  return briefing.schedule.flatMap((slot) =>
    slot.rooms
      .filter((r) => r.group === group)
      .map((r) => ({
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        location: r.location,
        host: r.host.name,
      })),
  );
}

const room = (s: ClockStop) => t('clock.room', { location: s.location, host: s.host });
const strong = { strong: (text: string) => <strong>{text}</strong> };

/**
 * The group clock: time left in the room and the next room. It re-renders once, at the next whole minute of its
 * countdown (one timer, set again each time), and never asks the server: the schedule is already known.
 */
export function GroupClock({
  stops,
  zone,
  now = () => new Date(),
  headingLevel = 2,
  id = 'clock',
}: {
  stops: ClockStop[];
  zone: string;
  now?: () => Date;
  /** h2 on its own page, h4 inside a visit's card. */
  headingLevel?: 2 | 4;
  /** Unique on the page (several visits may show one). */
  id?: string;
}) {
  const [, setTick] = useState(0);
  const at = now().getTime();
  const next = nextClockChange(stops, at);
  useEffect(() => {
    if (next === null) return;
    const timer = setTimeout(() => setTick((t) => t + 1), Math.min(Math.max(next - at, 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [next, at]);
  const clock = groupClock(stops, at);
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  return (
    <section class="group-clock" aria-labelledby={`${id}-h`}>
      <Heading id={`${id}-h`}>{t('clock.title')}</Heading>
      {/* role="timer": assistive technology reads it when asked, rather than announcing every minute. */}
      <div role="timer" aria-atomic="true">
        {clock.kind === 'in-room' && (
          <>
            <p class="clock-big">
              <Trans
                text={t('clock.left', { count: clock.minutes, room: room(clock.stop) })}
                parts={strong}
              />
            </p>
            <p>
              {clock.next
                ? t('clock.next', { room: room(clock.next), time: formatTime(clock.next.startsAt, zone) })
                : t('clock.last')}
            </p>
          </>
        )}
        {clock.kind === 'waiting' && (
          <>
            <p class="clock-big">
              <Trans
                text={t(clock.first ? 'clock.until-first' : 'clock.until-next', { count: clock.minutes })}
                parts={strong}
              />
            </p>
            <p>{t('clock.next', { room: room(clock.next), time: formatTime(clock.next.startsAt, zone) })}</p>
          </>
        )}
        {clock.kind === 'done' && <p class="clock-big">{t('clock.done')}</p>}
      </div>
    </section>
  );
}
