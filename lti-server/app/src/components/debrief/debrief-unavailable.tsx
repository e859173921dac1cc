import type { ComponentChildren } from 'preact';
import { href } from '../../router';

/** While the debrief loads, or why it cannot be shown (not published yet: CONFLICT; anything else as said). */
export function DebriefUnavailable({
  back,
  roundId,
  isCoach,
  failure,
}: {
  back: ComponentChildren;
  roundId: string;
  isCoach: boolean;
  failure: { code: string; message: string } | null;
}) {
  const closed = failure?.code === 'CONFLICT';
  return (
    <section aria-labelledby="view-title">
      {back}
      <h1 id="view-title" tabIndex={-1}>
        {!failure ? 'Round debrief' : closed ? 'The debrief is not open yet' : 'Debrief not available'}
      </h1>
      {!failure && <p role="status">Loading…</p>}
      {closed && (
        <div class="card attention" role="alert">
          <p>
            This round is not published yet, so its debrief is not open. The debrief opens once the coach
            publishes the round and the visits have happened.
          </p>
          {isCoach && (
            <p>
              Publish it from <a href={href({ name: 'round', id: roundId })}>the round’s page</a>.
            </p>
          )}
        </div>
      )}
      {failure && !closed && (
        <p class="card" role="alert">
          {failure.message}
        </p>
      )}
    </section>
  );
}
