import { type MessageKey, t } from '../../../../shared/i18n';
import type { Debrief } from '../api';
import { EvidenceCards } from '../components/debrief/evidence-cards';
import { DebriefUnavailable } from '../components/debrief/debrief-unavailable';
import { MyNotes } from '../components/debrief/my-notes';
import { PhaseStepper } from '../components/debrief/phase-stepper';
import { PHASES, phaseIndex } from '../components/debrief/phases';
import { Words } from '../components/debrief/words';
import { useDebrief } from '../hooks/use-debrief';
import { href } from '../router';

const FOCUS_NAMES: Record<Debrief['focus']['kind'], MessageKey> = {
  strategy: 'picture.focus.strategy',
  tag: 'picture.focus.tag',
  problem: 'picture.focus.problem',
};

/** Focuses an element once the change that (re)creates it has rendered. */
const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

/**
 * A published round's debrief room: writers add their own notes as text-only cards; the facilitating coach moves
 * the group through description → analysis (cards into named patterns, by drag and drop or by keyboard) →
 * prediction → next level of work, and finishes it into the school picture. No websockets: everyone refreshes.
 * `useDebrief` owns the state and the calls; this view only lays the parts out.
 */
export function DebriefView({
  token,
  roundId,
  isCoach = false,
}: {
  token: string;
  roundId: string;
  isCoach?: boolean;
}) {
  const room = useDebrief(token, roundId);
  const d = room.debrief;

  const back = (
    <p class="no-print">
      {isCoach ? (
        <a href={href({ name: 'round', id: roundId })}>{t('briefing.back.round')}</a>
      ) : (
        <a href={href({ name: 'visits' })}>{t('note.back')}</a>
      )}
    </p>
  );

  if (!d)
    return <DebriefUnavailable back={back} roundId={roundId} isCoach={isCoach} failure={room.failure} />;

  const facilitating = d.facilitator && d.phase !== 'done';
  const at = phaseIndex(d.phase);

  return (
    <article class="debrief" aria-labelledby="view-title">
      {back}
      <h1 id="view-title" tabIndex={-1}>
        {t('debrief.title', { title: d.title })}
      </h1>
      <p class="meta">
        <span>{t('picture.focus', { kind: t(FOCUS_NAMES[d.focus.kind]), value: d.focus.value })}</span>
      </p>
      <p class="lede">{t('debrief.lede')}</p>

      <PhaseStepper
        debrief={d}
        isCoach={isCoach}
        busy={room.busy}
        onGo={room.go}
        onRefresh={room.refresh}
        typed={Boolean(
          (d.phase === 'prediction' && room.drafts.prediction?.trim()) ||
            (d.phase === 'next' && room.drafts.nextLevel?.trim()),
        )}
      />

      <p
        role="status"
        aria-live="polite"
        class={room.status ? 'notice' : 'sr-only'}
        tabIndex={-1}
        ref={room.statusRef}
      >
        {room.status}
      </p>
      {room.problem && (
        <p class="card attention" role="alert" tabIndex={-1} ref={room.problemRef}>
          {room.problem}
        </p>
      )}

      {room.notesError && (
        <p class="card" role="alert">
          {t('debrief.notes-error', { message: room.notesError })}
        </p>
      )}
      {room.myNotes && room.myNotes.length > 0 && (
        <MyNotes
          debrief={d}
          notes={room.myNotes}
          adding={room.adding}
          onAdd={async (n) => {
            if (await room.add(n)) focusSoon(`my-note-${n.id}-added`);
          }}
        />
      )}

      <EvidenceCards
        debrief={d}
        editable={facilitating && d.phase === 'analysis'}
        onMove={async (cardId, patternId, byKeyboard) => {
          if ((await room.move(cardId, patternId)) && byKeyboard) focusSoon(`move-${cardId}`);
        }}
        onWithdraw={room.withdraw}
        onAddPattern={room.addPattern}
      />

      {(at >= phaseIndex('prediction') || d.prediction) && (
        <Words
          field="prediction"
          heading={t(PHASES.prediction.name)}
          label={t('debrief.prediction.label')}
          hint={t('debrief.prediction.hint')}
          saveLabel={t('debrief.prediction.save')}
          saved={t('debrief.prediction.saved')}
          value={d.prediction}
          draft={room.drafts.prediction}
          editable={facilitating && d.phase === 'prediction'}
          onDraft={(text) => room.draft('prediction', text)}
          onSave={room.saveWords}
        />
      )}
      {(at >= phaseIndex('next') || d.nextLevel) && (
        <Words
          field="nextLevel"
          heading={t(PHASES.next.name)}
          label={t('debrief.next-level.label')}
          hint={t('debrief.next-level.hint')}
          saveLabel={t('debrief.next-level.save')}
          saved={t('debrief.next-level.saved')}
          value={d.nextLevel}
          draft={room.drafts.nextLevel}
          editable={facilitating && d.phase === 'next'}
          onDraft={(text) => room.draft('nextLevel', text)}
          onSave={room.saveWords}
        />
      )}
    </article>
  );
}
