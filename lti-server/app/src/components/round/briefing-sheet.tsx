import { currentLocale, formatList, type MessageKey, t } from '../../../../../shared/i18n';
import { normIn, ROLE_NAME_KEYS, ROUND_ROLES, type RoundRole } from '../../../../../shared/round-briefing';
import type { Briefing } from '../../api';
import { formatInstantDay, formatTime } from '../../time';
import { Trans } from '../trans';

const FOCUS_NAMES: Record<Briefing['focus']['kind'], MessageKey> = {
  strategy: 'briefing.focus.strategy',
  tag: 'briefing.focus.tag',
  problem: 'picture.focus.problem',
};

/** What each role does, in one line, for the briefing and its printed page. */
const ROLE_DUTIES: Record<RoundRole, MessageKey> = {
  facilitator: 'briefing.duty.facilitator',
  timekeeper: 'briefing.duty.timekeeper',
  noteTaker: 'briefing.duty.note-taker',
};

const strong = { strong: (text: string) => <strong>{text}</strong> };

/** "facilitator and timekeeper": someone's roles in a sentence, in the interface's language. */
export const roleNames = (roles: readonly RoundRole[]) =>
  formatList(roles.map((r) => t(ROLE_NAME_KEYS[r]).toLocaleLowerCase(currentLocale())));

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
            {t('briefing.when', {
              day: formatInstantDay(first.startsAt, zone),
              from: formatTime(first.startsAt, zone),
              to: formatTime(b.schedule.at(-1)!.endsAt, zone),
            })}
          </span>
        )}
        <span>{t('briefing.slot-minutes', { count: b.slotMinutes })}</span>
      </p>
      <dl class="plain-facts">
        <dt>{t(FOCUS_NAMES[b.focus.kind])}</dt>
        <dd>{b.focus.value}</dd>
        {b.why && (
          <>
            <dt>{t('briefing.why')}</dt>
            <dd class="keep-lines">{b.why}</dd>
          </>
        )}
        {b.lookFors && (
          <>
            <dt>{t('briefing.look-fors')}</dt>
            <dd class="keep-lines">{b.lookFors}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="norms-h">
        <h2 id="norms-h">{t('briefing.norms')}</h2>
        <ul class="norms">
          {b.norms.map((n) => (
            <li key={n}>{normIn(n, t)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="roles-h">
        <h2 id="roles-h">{t('briefing.roles')}</h2>
        <ul class="role-duties">
          {ROUND_ROLES.map((r) => (
            <li key={r}>
              <Trans
                text={t('briefing.duty', { role: t(ROLE_NAME_KEYS[r]), duty: t(ROLE_DUTIES[r]) })}
                parts={strong}
              />
            </li>
          ))}
        </ul>
        <table class="briefing-table">
          <caption class="sr-only">{t('briefing.roles.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('briefing.group.column')}</th>
              {ROUND_ROLES.map((r) => (
                <th scope="col" key={r}>
                  {t(ROLE_NAME_KEYS[r])}
                </th>
              ))}
              <th scope="col">{t('briefing.also')}</th>
            </tr>
          </thead>
          <tbody>
            {b.groups.map((g) => {
              const holders = new Set(ROUND_ROLES.map((r) => g.roles[r].id));
              return (
                <tr key={g.number} class={g.number === mine ? 'mine' : undefined}>
                  <th scope="row">
                    {g.number}
                    {g.number === mine && <span> {t('briefing.yours')}</span>}
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
        <h2 id="schedule-h">{t('briefing.schedule')}</h2>
        <table class="briefing-table">
          <caption class="sr-only">{t('briefing.schedule.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('briefing.time')}</th>
              {b.groups.map((g) => (
                <th scope="col" key={g.number} class={g.number === mine ? 'mine' : undefined}>
                  {t('briefing.group', { number: g.number })}
                  {g.number === mine && <span> {t('briefing.yours')}</span>}
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
                      {room ? t('clock.room', { location: room.location, host: room.host.name }) : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">{t('briefing.schedule.hint')}</p>
      </section>
    </div>
  );
}
