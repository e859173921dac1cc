import { PICTURE_MIN_HOSTS, PICTURE_MIN_VISITS } from '../../../../shared/notes';
import { coachesOnly, isCoach, type Policy, type Rule, type Who } from './policy';

/** Everyone proposes, votes and comments (the use cases allow it); a coach closes proposals. */
export const problemPolicy = {
  close: [coachesOnly('errors.policy.close-proposals')],
} satisfies Policy<never>;

/** A coach starts a cycle from a proposal, adds people to it, changes its strategies and ends it. */
export const cyclePolicy = {
  start: [coachesOnly('errors.policy.start-cycle')],
  grow: [coachesOnly('errors.policy.grow-cycle')],
  'change-strategies': [coachesOnly('errors.policy.change-cycle-strategies')],
  end: [coachesOnly('errors.policy.end-cycle')],
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
const finishedForTeachers: Rule<CycleRoundRecord> = {
  allows: (actor: Who, r: CycleRoundRecord | undefined) => isCoach(actor) || Boolean(r?.finished),
  message: 'errors.policy.cycle-round-debrief',
};

export const cycleRoundPolicy = {
  /** Whether the round appears at all. */
  list: [finishedForTeachers],
  /** Whether its patterns are shown. */
  read: [
    finishedForTeachers,
    {
      allows: (_actor, r) => !r || (r.visits >= PICTURE_MIN_VISITS && r.classrooms >= PICTURE_MIN_HOSTS),
      message: {
        key: 'errors.policy.cycle-round-wide',
        params: { visits: PICTURE_MIN_VISITS, rooms: PICTURE_MIN_HOSTS },
      },
    },
  ],
} satisfies Policy<CycleRoundRecord>;
