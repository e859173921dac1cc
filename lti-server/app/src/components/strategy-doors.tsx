import { useState } from 'preact/hooks';
import { useDoorPages } from '../hooks/use-door-pages';
import { href } from '../router';
import { formatInstantDay, viewerZone } from '../time';
import { DoorItem } from './door-item';

const WEEKS = 8;

/** The strategy page's "Open doors": the next eight weeks of doors for this strategy, bookable in place. */
export function StrategyDoors({
  token,
  strategyId,
  contributor,
  zone = viewerZone(),
  now = () => new Date(),
}: {
  token: string;
  strategyId: string;
  /** The viewer is credited on this strategy, so they can open their own door for it. */
  contributor: boolean;
  zone?: string;
  now?: () => Date;
}) {
  const [version, setVersion] = useState(0);
  // The eight weeks from the time the page opened (fixed, so the list is not read again on every render).
  const [range] = useState(() => {
    const from = now();
    return { from: from.toISOString(), to: new Date(from.getTime() + WEEKS * 7 * 86_400_000).toISOString() };
  });
  const pages = useDoorPages(token, { ...range, strategyId }, version);
  const { error, hasMore, loadingMore, more } = pages;
  // A cancelled door stays listed for its host and its visitors, so they see what happened.
  const doors = pages.doors?.filter((d) => d.status === 'open' || d.mine || d.myVisit) ?? null;

  return (
    <section class="card" aria-labelledby="doors-h">
      <h2 id="doors-h">Open doors</h2>
      <p class="hint">
        See this strategy in a colleague’s classroom: a short visit to learn, never to evaluate.
      </p>
      {contributor && (
        <p>
          <a href={href({ name: 'door-new', strategyId })}>Open your door for this strategy</a>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {!doors && !error && <p>Loading open doors…</p>}
      {doors && doors.length === 0 && (
        <p>
          No open doors for this strategy in the next {WEEKS} weeks.{' '}
          {contributor ? 'Open yours so colleagues can visit.' : ''}
        </p>
      )}
      {doors && doors.length > 0 && (
        <ul class="doors">
          {doors.map((d) => (
            <DoorItem
              key={d.id}
              token={token}
              door={d}
              zone={zone}
              now={now()}
              heading={`${formatInstantDay(d.startsAt, zone)} with ${d.mine ? 'you' : d.host.name}`}
              onChanged={() => setVersion((v) => v + 1)}
            />
          ))}
        </ul>
      )}
      {doors && hasMore && (
        <p>
          <button type="button" class="secondary" disabled={loadingMore} onClick={more}>
            {loadingMore ? 'Loading more doors…' : 'Show more open doors'}
          </button>
        </p>
      )}
    </section>
  );
}
