import { type Kysely, sql } from 'kysely';
import { wordsOf } from '../../../../shared/spelling';
import type { Dialect } from './dialect';

/** Rows of strategies read per pass when the SQLite word list is filled from the existing menu. */
const BACKFILL_BATCH = 500;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // The subjects a school keeps for its menu (coach Settings): a JSON array of names; empty means the defaults.
  await db.schema
    .alterTable('tenant_settings')
    .addColumn('subjects', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  if (dialect === 'sqlite') {
    // The spelling fallback's word list (PostgreSQL has had one since 0013, filled by triggers): each tenant's words as
    // typed, lower case. SQLite has no tokenizer to call from a trigger, so the strategies repository adds the words of
    // every text it writes; here the existing menu's words are added once.
    await db.schema
      .createTable('search_words')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('word', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('search_words_pkey', ['tenant_id', 'word'])
      .execute();
    let after = 0;
    for (;;) {
      const rows = await sql<{ rowid: number; tenant_id: string; search_text: string }>`
        select rowid, tenant_id, search_text from strategies where rowid > ${after} order by rowid limit ${BACKFILL_BATCH}`
        .execute(db)
        .then((r) => r.rows);
      if (rows.length === 0) break;
      for (const row of rows) {
        const words = [...new Set(wordsOf(row.search_text))];
        for (const word of words)
          await sql`insert or ignore into search_words (tenant_id, word) values (${row.tenant_id}, ${word})`.execute(
            db,
          );
      }
      after = rows[rows.length - 1]!.rowid;
    }
    return;
  }
  // PostgreSQL: trigram similarity (pg_trgm) finds spelling candidates in the word list through a GIN index. The
  // extension goes into `public`, where every schema's queries can name it; where it cannot be created (a role
  // without the right), search falls back to the word list's prefix ranges, as on SQLite.
  await sql`do $$ begin
        if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
          begin
            create extension pg_trgm with schema public;
          exception when others then
            raise notice 'pg_trgm is not available (%): spelling suggestions use the word list alone', sqlerrm;
          end;
        end if;
      end $$`.execute(db);
  const found = await sql<{ schema: string }>`
    select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'`.execute(
    db,
  );
  const schema = found.rows[0]?.schema;
  if (schema)
    await sql`create index search_words_trigrams on search_words using gin (word ${sql.id(schema)}.gin_trgm_ops)`.execute(
      db,
    );
}
