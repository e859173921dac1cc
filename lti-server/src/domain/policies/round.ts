import { coachesOnly, type Policy } from './policy';

export const roundPolicy = {
  plan: [coachesOnly('Only coaches plan rounds.')],
} satisfies Policy<never>;
