import { type MessageKey, t, translator } from '../../../../../shared/i18n';
import { DEBRIEF_PHASES, PHASE_NEEDS } from '../../../../../shared/rounds';
import type { Debrief, DebriefPhase } from '../../api';

export type Card = Debrief['cards'][number];
export type Pattern = Debrief['patterns'][number];

/** The phases in the group's words: a name and one sentence each, shown in the stepper (shared/i18n keys). */
export const PHASES: Record<DebriefPhase, { name: MessageKey; about: MessageKey }> = {
  description: { name: 'debrief.phase.description', about: 'debrief.phase.description.about' },
  analysis: { name: 'debrief.phase.analysis', about: 'debrief.phase.analysis.about' },
  prediction: { name: 'debrief.phase.prediction', about: 'debrief.phase.prediction.about' },
  next: { name: 'debrief.phase.next', about: 'debrief.phase.next.about' },
  done: { name: 'debrief.phase.done', about: 'debrief.phase.done.about' },
};

/**
 * What the current phase still needs, in the interface's language: the server says it in US English
 * (`phaseNeeds`), each need one message of `PHASE_NEEDS`; anything else is shown as sent.
 */
export function needsOf(debrief: Debrief): string[] {
  const key = PHASE_NEEDS[debrief.phase];
  return debrief.needs.map((need) => (key && need === translator('en')(key) ? t(key) : need));
}

export const phaseIndex = (p: DebriefPhase) => DEBRIEF_PHASES.indexOf(p);
export const sameText = (a: string, b: string) => a.trim() === b.trim();

/** The group's words, edited by the facilitator; `null` means untouched (show what the server has). */
export interface Drafts {
  prediction: string | null;
  nextLevel: string | null;
}
export type WordsField = keyof Drafts;
