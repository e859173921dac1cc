import { normaliseTitle } from './strategy';

/**
 * How alike two strategies are, from 0 (nothing in common) to 1 (the same words): the one measure used when a
 * teacher submits a strategy ("This looks like X"), in the coach's duplicate search and in the review queue.
 *
 * Texts are normalised as duplicate keys are (case, accents, punctuation and spacing do not count) and compared as
 * sets of character trigrams of each word (as PostgreSQL's pg_trgm does: "think" gives "  t", " th", "thi", "hin",
 * "ink", "nk "), so a typo costs only the trigrams around it: "Thnik pair share" still reads as
 * "Think-Pair-Share". The titles' Jaccard similarity is the score; when both strategies have steps, the average of
 * the titles' and the steps' similarity counts too, whichever is higher (a retitled copy of the same steps is a
 * duplicate). Jaccard similarity, the average and the maximum are symmetric, so sim(a, b) === sim(b, a).
 */
export interface Comparable {
  title: string;
  steps: readonly string[];
}

/** At or above this score two strategies are worth a look as duplicates. */
export const SIMILAR_AT = 0.5;

/** The normalised words of a text (see normaliseTitle). */
export function similarityWords(text: string): string[] {
  const normal = normaliseTitle(text);
  return normal ? normal.split(' ') : [];
}

/** The set of padded character trigrams of the text's words. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of similarityWords(text)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** |A ∩ B| / |A ∪ B|; two empty sets are not alike (0). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

export function strategySimilarity(a: Comparable, b: Comparable): number {
  const title = jaccard(trigrams(a.title), trigrams(b.title));
  const stepsA = trigrams(a.steps.join(' '));
  const stepsB = trigrams(b.steps.join(' '));
  if (stepsA.size === 0 || stepsB.size === 0) return title;
  return Math.max(title, (title + jaccard(stepsA, stepsB)) / 2);
}

export const areSimilar = (a: Comparable, b: Comparable): boolean => strategySimilarity(a, b) >= SIMILAR_AT;
