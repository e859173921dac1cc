import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Deployments registered by an administrator for a platform (issuer + client id), or learned at a first launch. */
export async function addDeployments(
  db: Kysely<Database>,
  issuer: string,
  clientId: string,
  deploymentIds: string[],
  now: string,
  learned = false,
): Promise<void> {
  if (deploymentIds.length === 0) return;
  await db
    .insertInto('platform_deployments')
    .values(
      deploymentIds.map((id) => ({
        issuer,
        client_id: clientId,
        deployment_id: id,
        created_at: now,
        learned_at: learned ? now : null,
      })),
    )
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

export async function findDeployment(
  db: Kysely<Database>,
  issuer: string,
  clientId: string,
  deploymentId: string,
): Promise<{ createdAt: string; learnedAt: string | null } | undefined> {
  return db
    .selectFrom('platform_deployments')
    .select(['created_at as createdAt', 'learned_at as learnedAt'])
    .where('issuer', '=', issuer)
    .where('client_id', '=', clientId)
    .where('deployment_id', '=', deploymentId)
    .executeTakeFirst();
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
  await db
    .deleteFrom('platform_policies')
    .where('issuer', '=', issuer)
    .where('client_id', '=', clientId)
    .execute();
}

/** Marks a platform as learning its deployments at first launch (dynamic registration). */
export async function setLearnsDeployments(
  db: Kysely<Database>,
  issuer: string,
  clientId: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('platform_policies')
    .values({ issuer, client_id: clientId, deployments: 'learn', created_at: now })
    .onConflict((oc) => oc.columns(['issuer', 'client_id']).doUpdateSet({ deployments: 'learn' }))
    .execute();
}

export async function learnsDeployments(
  db: Kysely<Database>,
  issuer: string,
  clientId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('platform_policies')
    .select('deployments')
    .where('issuer', '=', issuer)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row?.deployments === 'learn';
}
