import { coachesOnly, type Policy } from './policy';

export const roundPolicy = {
  plan: [coachesOnly('errors.policy.plan-rounds')],
  /** Write a round's briefing and change who holds which role (coaches of the round's network). */
  brief: [coachesOnly('errors.policy.brief-round')],
} satisfies Policy<never>;
