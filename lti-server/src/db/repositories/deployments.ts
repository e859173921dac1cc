import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Deployments registered by an administrator for a platform (issuer + client id). */
export async function addDeployments(
  db: Kysely<Database>,
  issuer: string,
  clientId: string,
  deploymentIds: string[],
  now: string,
): Promise<void> {
  if (deploymentIds.length === 0) return;
  await db
    .insertInto('platform_deployments')
    .values(deploymentIds.map((id) => ({ issuer, client_id: clientId, deployment_id: id, created_at: now })))
    .onConflict((oc) => oc.columns(['issuer', 'client_id', 'deployment_id']).doNothing())
    .execute();
}

export async function listDeployments(
  db: Kysely<Database>,
  issuer: string,
  clientId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('platform_deployments')
    .select('deployment_id')
    .where('issuer', '=', issuer)
    .where('client_id', '=', clientId)
    .orderBy('deployment_id')
    .execute();
  return rows.map((r) => r.deployment_id);
}

export async function removeDeployments(
  db: Kysely<Database>,
  issuer: string,
  clientId: string,
): Promise<void> {
  await db
    .deleteFrom('platform_deployments')
    .where('issuer', '=', issuer)
    .where('client_id', '=', clientId)
    .execute();
}
