import { DEBRIEF_PHASES } from '../../../../../shared/rounds';
import type { Debrief, DebriefPhase } from '../../api';

export type Card = Debrief['cards'][number];
export type Pattern = Debrief['patterns'][number];

/** The phases in the group's words: each one sentence, shown in the stepper. */
export const PHASES: Record<DebriefPhase, { name: string; about: string }> = {
  description: {
    name: 'Description',
    about: 'Read the evidence cards together: what did we see and hear? Describe only, no judging.',
  },
  analysis: { name: 'Analysis', about: 'Group the cards into patterns and give each pattern a name.' },
  prediction: {
    name: 'Prediction',
    about: 'If you were a student here, what would you know and be able to do?',
  },
  next: {
    name: 'Next level of work',
    about: 'Agree on what the school does next to move that learning forward.',
  },
  done: { name: 'Done', about: 'The summary joins the school picture, with no names and no classrooms.' },
};

export const phaseIndex = (p: DebriefPhase) => DEBRIEF_PHASES.indexOf(p);
export const sameText = (a: string, b: string) => a.trim() === b.trim();

/** The group's words, edited by the facilitator; `null` means untouched (show what the server has). */
export interface Drafts {
  prediction: string | null;
  nextLevel: string | null;
}
export type WordsField = keyof Drafts;
