import { type Kysely, sql } from 'kysely';
import type { Dialect } from './dialect';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // PostgreSQL only. How many strategies of each network and status hold each lexeme (merged ones left out, as every
  // search but a contributor's own leaves them out). A search reads the counts of its few lexemes to know whether it
  // is broad (more than RANKED_MATCHES matches: listed newest first) or selective (ranked) before it reads a row of
  // `strategies`; before, it scored up to 2,001 matches to learn that it was broad, 20-40 ms at 100k strategies
  // (issue #20). The empty word, which no lexeme is, counts the strategies themselves. SQLite's FTS5 counts matches
  // cheaply and keeps its own path.
  if (dialect === 'sqlite') return;
  await db.schema
    .createTable('search_word_counts')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('word', sql`text collate "C"`, (c) => c.notNull())
    .addColumn('strategies', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_word_counts_pkey', ['tenant_id', 'network_id', 'word', 'status'])
    .execute();
  // New strategies add their lexemes' counts in one statement per insert statement, in key order so that two
  // transactions adding to the same counts wait for each other instead of deadlocking.
  await sql`create function search_word_counts_of_new_strategies() returns trigger language plpgsql as $$
        begin
          insert into search_word_counts as c (tenant_id, network_id, status, word, strategies)
          select n.tenant_id, n.network_id, n.status, w.word, count(*)
          from new_strategies n cross join lateral unnest(array[''] || tsvector_to_array(n.search_vector)) as w(word)
          where n.merged_into_id is null
          group by 1, 2, 3, 4
          order by 1, 2, 4, 3
          on conflict (tenant_id, network_id, word, status) do update set strategies = c.strategies + excluded.strategies;
          return null;
        end $$`.execute(db);
  await sql`create trigger strategies_word_counts_insert after insert on strategies
        referencing new table as new_strategies for each statement
        execute function search_word_counts_of_new_strategies()`.execute(db);
  // An edit of the text, a change of status (approve, feature, retire), a merge or a move to another network: the old
  // row's lexemes count one less under its old key, the new row's one more under the new key; a count that reaches 0
  // goes.
  await sql`create function search_word_counts_of_changed_strategy() returns trigger language plpgsql as $$
        begin
          insert into search_word_counts as c (tenant_id, network_id, status, word, strategies)
          select k.tenant_id, k.network_id, k.status, k.word, sum(k.n)
          from (
            select old.tenant_id, old.network_id, old.status, w.word, -1 as n
            from unnest(array[''] || tsvector_to_array(old.search_vector)) as w(word) where old.merged_into_id is null
            union all
            select new.tenant_id, new.network_id, new.status, w.word, 1 as n
            from unnest(array[''] || tsvector_to_array(new.search_vector)) as w(word) where new.merged_into_id is null
          ) k
          group by 1, 2, 3, 4
          having sum(k.n) <> 0
          order by 1, 2, 4, 3
          on conflict (tenant_id, network_id, word, status) do update set strategies = c.strategies + excluded.strategies;
          delete from search_word_counts c
          where c.tenant_id = old.tenant_id and c.network_id = old.network_id and c.status = old.status
            and c.word = any (array[''] || tsvector_to_array(old.search_vector)) and c.strategies <= 0;
          return null;
        end $$`.execute(db);
  await sql`create trigger strategies_word_counts_update after update on strategies
        for each row when (
          (old.network_id, old.status, old.merged_into_id, old.search_vector)
          is distinct from (new.network_id, new.status, new.merged_into_id, new.search_vector))
        execute function search_word_counts_of_changed_strategy()`.execute(db);
  // Deleted strategies (a network or tenant removed, whose counts the foreign keys may have removed already: only
  // counts still there are lowered, none is added).
  await sql`create function search_word_counts_of_old_strategies() returns trigger language plpgsql as $$
        begin
          update search_word_counts c set strategies = c.strategies - g.n
          from (
            select o.tenant_id, o.network_id, o.status, w.word, count(*)::integer as n
            from old_strategies o cross join lateral unnest(array[''] || tsvector_to_array(o.search_vector)) as w(word)
            where o.merged_into_id is null
            group by 1, 2, 3, 4
          ) g
          where c.tenant_id = g.tenant_id and c.network_id = g.network_id and c.word = g.word and c.status = g.status;
          delete from search_word_counts c
          using (
            select distinct o.tenant_id, o.network_id, o.status, w.word
            from old_strategies o cross join lateral unnest(array[''] || tsvector_to_array(o.search_vector)) as w(word)
          ) g
          where c.strategies <= 0 and c.tenant_id = g.tenant_id and c.network_id = g.network_id and c.word = g.word
            and c.status = g.status;
          return null;
        end $$`.execute(db);
  await sql`create trigger strategies_word_counts_delete after delete on strategies
        referencing old table as old_strategies for each statement
        execute function search_word_counts_of_old_strategies()`.execute(db);
  // The menu as it is now.
  await sql`insert into search_word_counts (tenant_id, network_id, status, word, strategies)
        select s.tenant_id, s.network_id, s.status, w.word, count(*)
        from strategies s cross join lateral unnest(array[''] || tsvector_to_array(s.search_vector)) as w(word)
        where s.merged_into_id is null
        group by 1, 2, 3, 4`.execute(db);
  await sql`analyze search_word_counts`.execute(db);
}
