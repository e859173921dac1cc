import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** Remembers that this tenant's LMS frames the tool from `origin`; true when the origin is new for the tenant. */
export async function addFrameOrigin(scope: TenantScope, origin: string, now: string): Promise<boolean> {
  const result = await scope
    .insertInto('frame_origins', { origin, created_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'origin']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Every learned origin, of all tenants: the app is one static page, whichever school's LMS frames it. */
export async function listFrameOrigins(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('frame_origins').select('origin').distinct().orderBy('origin').execute();
  return rows.map((r) => r.origin);
}
