import type { NotePrompt } from '../../../shared/notes';

/**
 * Note drafts kept on this device while the visitor types, one per visit and prompt, so a closed tab or a lost
 * connection loses nothing. A draft never leaves the browser; it is cleared once the note is saved. Storage can be
 * blocked inside an LMS iframe (third-party storage): then drafts simply are not kept.
 */
const PREFIX = 'tasting-menu.note-draft';

export const draftKey = (visitId: string, prompt: NotePrompt) => `${PREFIX}.${visitId}.${prompt}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readDraft(visitId: string, prompt: NotePrompt): string {
  try {
    return storage()?.getItem(draftKey(visitId, prompt)) ?? '';
  } catch {
    return '';
  }
}

/** Keeps the text (an empty text removes the draft); false when this browser does not let the app store it. */
export function writeDraft(visitId: string, prompt: NotePrompt, text: string): boolean {
  try {
    const s = storage();
    if (!s) return false;
    if (text.trim()) s.setItem(draftKey(visitId, prompt), text);
    else s.removeItem(draftKey(visitId, prompt));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(visitId: string, prompt: NotePrompt): void {
  try {
    storage()?.removeItem(draftKey(visitId, prompt));
  } catch {
    // nothing stored
  }
}
