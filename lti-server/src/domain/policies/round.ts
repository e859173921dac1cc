import { coachesOnly, type Policy } from './policy';

export const roundPolicy = {
  plan: [coachesOnly('Only coaches plan rounds.')],
  /** Write a round's briefing and change who holds which role (coaches of the round's network). */
  brief: [coachesOnly('Only coaches write a round’s briefing and change its roles.')],
} satisfies Policy<never>;
