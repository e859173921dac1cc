import { useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
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
      <h2 id="doors-h">{t('strategy-doors.title')}</h2>
      <p class="hint">{t('strategy-doors.hint')}</p>
      {contributor && (
        <p>
          <a href={href({ name: 'door-new', strategyId })}>{t('strategy-doors.open-yours')}</a>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {!doors && !error && <p>{t('strategy-doors.loading')}</p>}
      {doors && doors.length === 0 && (
        <p>{t(contributor ? 'strategy-doors.none-contributor' : 'strategy-doors.none', { count: WEEKS })}</p>
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
              heading={
                d.mine
                  ? t('strategy-doors.day-with-you', { day: formatInstantDay(d.startsAt, zone) })
                  : t('strategy-doors.day-with', {
                      day: formatInstantDay(d.startsAt, zone),
                      host: d.host.name,
                    })
              }
              onChanged={() => setVersion((v) => v + 1)}
            />
          ))}
        </ul>
      )}
      {doors && hasMore && (
        <p>
          <button type="button" class="secondary" disabled={loadingMore} onClick={more}>
            {t(loadingMore ? 'strategy-doors.loading-more' : 'strategy-doors.more')}
          </button>
        </p>
      )}
    </section>
  );
}
