import { t } from '../../../../../shared/i18n';
import type { Round } from '../../api';
import { formatTime } from '../../time';

/** Who visits whose room in each time slot, in the round's time zone; a slot its host declined says so, and where to. */
export function RoundRotation({ round, nameOf }: { round: Round; nameOf: (personId: string) => string }) {
  const hostOf = (hostId: string) => round.hosts.find((h) => h.id === hostId);
  const declineOf = (hostId: string, startsAt: string) =>
    round.declines.find((d) => d.hostId === hostId && d.startsAt === startsAt);
  return (
    <section class="card" aria-labelledby="rotation-h">
      <h2 id="rotation-h">{t('rounds.rotation.title')}</h2>
      <p class="hint">{t('rounds.rotation.zone', { zone: round.timeZone })}</p>
      {round.slots.length === 0 && <p>{t('rounds.rotation.none')}</p>}
      {round.slots.map((slot) => (
        <div class="slot" key={slot.startsAt}>
          <h3>
            {formatTime(slot.startsAt, round.timeZone)}–{formatTime(slot.endsAt, round.timeZone)}
          </h3>
          <ul class="plain">
            {slot.visits.map((v) => {
              const host = hostOf(v.hostId);
              const declined = declineOf(v.hostId, slot.startsAt);
              const visit = { group: v.group + 1, host: host?.name ?? nameOf(v.hostId) };
              return (
                <li key={`${v.hostId}-${v.group}`}>
                  <strong>
                    {host?.location
                      ? t('rounds.rotation.visit-at', { ...visit, location: host.location })
                      : t('rounds.rotation.visit', visit)}
                  </strong>
                  <br />
                  <span class="muted">
                    {v.visitorIds.length > 0
                      ? t('rounds.rotation.visitors', { names: v.visitorIds.map(nameOf).join(', ') })
                      : t('rounds.rotation.visitors.none')}
                  </span>
                  {declined && (
                    <>
                      <br />
                      <span class="badge badge-pending">{t('rounds.rotation.declined')}</span>{' '}
                      {declined.replanned
                        ? t('rounds.rotation.moved', {
                            host: declined.replanned.host.name,
                            location: declined.replanned.location,
                          })
                        : t('rounds.rotation.not-replanned')}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
