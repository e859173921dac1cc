import type { DebriefCardTable, DebriefPatternTable, DebriefSkipTable } from '../schema';
import type { TenantScope } from '../tenant-scope';
import { type StoredRound, toRound } from './rounds';

/** A de-identified evidence card: its text, and its author only so they can withdraw it. */
export interface StoredCard {
  id: string;
  roundId: string;
  authorId: string;
  sourceNoteId: string;
  text: string;
  patternId: string | null;
  createdAt: string;
}

export interface StoredPattern {
  id: string;
  roundId: string;
  name: string;
  createdAt: string;
}

const toCard = (row: DebriefCardTable): StoredCard => ({
  id: row.id,
  roundId: row.round_id,
  authorId: row.author_id,
  sourceNoteId: row.source_note_id,
  text: row.text,
  patternId: row.pattern_id,
  createdAt: row.created_at,
});

const toPattern = (row: DebriefPatternTable): StoredPattern => ({
  id: row.id,
  roundId: row.round_id,
  name: row.name,
  createdAt: row.created_at,
});

export async function cardsOf(scope: TenantScope, roundId: string): Promise<StoredCard[]> {
  const rows = await scope
    .selectFrom('debrief_cards')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('created_at')
    .execute();
  return rows.map(toCard);
}

export async function patternsOf(scope: TenantScope, roundId: string): Promise<StoredPattern[]> {
  const rows = await scope
    .selectFrom('debrief_patterns')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('created_at')
    .execute();
  return rows.map(toPattern);
}

export async function insertCard(scope: TenantScope, card: StoredCard): Promise<void> {
  await scope
    .insertInto('debrief_cards', {
      id: card.id,
      round_id: card.roundId,
      author_id: card.authorId,
      source_note_id: card.sourceNoteId,
      text: card.text,
      pattern_id: card.patternId,
      created_at: card.createdAt,
    })
    .onConflict((oc) => oc.columns(['round_id', 'source_note_id']).doNothing())
    .execute();
}

export async function findCard(
  scope: TenantScope,
  roundId: string,
  id: string,
): Promise<StoredCard | undefined> {
  const row = await scope
    .selectFrom('debrief_cards')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toCard(row);
}

export async function moveCard(scope: TenantScope, id: string, patternId: string | null): Promise<void> {
  await scope.updateTable('debrief_cards').set({ pattern_id: patternId }).where('id', '=', id).execute();
}

export async function deleteCard(scope: TenantScope, id: string): Promise<void> {
  await scope.deleteFrom('debrief_cards').where('id', '=', id).execute();
}

export async function insertPattern(scope: TenantScope, pattern: StoredPattern) {
  await scope
    .insertInto('debrief_patterns', {
      id: pattern.id,
      round_id: pattern.roundId,
      name: pattern.name,
      created_at: pattern.createdAt,
    })
    .execute();
}

export async function updateDebrief(
  scope: TenantScope,
  roundId: string,
  patch: Partial<
    Pick<StoredRound, 'debriefPhase' | 'prediction' | 'nextLevel' | 'summarizedAt' | 'updatedAt'>
  >,
): Promise<void> {
  await scope
    .updateTable('rounds')
    .set({
      ...(patch.debriefPhase !== undefined ? { debrief_phase: patch.debriefPhase } : {}),
      ...(patch.prediction !== undefined ? { prediction: patch.prediction } : {}),
      ...(patch.nextLevel !== undefined ? { next_level: patch.nextLevel } : {}),
      ...(patch.summarizedAt !== undefined ? { summarized_at: patch.summarizedAt } : {}),
      ...(patch.updatedAt !== undefined ? { updated_at: patch.updatedAt } : {}),
    })
    .where('id', '=', roundId)
    .execute();
}

/** Finished debriefs of a network, newest first, with their patterns' card counts: the picture's round summaries. */
export async function finishedDebriefs(
  scope: TenantScope,
  networkId: string,
): Promise<Array<{ round: StoredRound; patterns: Array<{ name: string; cards: number }> }>> {
  const rounds = await scope
    .selectFrom('rounds')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('status', '=', 'published')
    .where('debrief_phase', '=', 'done')
    .orderBy('date', 'desc')
    .limit(50)
    .execute();
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => r.id);
  const patterns = await scope
    .selectFrom('debrief_patterns')
    .selectAll()
    .where('round_id', 'in', ids)
    .execute();
  const counts = await scope
    .selectFrom('debrief_cards')
    .select(['pattern_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', 'in', ids)
    .where('pattern_id', 'is not', null)
    .groupBy('pattern_id')
    .execute();
  const countOf = new Map(counts.map((c) => [c.pattern_id, Number(c.n)]));
  return rounds.map((r) => ({
    round: toRound(r),
    patterns: patterns
      .filter((p) => p.round_id === r.id)
      .map((p) => ({ name: p.name, cards: countOf.get(p.id) ?? 0 })),
  }));
}

/** A phase the coach left without what it needs, and why. */
export interface StoredSkip {
  id: string;
  roundId: string;
  phase: DebriefSkipTable['phase'];
  reason: string;
  createdAt: string;
}

export async function insertSkip(scope: TenantScope, skip: StoredSkip): Promise<void> {
  await scope
    .insertInto('debrief_skips', {
      id: skip.id,
      round_id: skip.roundId,
      phase: skip.phase,
      reason: skip.reason,
      created_at: skip.createdAt,
    })
    .execute();
}

export async function skipsOf(scope: TenantScope, roundId: string): Promise<StoredSkip[]> {
  const rows = await scope
    .selectFrom('debrief_skips')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    roundId: row.round_id,
    phase: row.phase,
    reason: row.reason,
    createdAt: row.created_at,
  }));
}
