import { EVIDENCE_THEMES } from '../../../shared/evidence-themes';
import { PICTURE_MIN_HOSTS, PICTURE_MIN_VISITS, shareWord } from '../../../shared/notes';
import type { FinishedRoundPictures } from '../../../shared/round-pictures';
import { finishedDebriefs } from '../db/repositories/debrief';
import { roundGroupsOf } from '../db/repositories/picture';
import type { Actor } from './actor';
import { authorize, can, pictureGroup } from './policies';

/**
 * The school picture of finished rounds, for every teacher and coach of the school: each finished debrief's summary
 * and the patterns of evidence across the round's visits, in words, only when the round spans enough visits in enough
 * classrooms (the coaches' thresholds). Read from the rounds' groups in the picture's aggregates (migration 0034), never
 * from the notes: no note, room or name travels.
 */
export async function finishedRoundPictures(actor: Actor): Promise<FinishedRoundPictures> {
  authorize(actor, 'read-finished', 'picture');
  const finished = await finishedDebriefs(actor.scope, actor.networkId);
  const evidence = new Map(
    (
      await roundGroupsOf(
        actor.scope,
        actor.networkId,
        finished.map((f) => f.round.id),
      )
    ).map((g) => [g.label, g]),
  );
  return {
    items: finished.map(({ round, patterns }) => {
      const e = evidence.get(round.id);
      const shown = e && can(actor, 'read-finished', pictureGroup(e.visits, e.hosts));
      return {
        id: round.id,
        title: round.title,
        date: round.date,
        focus: { kind: round.focusKind, value: round.focusValue },
        patterns,
        prediction: round.prediction,
        nextLevel: round.nextLevel,
        evidence: shown
          ? EVIDENCE_THEMES.map((t) => ({
              theme: t.id,
              label: t.label,
              share: shareWord(e.themes.get(t.id) ?? 0, e.visits),
            }))
          : null,
      };
    }),
    minVisits: PICTURE_MIN_VISITS,
    minHosts: PICTURE_MIN_HOSTS,
  };
}
