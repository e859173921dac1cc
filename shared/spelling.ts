/**
 * Spelling helpers for a forgiving search: the edit distance between two words and the nearest of a list. Pure, so
 * the server (search, subject mapping) and the app use the same rule.
 */

/** The most edits (insert, delete, substitute, swap two neighbours) a suggestion may be away from what was typed. */
export const MAX_EDITS = 2;

/** Words of a text as the spelling word list keeps them: lower case, letters and digits. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Damerau-Levenshtein distance (optimal string alignment) between `a` and `b`, or `max + 1` as soon as it is
 * certain to exceed `max` (a row's smallest value only grows), so comparing a word with thousands stays cheap.
 */
export function editDistance(a: string, b: string, max = MAX_EDITS): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      smallest = Math.min(smallest, d);
    }
    if (smallest > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Words a misspelt search word is never corrected to: function words say nothing about a strategy, and as the most
 * common words of any menu they would win every tie ("tme" is one edit from "the" and from "time").
 */
const FUNCTION_WORDS = new Set(
  `a an and are as at be but by for from has have he her his i if in into is it its me my no not of on or our she so
  than that the their them then there these they this those to too up us was we were what when which who why will
  with you your`.split(/\s+/),
);

/** The candidates a search word may be corrected to: all but function words, in their order. */
export const correctionCandidates = (candidates: readonly string[]): string[] =>
  candidates.filter((c) => !FUNCTION_WORDS.has(c));

/**
 * The candidate nearest to `word` within `max` edits, or undefined. Ties go to the earlier candidate, so callers
 * list the likelier ones first (more similar, more common).
 */
export function nearestWord(
  word: string,
  candidates: readonly string[],
  max = MAX_EDITS,
): string | undefined {
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate, Math.min(max, bestDistance));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}

/**
 * The entry of a school's list that free text stands for: the same entry in any case, else the only entry it starts
 * ("Sci" → "Science"), else the nearest within two edits ("Sceince" → "Science"); undefined when none is close.
 */
export function nearestEntry(text: string, entries: readonly string[]): string | undefined {
  const typed = text.trim().toLowerCase();
  if (!typed) return undefined;
  const exact = entries.find((e) => e.toLowerCase() === typed);
  if (exact) return exact;
  const starts = entries.filter((e) => e.toLowerCase().startsWith(typed));
  if (starts.length === 1) return starts[0];
  if (starts.length > 1) return undefined;
  // Short words are too easily two edits from anything ("PE" → "Art").
  if (typed.length < 4) return undefined;
  const lower = entries.map((e) => e.toLowerCase());
  const near = nearestWord(typed, lower);
  return near === undefined ? undefined : entries[lower.indexOf(near)];
}
