import { type GroupRoles, StoredNormsSchema, StoredRolesSchema } from '../../../../shared/round-briefing';
import { decodeJson, encodeJson } from '../json-column';
import type { RoundBriefingTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** A round's briefing as the server uses it: norms and roles decoded and validated. */
export interface StoredBriefing {
  roundId: string;
  why: string | null;
  lookFors: string | null;
  norms: string[];
  /** One entry per group, in the groups' order. */
  roles: GroupRoles[];
  createdAt: string;
  updatedAt: string;
}

const toBriefing = (row: RoundBriefingTable): StoredBriefing => ({
  roundId: row.round_id,
  why: row.why,
  lookFors: row.look_fors,
  norms: decodeJson(StoredNormsSchema, row.norms, 'briefing norms'),
  roles: decodeJson(StoredRolesSchema, row.roles, 'briefing roles'),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function findBriefing(scope: TenantScope, roundId: string): Promise<StoredBriefing | undefined> {
  const row = await scope
    .selectFrom('round_briefings')
    .selectAll()
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return row && toBriefing(row);
}

/** Stores a new briefing; one made meanwhile by another request wins (this one is then dropped). */
export async function insertBriefing(scope: TenantScope, b: StoredBriefing): Promise<void> {
  await scope
    .insertInto('round_briefings', {
      round_id: b.roundId,
      why: b.why,
      look_fors: b.lookFors,
      norms: encodeJson(b.norms),
      roles: encodeJson(b.roles),
      created_at: b.createdAt,
      updated_at: b.updatedAt,
    })
    .onConflict((oc) => oc.column('round_id').doNothing())
    .execute();
}

export async function updateBriefingWords(
  scope: TenantScope,
  roundId: string,
  words: Pick<StoredBriefing, 'why' | 'lookFors' | 'norms' | 'updatedAt'>,
): Promise<void> {
  await scope
    .updateTable('round_briefings')
    .set({
      why: words.why,
      look_fors: words.lookFors,
      norms: encodeJson(words.norms),
      updated_at: words.updatedAt,
    })
    .where('round_id', '=', roundId)
    .execute();
}

export async function updateBriefingRoles(
  scope: TenantScope,
  roundId: string,
  roles: GroupRoles[],
): Promise<void> {
  await scope
    .updateTable('round_briefings')
    .set({ roles: encodeJson(roles) })
    .where('round_id', '=', roundId)
    .execute();
}

/** The roles of the network's other rounds: the planner's memory for a fair rotation. */
export async function rolesInNetwork(
  scope: TenantScope,
  networkId: string,
  exceptRoundId: string,
): Promise<GroupRoles[][]> {
  const rows = await scope
    .selectFrom('round_briefings')
    .innerJoin('rounds', 'rounds.id', 'round_briefings.round_id')
    .select('round_briefings.roles')
    .where('rounds.network_id', '=', networkId)
    .where('rounds.id', '!=', exceptRoundId)
    .orderBy('rounds.date', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => decodeJson(StoredRolesSchema, r.roles, 'briefing roles'));
}

/** Records (or renews) a person's acknowledgement of a round's briefing. */
export async function upsertAck(
  scope: TenantScope,
  roundId: string,
  personId: string,
  at: string,
): Promise<void> {
  await scope
    .insertInto('round_briefing_acks', { round_id: roundId, person_id: personId, acknowledged_at: at })
    .onConflict((oc) => oc.columns(['round_id', 'person_id']).doUpdateSet({ acknowledged_at: at }))
    .execute();
}

/** Everyone's latest acknowledgement of a round's briefing (person id → time). */
export async function acksOf(scope: TenantScope, roundId: string): Promise<Map<string, string>> {
  const rows = await scope
    .selectFrom('round_briefing_acks')
    .select(['person_id', 'acknowledged_at'])
    .where('round_id', '=', roundId)
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.acknowledged_at]));
}
