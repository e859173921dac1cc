import { z } from 'zod';
import { decodeJson, encodeJson } from '../json-column';
import type { CycleTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** A cycle as the server uses it: members and strategies decoded and validated. */
export interface StoredCycle {
  id: string;
  networkId: string;
  problemId: string;
  createdBy: string;
  title: string;
  status: CycleTable['status'];
  /** Person ids, in the order they joined. */
  members: string[];
  /** Strategy ids. */
  strategies: string[];
  createdAt: string;
  updatedAt: string;
}

const IdsSchema = z.array(z.string());

const toCycle = (row: CycleTable): StoredCycle => ({
  id: row.id,
  networkId: row.network_id,
  problemId: row.problem_id,
  createdBy: row.created_by,
  title: row.title,
  status: row.status,
  members: decodeJson(IdsSchema, row.members, 'cycle members'),
  strategies: decodeJson(IdsSchema, row.strategies, 'cycle strategies'),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function insertCycle(scope: TenantScope, c: StoredCycle): Promise<void> {
  await scope
    .insertInto('cycles', {
      id: c.id,
      network_id: c.networkId,
      problem_id: c.problemId,
      created_by: c.createdBy,
      title: c.title,
      status: c.status,
      members: encodeJson(c.members),
      strategies: encodeJson(c.strategies),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    })
    .execute();
}

export async function findCycle(scope: TenantScope, id: string): Promise<StoredCycle | undefined> {
  const row = await scope.selectFrom('cycles').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCycle(row);
}

/** A network's cycles, newest first. */
export async function cyclesOf(scope: TenantScope, networkId: string): Promise<StoredCycle[]> {
  const rows = await scope
    .selectFrom('cycles')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(toCycle);
}

/** The cycles started from these proposals (problem id → cycle id). */
export async function cyclesFromProblems(
  scope: TenantScope,
  problemIds: string[],
): Promise<Map<string, string>> {
  if (problemIds.length === 0) return new Map();
  const rows = await scope
    .selectFrom('cycles')
    .select(['id', 'problem_id'])
    .where('problem_id', 'in', problemIds)
    .execute();
  return new Map(rows.map((r) => [r.problem_id, r.id]));
}

/** Replaces a cycle's members when they are still `before` (so two coaches adding at once lose nobody). */
export async function setCycleMembers(
  scope: TenantScope,
  id: string,
  before: string[],
  members: string[],
  at: string,
): Promise<boolean> {
  const result = await scope
    .updateTable('cycles')
    .set({ members: encodeJson(members), updated_at: at })
    .where('id', '=', id)
    .where('members', '=', encodeJson(before))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces a cycle's strategies when they are still `before` (so two coaches changing them at once lose nothing). */
export async function setCycleStrategies(
  scope: TenantScope,
  id: string,
  before: string[],
  strategies: string[],
  at: string,
): Promise<boolean> {
  const result = await scope
    .updateTable('cycles')
    .set({ strategies: encodeJson(strategies), updated_at: at })
    .where('id', '=', id)
    .where('strategies', '=', encodeJson(before))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends an active cycle; false when it had ended already. */
export async function endCycle(scope: TenantScope, id: string, at: string): Promise<boolean> {
  const result = await scope
    .updateTable('cycles')
    .set({ status: 'ended', updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many people marked each strategy "I tried it": counts only, never who. */
export async function triedCounts(scope: TenantScope, strategyIds: string[]): Promise<Map<string, number>> {
  if (strategyIds.length === 0) return new Map();
  const rows = await scope
    .selectFrom('strategy_tries')
    .select(['strategy_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('strategy_id', 'in', strategyIds)
    .where('state', '=', 'tried')
    .groupBy('strategy_id')
    .execute();
  return new Map(rows.map((r) => [r.strategy_id, Number(r.n)]));
}
