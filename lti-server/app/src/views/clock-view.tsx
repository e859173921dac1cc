import { useEffect, useState } from 'preact/hooks';
import { ROLE_NAMES } from '../../../../shared/round-briefing';
import { type Briefing, getBriefing } from '../api';
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
        <a href={href({ name: 'briefing', id: roundId })}>← The briefing</a>
      </p>
      <h1 id="view-title" tabIndex={-1}>
        {briefing ? `${briefing.title}: group ${group ?? ''}` : 'Group clock'}
      </h1>
      {error && (
        <p class="card" role="alert">
          {error}
        </p>
      )}
      {!briefing && !error && <p role="status">Loading…</p>}
      {briefing && briefing.me.roles.length > 0 && (
        <p>You are the group’s {briefing.me.roles.map((r) => ROLE_NAMES[r].toLowerCase()).join(' and ')}.</p>
      )}
      {briefing?.canEdit && briefing.me.group === null && (
        <div class="field">
          <label for="clock-group">Follow group</label>
          <select
            id="clock-group"
            value={String(group)}
            onChange={(e) => setChosen(Number((e.target as HTMLSelectElement).value))}
          >
            {briefing.groups.map((g) => (
              <option key={g.number} value={String(g.number)}>
                Group {g.number}
              </option>
            ))}
          </select>
        </div>
      )}
      {briefing && group === null && (
        <p class="card">
          You host a room in this round and are not in a group, so there is no group clock for you.
        </p>
      )}
      {briefing && group !== null && (
        <GroupClock stops={stopsOf(briefing, group)} zone={zone} {...(now ? { now } : {})} />
      )}
    </section>
  );
}
