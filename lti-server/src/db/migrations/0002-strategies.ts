import { type Kysely, sql } from 'kysely';
import type { Dialect } from './dialect';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
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
}
