import { type ErrorMessage, ForbiddenError } from '../../../../shared/errors';
import { type CardRecord, cardPolicy, debriefPolicy } from './debrief';
import { type CycleRoundRecord, cyclePolicy, cycleRoundPolicy, problemPolicy } from './cycle';
import { type DialogueRecord, dialoguePolicy } from './dialogue';
import { districtPolicy } from './district';
import { type DoorRecord, doorPolicy } from './door';
import { type NoteRecord, notePolicy, retentionPolicy } from './note';
import { type PictureGroupRecord, picturePolicy } from './picture';
import type { Policy, Who } from './policy';
import { roundPolicy } from './round';
import { type RegistrationRecord, registrationPolicy, settingsPolicy } from './settings';
import { type StrategyRecord, strategyPolicy } from './strategy';

export { cycleRound } from './cycle';
export { card } from './debrief';
export { dialogue } from './dialogue';
export { door } from './door';
export { note } from './note';
export { pictureGroup } from './picture';
export type { Who } from './policy';
export { registration } from './settings';
export { strategy } from './strategy';

/** Who may do what, one policy per subject kind. docs/permissions.md is the same table in words. */
export const policies = {
  strategy: strategyPolicy,
  note: notePolicy,
  retention: retentionPolicy,
  dialogue: dialoguePolicy,
  door: doorPolicy,
  round: roundPolicy,
  debrief: debriefPolicy,
  card: cardPolicy,
  picture: picturePolicy,
  problem: problemPolicy,
  cycle: cyclePolicy,
  'cycle-round': cycleRoundPolicy,
  district: districtPolicy,
  settings: settingsPolicy,
  registration: registrationPolicy,
};

/** The loaded record each kind is asked about; kinds only ever asked about as a whole have none. */
interface Records {
  strategy: StrategyRecord;
  note: NoteRecord;
  retention: never;
  dialogue: DialogueRecord;
  door: DoorRecord;
  round: never;
  debrief: never;
  card: CardRecord;
  picture: PictureGroupRecord;
  problem: never;
  cycle: never;
  'cycle-round': CycleRoundRecord;
  district: never;
  settings: never;
  registration: RegistrationRecord;
}

export type Kind = keyof typeof policies;
export type Action<K extends Kind> = keyof (typeof policies)[K] & string;
/** A kind by name (the question is about all of them) or one loaded record of it. */
export type Subject<K extends Kind> = K | (Records[K] & { kind: K });

/** The refusal message of the first rule that does not allow it, or null when every rule does. */
function refusal<K extends Kind>(actor: Who, action: Action<K>, subject: Subject<K>): ErrorMessage | null {
  const kind = typeof subject === 'string' ? subject : subject.kind;
  const record = typeof subject === 'string' ? undefined : subject;
  const policy = policies[kind] as Policy<Records[K]>;
  // An action nobody wrote rules for is nobody's (and `toString` is not an action).
  if (!Object.hasOwn(policy, action)) return 'errors.policy.no-access';
  const rules = policy[action]!;
  return rules.find((rule) => !rule.allows(actor, record))?.message ?? null;
}

export function can<K extends Kind>(actor: Who, action: Action<K>, subject: Subject<K>): boolean {
  return refusal(actor, action, subject) === null;
}

/** Throws the rule's own ForbiddenError (403) when the actor may not. */
export function authorize<K extends Kind>(actor: Who, action: Action<K>, subject: Subject<K>): void {
  const message = refusal(actor, action, subject);
  if (message !== null) throw new ForbiddenError(message);
}
