import { useState } from 'preact/hooks';
import { DEBRIEF_PHASES } from '../../../../../shared/rounds';
import type { Debrief, DebriefPhase } from '../../api';
import { href } from '../../router';
import { ConfirmAction } from '../confirm';
import { PHASES, phaseIndex } from './phases';

const FINISHED = 'Finished: the summary is in the school picture.';

/** Where the group is: the phases as a stepper, and the facilitator's buttons to move along (or Refresh). */
export function PhaseStepper({
  debrief,
  isCoach,
  busy,
  onGo,
  onRefresh,
  typed = false,
}: {
  debrief: Debrief;
  /** The words the current phase needs are typed (not saved yet): they go along with the move, so it may move on. */
  typed?: boolean;
  isCoach: boolean;
  busy: boolean;
  onGo: (phase: DebriefPhase, skipReason?: string) => Promise<void>;
  onRefresh: () => Promise<void>;
}) {
  const done = debrief.phase === 'done';
  const facilitating = debrief.facilitator && !done;
  const at = phaseIndex(debrief.phase);
  const next = DEBRIEF_PHASES[at + 1];
  const previous = DEBRIEF_PHASES[at - 1];
  const [reason, setReason] = useState('');
  const lacking = debrief.needs.length > 0 && !typed;
  const refresh = (
    <button type="button" class="secondary" disabled={busy} onClick={onRefresh}>
      Refresh
    </button>
  );

  return (
    <section class="card" aria-labelledby="phase-h">
      <h2 id="phase-h">Where the group is</h2>
      <ol class="stepper" aria-label="Debrief phases">
        {DEBRIEF_PHASES.map((p, i) => (
          <li
            key={p}
            class={i < at ? 'past' : i === at ? 'now' : 'later'}
            aria-current={i === at ? 'step' : undefined}
          >
            <span class="step-name">
              {i < at && <span aria-hidden="true">✓ </span>}
              {PHASES[p].name}
            </span>{' '}
            {i === at && <span class="badge step-now">Now</span>}{' '}
            <span class="step-about">{PHASES[p].about}</span>
          </li>
        ))}
      </ol>
      {done && <p class="notice">{FINISHED}</p>}
      {facilitating ? (
        <>
          <p class="hint">
            You facilitate this debrief: move the group along when it is ready.
            {next && next !== 'done' ? ` Next: ${PHASES[next].name}.` : ''}
          </p>
          <div class="actions">
            {previous && (
              <button type="button" class="secondary" disabled={busy} onClick={() => onGo(previous)}>
                Previous phase
              </button>
            )}
            {next && next !== 'done' && !lacking && (
              <button type="button" disabled={busy} onClick={() => onGo(next)}>
                Next phase
              </button>
            )}
            {next === 'done' && !lacking && (
              <ConfirmAction
                label="Finish the debrief"
                question="Finish the debrief? The patterns, the prediction and the next level of work join the school picture, and the debrief becomes read-only."
                confirmLabel="Yes, finish the debrief"
                cancelLabel="Not yet"
                onConfirm={() => onGo('done')}
              />
            )}
            {refresh}
          </div>
          {lacking && next && (
            <div class="card attention">
              <p>
                <strong>Before moving on, this phase needs:</strong>
              </p>
              <ul>
                {debrief.needs.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (reason.trim().length >= 3) onGo(next, reason.trim()).then(() => setReason(''));
                }}
              >
                <label for="skip-reason">Or move on anyway: say why (kept with the debrief)</label>
                <input
                  id="skip-reason"
                  value={reason}
                  maxLength={300}
                  onInput={(e) => setReason((e.target as HTMLInputElement).value)}
                />
                <button type="submit" class="secondary" disabled={busy || reason.trim().length < 3}>
                  {next === 'done' ? 'Finish anyway' : 'Skip to the next phase'}
                </button>
              </form>
            </div>
          )}
        </>
      ) : (
        <>
          {!done && (
            <p class="hint">
              The coach moves the debrief from phase to phase. Press Refresh to see where the group is and the
              newest cards.
            </p>
          )}
          <div class="actions">{refresh}</div>
        </>
      )}
      {debrief.skips.length > 0 && (
        <details>
          <summary>Phases moved on from early ({debrief.skips.length})</summary>
          <ul>
            {debrief.skips.map((k) => (
              <li key={`${k.phase}-${k.at}`}>
                {PHASES[k.phase].name}: {k.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {done && isCoach && (
        <p>
          <a href={href({ name: 'picture' })}>Open the school picture</a>
        </p>
      )}
    </section>
  );
}
