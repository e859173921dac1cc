import { useState } from 'preact/hooks';
import { t } from '../../../../../shared/i18n';
import { DEBRIEF_PHASES } from '../../../../../shared/rounds';
import type { Debrief, DebriefPhase } from '../../api';
import { href } from '../../router';
import { ConfirmAction } from '../confirm';
import { needsOf, PHASES, phaseIndex } from './phases';

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
      {t('debrief.refresh')}
    </button>
  );

  return (
    <section class="card" aria-labelledby="phase-h">
      <h2 id="phase-h">{t('debrief.where')}</h2>
      <ol class="stepper" aria-label={t('debrief.phases')}>
        {DEBRIEF_PHASES.map((p, i) => (
          <li
            key={p}
            class={i < at ? 'past' : i === at ? 'now' : 'later'}
            aria-current={i === at ? 'step' : undefined}
          >
            <span class="step-name">
              {i < at && <span aria-hidden="true">✓ </span>}
              {t(PHASES[p].name)}
            </span>{' '}
            {i === at && <span class="badge step-now">{t('debrief.phases.now')}</span>}{' '}
            <span class="step-about">{t(PHASES[p].about)}</span>
          </li>
        ))}
      </ol>
      {done && <p class="notice">{t('debrief.finished')}</p>}
      {facilitating ? (
        <>
          <p class="hint">
            {next && next !== 'done'
              ? t('debrief.facilitate.next', { phase: t(PHASES[next].name) })
              : t('debrief.facilitate')}
          </p>
          <div class="actions">
            {previous && (
              <button type="button" class="secondary" disabled={busy} onClick={() => onGo(previous)}>
                {t('debrief.go.previous')}
              </button>
            )}
            {next && next !== 'done' && !lacking && (
              <button type="button" disabled={busy} onClick={() => onGo(next)}>
                {t('debrief.go.next')}
              </button>
            )}
            {next === 'done' && !lacking && (
              <ConfirmAction
                label={t('debrief.go.finish')}
                question={t('debrief.go.finish.question')}
                confirmLabel={t('debrief.go.finish.confirm')}
                cancelLabel={t('debrief.go.not-yet')}
                onConfirm={() => onGo('done')}
              />
            )}
            {refresh}
          </div>
          {lacking && next && (
            <div class="card attention">
              <p>
                <strong>{t('debrief.needs')}</strong>
              </p>
              <ul>
                {needsOf(debrief).map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (reason.trim().length >= 3) onGo(next, reason.trim()).then(() => setReason(''));
                }}
              >
                <label for="skip-reason">{t('debrief.skip')}</label>
                <input
                  id="skip-reason"
                  value={reason}
                  maxLength={300}
                  onInput={(e) => setReason((e.target as HTMLInputElement).value)}
                />
                <button type="submit" class="secondary" disabled={busy || reason.trim().length < 3}>
                  {t(next === 'done' ? 'debrief.skip.finish' : 'debrief.skip.next')}
                </button>
              </form>
            </div>
          )}
        </>
      ) : (
        <>
          {!done && <p class="hint">{t('debrief.follow')}</p>}
          <div class="actions">{refresh}</div>
        </>
      )}
      {debrief.skips.length > 0 && (
        <details>
          <summary>{t('debrief.skipped', { count: debrief.skips.length })}</summary>
          <ul>
            {debrief.skips.map((k) => (
              <li key={`${k.phase}-${k.at}`}>
                {t('debrief.skipped.item', { phase: t(PHASES[k.phase].name), reason: k.reason })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {done && isCoach && (
        <p>
          <a href={href({ name: 'picture' })}>{t('debrief.picture')}</a>
        </p>
      )}
    </section>
  );
}
