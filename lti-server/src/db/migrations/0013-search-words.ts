import { type Kysely, sql } from 'kysely';
import type { Dialect } from './dialect';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
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
}
