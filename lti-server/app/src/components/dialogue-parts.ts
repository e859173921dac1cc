import type { DialoguePart } from '../../../../shared/dialogue';
import type { MessageKey } from '../../../../shared/i18n';

/** The reflective dialogue's parts, as a thread and its form show them (local and cross-school visits alike). */
export const PART_TEXT: Record<DialoguePart, MessageKey> = {
  noticed: 'dialogue.part.noticed',
  wondering: 'dialogue.part.wondering',
  reply: 'dialogue.part.reply',
  next_step: 'dialogue.part.next-step',
};

/** What each part asks for, under its field. */
export const PART_HINT: Record<DialoguePart, MessageKey> = {
  noticed: 'dialogue.hint.noticed',
  wondering: 'dialogue.hint.wondering',
  reply: 'dialogue.hint.reply',
  next_step: 'dialogue.hint.next-step',
};
