import type { RoundTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

export type RoundRow = RoundTable;

export async function insertRound(scope: TenantScope, row: Omit<RoundRow, 'tenant_id'>): Promise<void> {
  await scope.insertInto('rounds', row).execute();
}

export async function findRound(scope: TenantScope, id: string): Promise<RoundRow | undefined> {
  return scope.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function roundsOf(scope: TenantScope, networkId: string): Promise<RoundRow[]> {
  return scope
    .selectFrom('rounds')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

/** Changes a draft only: returns false when the round was published meanwhile. */
export async function updateDraft(
  scope: TenantScope,
  id: string,
  patch: Partial<Pick<RoundRow, 'groups' | 'status' | 'updated_at'>>,
): Promise<boolean> {
  const result = await scope
    .updateTable('rounds')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDraft(scope: TenantScope, id: string): Promise<boolean> {
  const result = await scope
    .deleteFrom('rounds')
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
