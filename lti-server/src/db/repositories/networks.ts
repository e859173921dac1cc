import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, NetworkTable } from '../schema';

/** A group that shares one menu: one LMS course, or a whole deployment. */
export interface Network {
  id: string;
  tenantId: string;
  contextId: string;
  title: string;
  scope: NetworkTable['scope'];
  createdAt: string;
  updatedAt: string;
  /** The course's Names and Roles membership URL, when the LMS offers the service. */
  nrpsUrl: string | null;
}

export const toNetwork = (row: Selectable<NetworkTable>): Network => ({
  id: row.id,
  tenantId: row.tenant_id,
  contextId: row.context_id,
  title: row.title,
  scope: row.scope,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  nrpsUrl: row.nrps_url,
});

/** The context id used for a deployment-wide (school-wide) network, which no LMS course id can equal. */
export const DEPLOYMENT_CONTEXT = '@deployment';

export async function upsertNetwork(
  db: Kysely<Database>,
  tenantId: string,
  contextId: string,
  title: string,
  scope: Network['scope'],
  now: string,
  nrpsUrl?: string,
  known?: Network | null,
): Promise<Network> {
  // Read first (unless the caller already did; null means it found none): most launches change nothing, and a
  // write would cost a commit and a row lock.
  const existing =
    known !== undefined
      ? known
      : await db
          .selectFrom('networks')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('context_id', '=', contextId)
          .executeTakeFirst()
          .then((row) => row && toNetwork(row));
  if (existing && existing.title === title && (!nrpsUrl || existing.nrpsUrl === nrpsUrl)) return existing;
  // One statement: the upsert returns the row whether it inserted or updated it.
  const row = await db
    .insertInto('networks')
    .values({
      id: randomUUID(),
      tenant_id: tenantId,
      context_id: contextId,
      title,
      scope,
      created_at: now,
      updated_at: now,
      nrps_url: nrpsUrl ?? null,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'context_id'])
        .doUpdateSet({ title, updated_at: now, ...(nrpsUrl ? { nrps_url: nrpsUrl } : {}) }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toNetwork(row);
}

export async function findNetwork(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
): Promise<Network | undefined> {
  const row = await db
    .selectFrom('networks')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toNetwork(row);
}
