import type { Round } from '../../api';
import { formatTime } from '../../time';

/** Who visits whose room in each time slot, in the round's time zone; a slot its host declined says so, and where to. */
export function RoundRotation({ round, nameOf }: { round: Round; nameOf: (personId: string) => string }) {
  const hostOf = (hostId: string) => round.hosts.find((h) => h.id === hostId);
  const declineOf = (hostId: string, startsAt: string) =>
    round.declines.find((d) => d.hostId === hostId && d.startsAt === startsAt);
  return (
    <section class="card" aria-labelledby="rotation-h">
      <h2 id="rotation-h">Rotation</h2>
      <p class="hint">Times in {round.timeZone}.</p>
      {round.slots.length === 0 && <p>No visits planned.</p>}
      {round.slots.map((slot) => (
        <div class="slot" key={slot.startsAt}>
          <h3>
            {formatTime(slot.startsAt, round.timeZone)}–{formatTime(slot.endsAt, round.timeZone)}
          </h3>
          <ul class="plain">
            {slot.visits.map((v) => {
              const host = hostOf(v.hostId);
              const declined = declineOf(v.hostId, slot.startsAt);
              return (
                <li key={`${v.hostId}-${v.group}`}>
                  <strong>
                    Group {v.group + 1} → {host?.name ?? nameOf(v.hostId)}’s room
                    {host?.location ? ` (${host.location})` : ''}
                  </strong>
                  <br />
                  <span class="muted">
                    Visitors: {v.visitorIds.length > 0 ? v.visitorIds.map(nameOf).join(', ') : 'none'}
                  </span>
                  {declined && (
                    <>
                      <br />
                      <span class="badge badge-pending">Declined</span>{' '}
                      {declined.replanned
                        ? `Moved to ${declined.replanned.host.name}’s room (${declined.replanned.location}).`
                        : 'Not re-planned yet.'}
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
