import type { Kysely } from 'kysely';
import type { Database } from '../../../lti-server/src/db/schema';

/**
 * A tenant with networks (by id; each its own context) and one teacher, inserted straight into the database, for
 * tests of repositories below the API. The issuer is made from the tenant id, so several tenants can share a database.
 */
export async function seedTenant(
  db: Kysely<Database>,
  ids: { tenant: string; networks: string[]; person: string },
  now = new Date().toISOString(),
): Promise<void> {
  await db
    .insertInto('tenants')
    .values({
      id: ids.tenant,
      issuer: `https://${ids.tenant}.lms.example`,
      client_id: 'c',
      deployment_id: 'd',
      name: ids.tenant,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('networks')
    .values(
      ids.networks.map((id) => ({
        id,
        tenant_id: ids.tenant,
        context_id: id,
        title: 'N',
        scope: 'course' as const,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await db
    .insertInto('people')
    .values({
      id: ids.person,
      tenant_id: ids.tenant,
      subject: `s-${ids.person}`,
      name: 'P',
      role: 'teacher',
      created_at: now,
      last_seen_at: now,
    })
    .execute();
}
