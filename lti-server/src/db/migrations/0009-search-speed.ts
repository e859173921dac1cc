import { type Kysely, sql } from 'kysely';
import type { Dialect } from './dialect';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
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
}
