import { type Kysely, sql } from 'kysely';
import type { Dialect } from './dialect';

/**
 * SQLite's word for where a strategy is listed, indexed beside its text so that a search can count and rank its matches
 * in the full-text index alone (issue #20): `tm<hex of the network id>s<status>` followed by `l0` when it is listed or
 * `m0` when it was merged into another. One word, so a search intersects its words with one short list per status
 * (three separate words cost twice as much to intersect). It ends in a digit, which the porter stemmer leaves alone,
 * and the id is written in hex, which the tokenizer keeps whole. `row` is `new` or `old` in a trigger, or a table.
 */
export function searchScopeOf(row: string) {
  const r = sql.raw(row);
  return sql`'tm' || lower(hex(${r}.network_id)) || 's' || ${r}.status ||
    case when ${r}.merged_into_id is null then 'l0' else 'm0' end`;
}

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // SQLite only (PostgreSQL counts a search's matches from search_word_counts, migration 0044). Before, a search
  // counted up to 2,001 matches to learn whether it was broad, looking up each match's row in `strategies` for its
  // network, status and merge: half of a search's time at 10k strategies. The index now holds a second column with
  // those as one word, and the count reads the index only. The table keeps no copy of the text (contentless): nothing
  // reads a column back from it, and the triggers hand it the old words to delete.
  if (dialect !== 'sqlite') return;
  await sql`drop trigger if exists strategies_fts_insert`.execute(db);
  await sql`drop trigger if exists strategies_fts_delete`.execute(db);
  await sql`drop trigger if exists strategies_fts_update`.execute(db);
  await sql`drop table if exists strategies_fts`.execute(db);
  await sql`create virtual table strategies_fts using fts5(search_text, search_scope, content='', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8 9 10')`.execute(
    db,
  );
  await sql`create trigger strategies_fts_insert after insert on strategies begin
        insert into strategies_fts(rowid, search_text, search_scope)
        values (new.rowid, new.search_text, ${searchScopeOf('new')}); end`.execute(db);
  await sql`create trigger strategies_fts_delete after delete on strategies begin
        insert into strategies_fts(strategies_fts, rowid, search_text, search_scope)
        values ('delete', old.rowid, old.search_text, ${searchScopeOf('old')}); end`.execute(db);
  // A move to another network, a change of status (approve, feature, retire) and a merge change the scope words.
  await sql`create trigger strategies_fts_update after update of search_text, network_id, status, merged_into_id
        on strategies begin
        insert into strategies_fts(strategies_fts, rowid, search_text, search_scope)
        values ('delete', old.rowid, old.search_text, ${searchScopeOf('old')});
        insert into strategies_fts(rowid, search_text, search_scope)
        values (new.rowid, new.search_text, ${searchScopeOf('new')}); end`.execute(db);
  await sql`insert into strategies_fts(rowid, search_text, search_scope)
        select rowid, search_text, ${searchScopeOf('strategies')} from strategies`.execute(db);
}
