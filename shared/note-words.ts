/**
 * The word handling the note linter's parts share (its phrase rules, the name finder and the sentence model): what a
 * word is, a capital, accents folded away, and sets of words written as one string.
 */

// Letters, marks and digits, joined by single apostrophes or hyphens: "O'Brien", "shouldn't", "well-managed".
// Each separator must be followed by a letter, so the pattern cannot match one span in two ways.
export const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
export const UPPER = /^\p{Lu}/u;
const MARKS = /\p{M}/gu;
const ASCII = /^[\x20-\x7e]*$/;

/** The text without accents ("José" → "Jose"); plain ASCII is returned as it is, without the cost of normalising. */
export const fold = (s: string): string => (ASCII.test(s) ? s : s.normalize('NFD').replace(MARKS, ''));

/** A set of words written as one string, separated by any white space. */
export const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));
