import { ROLE_DUTIES, ROLE_NAMES, ROUND_ROLES } from '../../../../../shared/round-briefing';
import type { Briefing } from '../../api';
import { formatInstantDay, formatTime } from '../../time';

const FOCUS_NAMES: Record<Briefing['focus']['kind'], string> = {
  strategy: 'Strategy in focus',
  tag: 'Focus',
  problem: 'Problem of practice',
};

/**
 * The briefing itself, as read on screen and printed on one page: the why, what visitors look for, the norms, the
 * roles per group and the schedule (a row per time slot, a column per group). The asker's group is marked.
 */
export function BriefingSheet({ briefing, zone }: { briefing: Briefing; zone: string }) {
  const b = briefing;
  const mine = b.me.group;
  const first = b.schedule[0];
  return (
    <div class="briefing-sheet">
      <p class="meta">
        {first && (
          <span>
            {formatInstantDay(first.startsAt, zone)}, {formatTime(first.startsAt, zone)}–
            {formatTime(b.schedule.at(-1)!.endsAt, zone)}
          </span>
        )}
        <span>{b.slotMinutes}-minute visits</span>
      </p>
      <dl class="plain-facts">
        <dt>{FOCUS_NAMES[b.focus.kind]}</dt>
        <dd>{b.focus.value}</dd>
        {b.why && (
          <>
            <dt>Why we chose it</dt>
            <dd class="keep-lines">{b.why}</dd>
          </>
        )}
        {b.lookFors && (
          <>
            <dt>What we look for</dt>
            <dd class="keep-lines">{b.lookFors}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="norms-h">
        <h2 id="norms-h">Our norms</h2>
        <ul class="norms">
          {b.norms.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="roles-h">
        <h2 id="roles-h">Groups and roles</h2>
        <ul class="role-duties">
          {ROUND_ROLES.map((r) => (
            <li key={r}>
              <strong>{ROLE_NAMES[r]}</strong> {ROLE_DUTIES[r]}
            </li>
          ))}
        </ul>
        <table class="briefing-table">
          <caption class="sr-only">Who is in each group and who holds each role</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              {ROUND_ROLES.map((r) => (
                <th scope="col" key={r}>
                  {ROLE_NAMES[r]}
                </th>
              ))}
              <th scope="col">Also in the group</th>
            </tr>
          </thead>
          <tbody>
            {b.groups.map((g) => {
              const holders = new Set(ROUND_ROLES.map((r) => g.roles[r].id));
              return (
                <tr key={g.number} class={g.number === mine ? 'mine' : undefined}>
                  <th scope="row">
                    {g.number}
                    {g.number === mine && <span> (yours)</span>}
                  </th>
                  {ROUND_ROLES.map((r) => (
                    <td key={r}>{g.roles[r].name}</td>
                  ))}
                  <td>
                    {g.members
                      .filter((m) => !holders.has(m.id))
                      .map((m) => m.name)
                      .join(', ') || '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="schedule-h">
        <h2 id="schedule-h">Schedule</h2>
        <table class="briefing-table">
          <caption class="sr-only">Which room each group visits, time slot by time slot</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              {b.groups.map((g) => (
                <th scope="col" key={g.number} class={g.number === mine ? 'mine' : undefined}>
                  Group {g.number}
                  {g.number === mine && <span> (yours)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.schedule.map((slot) => (
              <tr key={slot.startsAt}>
                <th scope="row">
                  {formatTime(slot.startsAt, zone)}–{formatTime(slot.endsAt, zone)}
                </th>
                {b.groups.map((g) => {
                  const room = slot.rooms.find((r) => r.group === g.number);
                  return (
                    <td key={g.number} class={g.number === mine ? 'mine' : undefined}>
                      {room ? `${room.location} (${room.host.name})` : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">Visitors do not talk between classrooms. The debrief comes after the last room.</p>
      </section>
    </div>
  );
}
