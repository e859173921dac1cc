import type { DebriefCardTable, RoundTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

export async function cardsOf(scope: TenantScope, roundId: string) {
  return scope
    .selectFrom('debrief_cards')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('created_at')
    .execute();
}

export async function patternsOf(scope: TenantScope, roundId: string) {
  return scope
    .selectFrom('debrief_patterns')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('created_at')
    .execute();
}

export async function insertCard(
  scope: TenantScope,
  row: Omit<DebriefCardTable, 'tenant_id'>,
): Promise<void> {
  await scope
    .insertInto('debrief_cards', row)
    .onConflict((oc) => oc.columns(['round_id', 'source_note_id']).doNothing())
    .execute();
}

export async function findCard(scope: TenantScope, roundId: string, id: string) {
  return scope
    .selectFrom('debrief_cards')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function moveCard(scope: TenantScope, id: string, patternId: string | null): Promise<void> {
  await scope.updateTable('debrief_cards').set({ pattern_id: patternId }).where('id', '=', id).execute();
}

export async function deleteCard(scope: TenantScope, id: string): Promise<void> {
  await scope.deleteFrom('debrief_cards').where('id', '=', id).execute();
}

export async function insertPattern(
  scope: TenantScope,
  row: { id: string; round_id: string; name: string; created_at: string },
) {
  await scope.insertInto('debrief_patterns', row).execute();
}

export async function updateDebrief(
  scope: TenantScope,
  roundId: string,
  patch: Partial<
    Pick<RoundTable, 'debrief_phase' | 'prediction' | 'next_level' | 'summarized_at' | 'updated_at'>
  >,
): Promise<void> {
  await scope.updateTable('rounds').set(patch).where('id', '=', roundId).execute();
}

/** Finished debriefs of a network, newest first, with their patterns' card counts: the picture's round summaries. */
export async function finishedDebriefs(scope: TenantScope, networkId: string) {
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
    round: r,
    patterns: patterns
      .filter((p) => p.round_id === r.id)
      .map((p) => ({ name: p.name, cards: countOf.get(p.id) ?? 0 })),
  }));
}
