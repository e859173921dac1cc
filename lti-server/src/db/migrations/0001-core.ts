import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tenants_platform_deployment', ['issuer', 'client_id', 'deployment_id'])
    .execute();

  await db.schema
    .createTable('platform_deployments')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('platform_deployments_pk', ['issuer', 'client_id', 'deployment_id'])
    .execute();

  await db.schema
    .createTable('networks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('context_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('course', 'deployment')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('networks_tenant_context', ['tenant_id', 'context_id'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Only staff are ever stored: the check makes a student row impossible, not just unlikely.
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('teacher', 'coach')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('people_tenant_subject', ['tenant_id', 'subject'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();

  await db.schema
    .createTable('sandbox_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('private_pem', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // ltijs's collections. Unique keys match the queries ltijs replaces by, so an upsert is one statement
  // and two instances racing on the same launch cannot create duplicates.
  const ltiTable = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('doc', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint');

  await ltiTable('lti_platform')
    .addColumn('platform_url', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('kid', 'text', (c) => c.notNull().unique())
    .addUniqueConstraint('lti_platform_key', ['platform_url', 'client_id'])
    .execute();
  await ltiTable('lti_platform_status')
    .addColumn('status_id', 'text', (c) => c.primaryKey())
    .execute();
  for (const name of ['lti_publickey', 'lti_privatekey']) {
    await ltiTable(name)
      .addColumn('kid', 'text', (c) => c.notNull().unique())
      .addColumn('platform_url', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addUniqueConstraint(`${name}_key`, ['platform_url', 'client_id'])
      .execute();
  }
  await ltiTable('lti_accesstoken')
    .addColumn('platform_url', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addUniqueConstraint('lti_accesstoken_key', ['platform_url', 'client_id', 'scopes'])
    .execute();
  await ltiTable('lti_idtoken')
    .addColumn('iss', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addUniqueConstraint('lti_idtoken_key', ['iss', 'client_id', 'deployment_id', 'user_id'])
    .execute();
  await ltiTable('lti_contexttoken')
    .addColumn('context_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addUniqueConstraint('lti_contexttoken_key', ['context_id', 'user_id'])
    .execute();
  // A nonce is unique: a replayed id_token fails on insert even when two instances see it at once.
  await ltiTable('lti_nonce')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .execute();
  await ltiTable('lti_state')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .execute();
  for (const name of ['lti_accesstoken', 'lti_idtoken', 'lti_contexttoken', 'lti_nonce', 'lti_state']) {
    await db.schema.createIndex(`${name}_expires`).on(name).column('expires_at').execute();
  }
}
