import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { type Briefing, getBriefing } from '../api';
import { roleNames } from '../components/round/briefing-sheet';
import { GroupClock, stopsOf } from '../components/round/group-clock';
import { href } from '../router';
import { viewerZone } from '../time';

/**
 * The group clock on the day of a round, for the facilitator (and anyone in the group): time left in the room and
 * the next room. A coach chooses which group's clock to follow.
 */
export function ClockView({
  token,
  roundId,
  zone = viewerZone(),
  now,
}: {
  token: string;
  roundId: string;
  zone?: string;
  now?: () => Date;
}) {
  const [briefing, setBriefing] = useState<Briefing | null>(null);
  const [error, setError] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  useEffect(() => {
    getBriefing(token, roundId).then((r) => (r.ok ? setBriefing(r.data) : setError(r.message)));
  }, [token, roundId]);

  const group = chosen ?? briefing?.me.group ?? (briefing?.canEdit ? 1 : null);
  return (
    <section aria-labelledby="view-title">
      <p>
        <a href={href({ name: 'briefing', id: roundId })}>{t('clock.back')}</a>
      </p>
      <h1 id="view-title" tabIndex={-1}>
        {!briefing
          ? t('clock.title')
          : group === null
            ? briefing.title
            : t('clock.heading', { title: briefing.title, group })}
      </h1>
      {error && (
        <p class="card" role="alert">
          {error}
        </p>
      )}
      {!briefing && !error && <p role="status">{t('common.loading')}</p>}
      {briefing && briefing.me.roles.length > 0 && (
        <p>{t('clock.your-roles', { roles: roleNames(briefing.me.roles) })}</p>
      )}
      {briefing?.canEdit && briefing.me.group === null && (
        <div class="field">
          <label for="clock-group">{t('clock.follow')}</label>
          <select
            id="clock-group"
            value={String(group)}
            onChange={(e) => setChosen(Number((e.target as HTMLSelectElement).value))}
          >
            {briefing.groups.map((g) => (
              <option key={g.number} value={String(g.number)}>
                {t('briefing.group', { number: g.number })}
              </option>
            ))}
          </select>
        </div>
      )}
      {briefing && group === null && <p class="card">{t('clock.host-only')}</p>}
      {briefing && group !== null && (
        <GroupClock stops={stopsOf(briefing, group)} zone={zone} {...(now ? { now } : {})} />
      )}
    </section>
  );
}
