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
  curate: [coachesOnly('errors.policy.curate')],
  'list-unpublished': [coachesOnly('errors.policy.list-unpublished')],
  merge: [coachesOnly('errors.policy.merge')],
  audit: [coachesOnly('errors.policy.audit')],
  export: [coachesOnly('errors.policy.export')],
  edit: [
    {
      allows: (actor, s) => isCoach(actor) || s?.contributorId === actor.personId,
      message: 'errors.policy.edit-strategy',
    },
    {
      allows: (actor, s) => isCoach(actor) || s?.status === 'pending',
      message: 'errors.policy.strategy-on-menu',
    },
  ],
  /** Opening one's door for colleagues to sample it. */
  host: [
    {
      allows: (actor, s) => s?.creditedIds?.includes(actor.personId) ?? false,
      message: 'errors.policy.host-own',
    },
  ],
} satisfies Policy<StrategyRecord>;
