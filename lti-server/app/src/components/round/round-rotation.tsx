import type { Round } from '../../api';
import { formatTime } from '../../time';

/** Who visits whose room in each time slot, in the round's time zone. */
export function RoundRotation({ round, nameOf }: { round: Round; nameOf: (personId: string) => string }) {
  const hostOf = (hostId: string) => round.hosts.find((h) => h.id === hostId);
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
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
