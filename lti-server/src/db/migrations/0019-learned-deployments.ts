import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Platforms registered dynamically learn their deployments at the first verified launch (Canvas names none at
  // registration); without a row here a platform launches only from deployments an operator registered.
  await db.schema
    .createTable('platform_policies')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('deployments', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('platform_policies_pkey', ['issuer', 'client_id'])
    .execute();
  // When a deployment was learned from a launch (null: an operator registered it).
  await db.schema.alterTable('platform_deployments').addColumn('learned_at', 'text').execute();
}
