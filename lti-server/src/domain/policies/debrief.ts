import { coachesOnly, isCoach, type Policy } from './policy';

/** The school's coaches facilitate every debrief; who may join one is the round's membership (not a policy). */
export const debriefPolicy = {
  facilitate: [coachesOnly('errors.policy.facilitate')],
} satisfies Policy<never>;

export interface CardRecord {
  kind: 'card';
  authorId: string;
}

export const card = (row: { authorId: string }): CardRecord => ({ kind: 'card', authorId: row.authorId });

export const cardPolicy = {
  withdraw: [
    {
      allows: (actor, c) => isCoach(actor) || c?.authorId === actor.personId,
      message: 'errors.policy.withdraw-card',
    },
  ],
} satisfies Policy<CardRecord>;
