import { PICTURE_MIN_HOSTS, PICTURE_MIN_VISITS } from '../../../../shared/notes';
import { coachesOnly, isCoach, type Policy, type Who } from './policy';

/** Everyone proposes, votes and comments (the use cases allow it); a coach closes proposals. */
export const problemPolicy = {
  close: [coachesOnly('Only coaches close proposals.')],
} satisfies Policy<never>;

/** A coach starts a cycle from a proposal, adds people to it, changes its strategies and ends it. */
export const cyclePolicy = {
  start: [coachesOnly('Only coaches start a cycle.')],
  grow: [coachesOnly('Only coaches add people to a cycle.')],
  'change-strategies': [coachesOnly('Only coaches change a cycle’s strategies.')],
  end: [coachesOnly('Only coaches end a cycle.')],
} satisfies Policy<never>;

/** One round of a cycle's picture over time: whether its debrief is done, and how much evidence it spans. */
export interface CycleRoundRecord {
  kind: 'cycle-round';
  finished: boolean;
  visits: number;
  classrooms: number;
}

export const cycleRound = (finished: boolean, visits: number, classrooms: number): CycleRoundRecord => ({
  kind: 'cycle-round',
  finished,
  visits,
  classrooms,
});

/**
 * The picture over time is the school's (aggregates, never a teacher): coaches see every round of it, the school's
 * teachers the rounds whose debrief is finished; a round is shown only above the school picture's thresholds.
 */
const finishedForTeachers = {
  allows: (actor: Who, r: CycleRoundRecord | undefined) => isCoach(actor) || Boolean(r?.finished),
  message: 'Teachers see a round in the picture over time once its debrief is finished.',
};

export const cycleRoundPolicy = {
  /** Whether the round appears at all. */
  list: [finishedForTeachers],
  /** Whether its patterns are shown. */
  read: [
    finishedForTeachers,
    {
      allows: (_actor, r) => !r || (r.visits >= PICTURE_MIN_VISITS && r.classrooms >= PICTURE_MIN_HOSTS),
      message: `A round is shown only when it spans at least ${PICTURE_MIN_VISITS} visits in at least ${PICTURE_MIN_HOSTS} classrooms.`,
    },
  ],
} satisfies Policy<CycleRoundRecord>;
