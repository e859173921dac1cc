import type { ErrorMessage } from '../../../../shared/errors';
import type { Actor } from '../actor';

/** What a rule needs to know about the asker: who they are and their role, nothing from the database. */
export type Who = Pick<Actor, 'personId' | 'role'>;

/**
 * One condition of an action, with the refusal the asker reads when it fails. `record` is the loaded subject
 * (a note, a door…) or `undefined` when the question is about the kind as a whole ("may coaches plan rounds?").
 */
export interface Rule<R> {
  readonly allows: (actor: Who, record: R | undefined) => boolean;
  readonly message: ErrorMessage;
}

/** A subject's actions, each allowed when every one of its rules allows it; the first failing rule speaks. */
export type Policy<R> = Readonly<Record<string, readonly Rule<R>[]>>;

export const isCoach = (actor: Who): boolean => actor.role === 'coach';

export const coachesOnly = (message: ErrorMessage): Rule<unknown> => ({ allows: isCoach, message });
