import { EVIDENCE_THEMES } from './evidence-themes';

/**
 * A group of the school-wide picture: the whole school, a strategy (by its title) or a tag; and, for the picture over
 * time of a cycle, a round (by its id), which the school picture never lists.
 */
export interface PictureGroupKey {
  kind: 'school' | 'strategy' | 'tag' | 'round';
  label: string;
}

export const WHOLE_SCHOOL: PictureGroupKey = { kind: 'school', label: 'The whole school' };

/** What one visit counts for in the picture: the groups it is part of and the themes its notes show. */
export interface VisitContribution {
  networkId: string;
  hostId: string;
  strategyId: string | null;
  groups: PictureGroupKey[];
  themes: string[];
}

const byKindThenLabel = (a: PictureGroupKey, b: PictureGroupKey) =>
  a.kind === b.kind ? (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) : a.kind < b.kind ? -1 : 1;

/**
 * The groups a visit counts in: always the whole school; its strategy, by title (two strategies with one title are one
 * group); each of its strategy's tags; the round it was part of. Sorted and without duplicates, so two contributions
 * compare as values.
 */
export function pictureGroupsOf(
  strategy: { title: string | null; tags: string[] } | null,
  roundId: string | null = null,
): PictureGroupKey[] {
  const groups: PictureGroupKey[] = [WHOLE_SCHOOL];
  if (roundId) groups.push({ kind: 'round', label: roundId });
  if (strategy?.title) groups.push({ kind: 'strategy', label: strategy.title });
  for (const tag of new Set(strategy?.tags ?? [])) groups.push({ kind: 'tag', label: tag });
  return groups.sort(byKindThenLabel);
}

/** The themes a visit shows: those any of its notes shows, in the order of EVIDENCE_THEMES. */
export function visitThemes(texts: string[]): string[] {
  return EVIDENCE_THEMES.filter((t) => texts.some((text) => t.words.test(text))).map((t) => t.id);
}

/** A visit's themes with those of one more note, in the order of EVIDENCE_THEMES. */
export function addThemesOf(themes: string[], text: string): string[] {
  const shown = new Set(themes);
  return EVIDENCE_THEMES.filter((t) => shown.has(t.id) || t.words.test(text)).map((t) => t.id);
}

/** Whether two contributions of a visit count the same (so the aggregates need no change). */
export function sameContribution(
  a: VisitContribution | undefined,
  b: VisitContribution | undefined,
): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
