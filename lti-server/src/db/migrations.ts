import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database } from './schema';

/**
 * One migration history for SQLite and PostgreSQL. Columns use portable types only (text, integer, bigint),
 * so the same statements run on both. Migrations are never edited once released: add a new one.
 */
export type Dialect = 'sqlite' | 'postgres';

const migrationsFor = (dialect: Dialect): Record<string, Migration> => ({
  '0001-core': {
    async up(db: Kysely<unknown>) {
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
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0002-strategies': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('strategies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
        .addColumn('contributor_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('client_id', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes between 1 and 15`))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('grade_band', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('source_url', 'text')
        .addColumn('source_title', 'text')
        .addColumn('excerpt_html', 'text')
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('pending', 'approved', 'featured', 'retired')`),
        )
        .addColumn('change_message', 'text')
        .addColumn('change_requested_at', 'text')
        .addColumn('merged_into_id', 'text')
        .addColumn('dup_key', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('strategies_client_id', ['tenant_id', 'contributor_id', 'client_id'])
        .execute();
      await db.schema
        .createIndex('strategies_browse')
        .on('strategies')
        .columns(['tenant_id', 'network_id', 'status', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('strategies_dup')
        .on('strategies')
        .columns(['tenant_id', 'network_id', 'dup_key'])
        .execute();
      await db.schema
        .createIndex('strategies_contributor')
        .on('strategies')
        .columns(['tenant_id', 'contributor_id'])
        .execute();

      await db.schema
        .createTable('strategy_tags')
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('strategy_id', 'text', (c) => c.notNull().references('strategies.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('strategy_tags_pk', ['strategy_id', 'tag'])
        .execute();
      await db.schema
        .createIndex('strategy_tags_tag')
        .on('strategy_tags')
        .columns(['tenant_id', 'tag'])
        .execute();

      // Everyone credited for a strategy: its contributor, and after a merge the contributors of the merged ones.
      await db.schema
        .createTable('strategy_credits')
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('strategy_id', 'text', (c) => c.notNull().references('strategies.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('strategy_credits_pk', ['strategy_id', 'person_id'])
        .execute();

      // "I'll try it" / "I tried it": private to the person; the contributor sees only a count.
      await db.schema
        .createTable('strategy_tries')
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('strategy_id', 'text', (c) => c.notNull().references('strategies.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('trying', 'tried')`))
        .addColumn('reflection', 'text')
        .addColumn('shared_with_contributor', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('strategy_tries_pk', ['strategy_id', 'person_id'])
        .execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_events_subject')
        .on('audit_events')
        .columns(['tenant_id', 'subject_id', 'at'])
        .execute();

      // Full-text search: FTS5 (external content, kept in step by triggers) or a generated tsvector with GIN.
      if (dialect === 'sqlite') {
        await sql`create virtual table strategies_fts using fts5(search_text, content='strategies', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4')`.execute(
          db,
        );
        await sql`create trigger strategies_fts_insert after insert on strategies begin
          insert into strategies_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(
          db,
        );
        await sql`create trigger strategies_fts_delete after delete on strategies begin
          insert into strategies_fts(strategies_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(
          db,
        );
        await sql`create trigger strategies_fts_update after update of search_text on strategies begin
          insert into strategies_fts(strategies_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
          insert into strategies_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(
          db,
        );
      } else {
        await sql`alter table strategies add column search_vector tsvector generated always as (to_tsvector('english', search_text)) stored`.execute(
          db,
        );
        await sql`create index strategies_search on strategies using gin (search_vector)`.execute(db);
      }
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0003-tenant-settings': {
    async up(db: Kysely<unknown>) {
      // Per-tenant choices a coach makes: which LMS roles are coaches, and whether the menu is per course or school-wide.
      await db.schema
        .createTable('tenant_settings')
        .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
        .addColumn('network_scope', 'text', (c) =>
          c.notNull().check(sql`network_scope in ('course', 'deployment')`),
        )
        .addColumn('coach_roles', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0004-extension-pairing': {
    async up(db: Kysely<unknown>) {
      // A pairing: the extension shows `code`; a signed-in teacher confirms it; the extension claims its token.
      // Codes and claim secrets are stored hashed; rows expire in minutes.
      await db.schema
        .createTable('pairings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code_hash', 'text', (c) => c.notNull().unique())
        .addColumn('claim_hash', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.references('tenants.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
        .addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('cascade'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      // Long-lived tokens of paired extensions: only the SHA-256 is stored; listed and revocable by their owner.
      await db.schema
        .createTable('device_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('device_tokens_person')
        .on('device_tokens')
        .columns(['tenant_id', 'person_id'])
        .execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0005-names-and-roles': {
    async up(db: Kysely<unknown>) {
      // Where the LMS's Names and Role Provisioning Service lists a course's members (from the launch claim).
      await db.schema.alterTable('networks').addColumn('nrps_url', 'text').execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0006-deep-linking': {
    async up(db: Kysely<unknown>) {
      // An open deep-linking request (editor button, link selection): where to return the chosen strategy. Single use.
      await db.schema
        .createTable('deep_link_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('return_url', 'text', (c) => c.notNull())
        .addColumn('accept_types', 'text', (c) => c.notNull())
        .addColumn('accept_multiple', 'integer', (c) => c.notNull())
        .addColumn('data', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0007-retired-tool-keys': {
    async up(db: Kysely<unknown>) {
      // After a key rotation the old public key stays in /lti/keys until it expires, so tokens the LMS received
      // just before the rotation still verify.
      await db.schema
        .createTable('retired_tool_keys')
        .addColumn('kid', 'text', (c) => c.primaryKey())
        .addColumn('public_jwk', 'text', (c) => c.notNull())
        .addColumn('retired_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0008-visits': {
    async up(db: Kysely<unknown>) {
      // An open door: a host's time window for sampling a strategy (or a classroom in a published round).
      // `booked` counts booked seats; the check keeps it within capacity even if code were wrong.
      await db.schema
        .createTable('doors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
        .addColumn('host_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('strategy_id', 'text', (c) => c.references('strategies.id').onDelete('cascade'))
        .addColumn('round_id', 'text')
        .addColumn('series_id', 'text')
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('minutes', 'integer', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 1 and 6`))
        .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('visitor_note', 'text')
        .addColumn('look_for', 'text')
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'cancelled')`))
        .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('doors_booked_within_capacity', sql`booked >= 0 and booked <= capacity`)
        .execute();
      await db.schema
        .createIndex('doors_week')
        .on('doors')
        .columns(['tenant_id', 'network_id', 'starts_at'])
        .execute();
      await db.schema
        .createIndex('doors_host')
        .on('doors')
        .columns(['tenant_id', 'host_id', 'starts_at'])
        .execute();

      // A visitor's seat at a door. One row per person and door: cancelling and booking again reuse it, so the
      // calendar event keeps its UID and only its SEQUENCE rises. Start and end are copied for overlap checks.
      await db.schema
        .createTable('visits')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('door_id', 'text', (c) => c.notNull().references('doors.id').onDelete('cascade'))
        .addColumn('visitor_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('booked', 'cancelled')`))
        .addColumn('cancelled_by', 'text', (c) => c.check(sql`cancelled_by in ('visitor', 'host')`))
        .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('visits_door_visitor', ['door_id', 'visitor_id'])
        .execute();
      await db.schema
        .createIndex('visits_visitor')
        .on('visits')
        .columns(['tenant_id', 'visitor_id', 'starts_at'])
        .execute();

      // Private calendar feeds: only the SHA-256 of the secret in the URL is stored.
      await db.schema
        .createTable('calendar_feeds')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('calendar_feeds_person')
        .on('calendar_feeds')
        .columns(['tenant_id', 'person_id'])
        .execute();

      // A coach's round: the inputs and the planned rotation (JSON), a draft until it is published as doors and visits.
      await db.schema
        .createTable('rounds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
        .addColumn('created_by', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('focus_kind', 'text', (c) =>
          c.notNull().check(sql`focus_kind in ('strategy', 'tag', 'problem')`),
        )
        .addColumn('focus_value', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('start', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('slot_minutes', 'integer', (c) => c.notNull())
        .addColumn('gap_minutes', 'integer', (c) => c.notNull())
        .addColumn('look_for', 'text')
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
        .addColumn('participants', 'text', (c) => c.notNull())
        .addColumn('hosts', 'text', (c) => c.notNull())
        .addColumn('groups', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('rounds_network')
        .on('rounds')
        .columns(['tenant_id', 'network_id', 'date'])
        .execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0011-platform-storage': {
    async up(db: Kysely<unknown>) {
      // Cookieless launches (LTI platform storage): a login's state bound to a secret the LMS keeps for the browser;
      // only the secret's SHA-256 is stored. Times are milliseconds, like ltijs's own rows.
      await db.schema
        .createTable('lti_storage_bindings')
        .addColumn('state', 'text', (c) => c.primaryKey())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('binding_hash', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('platform_origin', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('lti_storage_bindings_expires')
        .on('lti_storage_bindings')
        .column('expires_at')
        .execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0010-notes': {
    async up(db: Kysely<unknown>) {
      // A positive-evidence note. It belongs to the visited teacher (host_id): reads are only ever by host_id or by
      // writer_id. A note is never about its own writer, and expires on the school's retention date.
      await db.schema
        .createTable('notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
        .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
        .addColumn('door_id', 'text', (c) => c.notNull().references('doors.id').onDelete('cascade'))
        .addColumn('host_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('writer_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('prompt', 'text', (c) =>
          c.notNull().check(sql`prompt in ('students', 'teacher', 'prediction')`),
        )
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('useful', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addCheckConstraint('notes_not_about_writer', sql`host_id <> writer_id`)
        .execute();
      await db.schema.createIndex('notes_host').on('notes').columns(['tenant_id', 'host_id']).execute();
      await db.schema.createIndex('notes_writer').on('notes').columns(['tenant_id', 'writer_id']).execute();
      await db.schema.createIndex('notes_network').on('notes').columns(['tenant_id', 'network_id']).execute();
      await db.schema.createIndex('notes_expiry').on('notes').column('expires_at').execute();

      // The school's retention date for notes (default: the end of the current term).
      await db.schema
        .createTable('notes_retention')
        .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
        .addColumn('expires_on', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // A host's thank-you to a visitor.
      await db.schema.alterTable('visits').addColumn('thanks_message', 'text').execute();
      await db.schema.alterTable('visits').addColumn('thanked_at', 'text').execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0009-search-speed': {
    async up(db: Kysely<unknown>) {
      if (dialect === 'sqlite') {
        // The same FTS5 table with prefix indexes up to 10 characters: a typed word of 5+ characters ("think"*) reads
        // one prefix index instead of merging the doclists of every term that starts with it. Rebuilt from `strategies`.
        await sql`drop trigger if exists strategies_fts_insert`.execute(db);
        await sql`drop trigger if exists strategies_fts_delete`.execute(db);
        await sql`drop trigger if exists strategies_fts_update`.execute(db);
        await sql`drop table if exists strategies_fts`.execute(db);
        await sql`create virtual table strategies_fts using fts5(search_text, content='strategies', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8 9 10')`.execute(
          db,
        );
        await sql`create trigger strategies_fts_insert after insert on strategies begin
          insert into strategies_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(
          db,
        );
        await sql`create trigger strategies_fts_delete after delete on strategies begin
          insert into strategies_fts(strategies_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(
          db,
        );
        await sql`create trigger strategies_fts_update after update of search_text on strategies begin
          insert into strategies_fts(strategies_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
          insert into strategies_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(
          db,
        );
        await sql`insert into strategies_fts(strategies_fts) values ('rebuild')`.execute(db);
      } else {
        // Newest-first matches across several statuses: strategies_browse leads with status, so PostgreSQL could only
        // read it one status at a time and sorted every match instead (a seq scan for a common word).
        await db.schema
          .createIndex('strategies_newest')
          .on('strategies')
          .columns(['tenant_id', 'network_id', 'created_at', 'id'])
          .execute();
        // A short GIN pending list: every search scans the whole unsorted list, which grew to 4 MB between vacuums
        // (half a search's time on a fresh 100k menu). At 256 kB inserts still batch their index updates
        // (fastupdate = off made bulk inserts 2-3x slower).
        await sql`alter index strategies_search set (gin_pending_list_limit = 256)`.execute(db);
        await sql`select gin_clean_pending_list('strategies_search'::regclass)`.execute(db);
      }
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0012-debrief': {
    async up(db: Kysely<unknown>) {
      // A round's debrief: evidence cards the writers add from their own notes, as text only — no writer, no room.
      // author_id lets a writer withdraw their card; it is never sent to anyone.
      await db.schema
        .createTable('debrief_cards')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('source_note_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('pattern_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('debrief_cards_note', ['round_id', 'source_note_id'])
        .execute();
      await db.schema
        .createIndex('debrief_cards_round')
        .on('debrief_cards')
        .columns(['tenant_id', 'round_id'])
        .execute();
      await db.schema
        .createTable('debrief_patterns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('debrief_patterns_round')
        .on('debrief_patterns')
        .columns(['tenant_id', 'round_id'])
        .execute();
      await db.schema
        .alterTable('rounds')
        .addColumn('debrief_phase', 'text', (c) => c.notNull().defaultTo('description'))
        .execute();
      await db.schema.alterTable('rounds').addColumn('prediction', 'text').execute();
      await db.schema.alterTable('rounds').addColumn('next_level', 'text').execute();
      await db.schema.alterTable('rounds').addColumn('summarized_at', 'text').execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0013-search-words': {
    async up(db: Kysely<unknown>) {
      // PostgreSQL only. A typed prefix ("pract") makes GIN union the posting lists of every lexeme that starts with it
      // into a bitmap, several times the work of exact lexemes (two prefixes: 10-15 ms on a 100k menu). This list of
      // each tenant's lexemes lets a search expand a prefix into the few exact lexemes it stands for (see
      // repositories/search-words.ts). SQLite's FTS5 has prefix indexes instead (0009).
      if (dialect === 'sqlite') return;
      await db.schema
        .createTable('search_words')
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('word', sql`text collate "C"`, (c) => c.notNull())
        .addPrimaryKeyConstraint('search_words_pkey', ['tenant_id', 'word'])
        .execute();
      // New strategies add their lexemes in one statement per insert statement, in word order so that two
      // transactions adding the same new words take their locks in the same order.
      await sql`create function search_words_of_new_strategies() returns trigger language plpgsql as $$
        begin
          insert into search_words (tenant_id, word)
          select distinct n.tenant_id, w.word
          from new_strategies n cross join lateral unnest(tsvector_to_array(n.search_vector)) as w(word)
          order by 1, 2
          on conflict do nothing;
          return null;
        end $$`.execute(db);
      await sql`create trigger strategies_words_insert after insert on strategies
        referencing new table as new_strategies for each statement
        execute function search_words_of_new_strategies()`.execute(db);
      // Lexemes an edit removed from a strategy, which may now be unused: the hourly job checks these, and only these
      // (checking every listed word against the menu took minutes at 100k strategies). Strategies are never deleted
      // one by one (a merge keeps the row); removing a tenant removes its lists with it.
      await db.schema
        .createTable('search_word_checks')
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('word', sql`text collate "C"`, (c) => c.notNull())
        .addPrimaryKeyConstraint('search_word_checks_pkey', ['tenant_id', 'word'])
        .execute();
      // An edit adds the lexemes of its new text and marks those of the old text that the new one lacks.
      await sql`create function search_words_of_edited_strategy() returns trigger language plpgsql as $$
        begin
          insert into search_words (tenant_id, word)
          select distinct new.tenant_id, w.word from unnest(tsvector_to_array(new.search_vector)) as w(word)
          order by 1, 2
          on conflict do nothing;
          insert into search_word_checks (tenant_id, word)
          select old.tenant_id, w.word from (
            select unnest(tsvector_to_array(old.search_vector))
            except
            select unnest(tsvector_to_array(new.search_vector))
          ) as w(word)
          order by 1, 2
          on conflict do nothing;
          return null;
        end $$`.execute(db);
      await sql`create trigger strategies_words_update after update of search_text on strategies
        for each row when (old.search_text is distinct from new.search_text)
        execute function search_words_of_edited_strategy()`.execute(db);
      await sql`insert into search_words (tenant_id, word)
        select distinct s.tenant_id, w.word
        from strategies s cross join lateral unnest(tsvector_to_array(s.search_vector)) as w(word)
        order by 1, 2
        on conflict do nothing`.execute(db);
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0014-launch-nonces': {
    async up(db: Kysely<unknown>) {
      // The nonce a login sent to the platform, bound to its state: a launch must carry the nonce issued with its own
      // state, once. Only SHA-256 digests are kept; times are milliseconds, like ltijs's own rows.
      await db.schema
        .createTable('lti_launch_nonces')
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('nonce_hash', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('lti_launch_nonces_expires')
        .on('lti_launch_nonces')
        .column('expires_at')
        .execute();
      // The cookieless path checks the nonce against lti_launch_nonces too; its binding no longer keeps it in clear.
      await db.schema.alterTable('lti_storage_bindings').dropColumn('nonce').execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0016-coach-roles': {
    async up(db: Kysely<unknown>) {
      // The first default made every institution and system administrator a coach, and Canvas sends the institution
      // Administrator for any account role. Tenants still on that default (saved unchanged with another setting) move
      // to the new one: course designers and the coach claim. A list a coach chose differently stays as it is.
      const oldDefault = [
        'membership#Administrator',
        'membership#ContentDeveloper',
        'institution#Administrator',
        'system#Administrator',
        'system#SysAdmin',
      ];
      const newDefault = JSON.stringify(['membership#ContentDeveloper', 'custom#coach']);
      const sameSet = (stored: string) => {
        try {
          const roles = JSON.parse(stored) as unknown;
          if (!Array.isArray(roles)) return false;
          const set = new Set(roles);
          return set.size === oldDefault.length && oldDefault.every((r) => set.has(r));
        } catch {
          return false;
        }
      };
      const rows = await sql<{ tenant_id: string; coach_roles: string }>`
        select tenant_id, coach_roles from tenant_settings`.execute(db);
      for (const row of rows.rows.filter((r) => sameSet(r.coach_roles))) {
        await sql`update tenant_settings set coach_roles = ${newDefault}
          where tenant_id = ${row.tenant_id}`.execute(db);
      }
      // A person's role is what their last launch decided, and sessions and paired extensions read it from there:
      // coaches of tenants on the default may be coaches only by an account role. They are teachers until their next
      // launch, which makes them coaches again if the new mapping says so (fail closed; a relaunch is one click).
      const chosenLists = sql`select tenant_id from tenant_settings where coach_roles <> ${newDefault}`;
      await sql`update people set role = 'teacher'
        where role = 'coach' and tenant_id not in (${chosenLists})`.execute(db);
      // What a launch says about the person: interface language (BCP 47) and time zone (IANA); unknown until then.
      await db.schema.alterTable('people').addColumn('locale', 'text').execute();
      await db.schema.alterTable('people').addColumn('time_zone', 'text').execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0017-round-start-occurrence': {
    async up(db: Kysely<unknown>) {
      // A round whose start time happens twice (the night clocks go back) keeps which one the coach chose.
      await db.schema.alterTable('rounds').addColumn('start_occurrence', 'text').execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0018-frame-origins': {
    async up(db: Kysely<unknown>) {
      // The LMS pages that frame the tool (its frame-ancestors), per tenant; removing a tenant removes them.
      await db.schema
        .createTable('frame_origins')
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('frame_origins_pkey', ['tenant_id', 'origin'])
        .execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0015-registration-invites': {
    async up(db: Kysely<unknown>) {
      // Codes the operator creates (`npm run platform -- invite`) for LTI Dynamic Registration: only the SHA-256 is
      // stored; a code is used once, before it expires; `used_for` names the platform it registered.
      await db.schema
        .createTable('registration_invites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('used_for', 'text')
        .execute();
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
  '0019-learned-deployments': {
    async up(db: Kysely<unknown>) {
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
    },
    async down() {
      throw new Error('Migrations are forward-only.');
    },
  },
});

/** Every migration's name, in order. */
export function migrationNames(): string[] {
  return Object.keys(migrationsFor('sqlite')).sort();
}

class InCodeProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor(this.dialect);
  }
}

/**
 * Brings the schema up to date, or up to the migration named `upTo` (tests of a migration over existing rows). Kysely's
 * migrator takes a lock, so two instances starting together are safe.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: Dialect,
  schema?: string,
  upTo?: string,
): Promise<string[]> {
  // On PostgreSQL the schema must be named: Kysely otherwise finds its tables in any schema of the database.
  const migrator = new Migrator({
    db,
    provider: new InCodeProvider(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await (upTo ? migrator.migrateTo(upTo) : migrator.migrateToLatest());
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
