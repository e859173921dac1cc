import type { TenantSettingsTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

export async function findSettings(scope: TenantScope): Promise<TenantSettingsTable | undefined> {
  return scope.selectFrom('tenant_settings').selectAll().executeTakeFirst();
}

export async function saveSettings(
  scope: TenantScope,
  row: Omit<TenantSettingsTable, 'tenant_id'>,
): Promise<void> {
  const updated = await scope.updateTable('tenant_settings').set(row).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await scope.insertInto('tenant_settings', row).execute();
}
