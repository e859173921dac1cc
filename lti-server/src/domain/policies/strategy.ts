import type { StoredStrategy } from '../../db/repositories/strategies';
import { coachesOnly, isCoach, type Policy } from './policy';

export interface StrategyRecord {
  kind: 'strategy';
  contributorId: string;
  status: StoredStrategy['status'];
  /** Everyone credited with it (the contributor and, after a merge, those of the merged ones), when loaded. */
  creditedIds?: readonly string[];
}

export const strategy = (
  row: Pick<StoredStrategy, 'contributorId' | 'status'>,
  creditedIds?: readonly string[],
): StrategyRecord => ({
  kind: 'strategy',
  contributorId: row.contributorId,
  status: row.status,
  ...(creditedIds ? { creditedIds } : {}),
});

/** Coaches curate the menu; a contributor may revise their own strategy until a coach puts it on the menu. */
export const strategyPolicy = {
  curate: [coachesOnly('Only coaches curate the menu.')],
  'list-unpublished': [coachesOnly('Only coaches can list pending or retired strategies.')],
  merge: [coachesOnly('Only coaches merge strategies.')],
  audit: [coachesOnly('Only coaches see the audit trail.')],
  export: [coachesOnly('Only coaches export the menu.')],
  edit: [
    {
      allows: (actor, s) => isCoach(actor) || s?.contributorId === actor.personId,
      message: 'Only the contributor or a coach can edit this strategy.',
    },
    {
      allows: (actor, s) => isCoach(actor) || s?.status === 'pending',
      message: 'This strategy is on the menu already; ask a coach to change it.',
    },
  ],
  /** Opening one's door for colleagues to sample it. */
  host: [
    {
      allows: (actor, s) => s?.creditedIds?.includes(actor.personId) ?? false,
      message: 'You can open your door only for a strategy you contributed.',
    },
  ],
} satisfies Policy<StrategyRecord>;
