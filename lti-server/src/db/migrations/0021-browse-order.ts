import { type Kysely, sql } from 'kysely';
import type { Dialect } from './dialect';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // The menu's default order, featured first then newest, as a column an index can hold: 1 for a featured strategy,
  // 0 otherwise, read in descending order with created_at and id. Generated from `status`, so every write (and every
  // test that inserts rows directly) keeps it right. SQLite adds a generated column only as VIRTUAL, whose value the
  // index stores; PostgreSQL only has STORED ones.
  const rank = sql`case when status = 'featured' then 1 else 0 end`;
  await sql`alter table strategies add column browse_rank integer generated always as (${rank}) ${sql.raw(
    dialect === 'sqlite' ? 'virtual' : 'stored',
  )}`.execute(db);
  // One page of the menu, in the page's order, with no sort: by network; by subject (the filter compares lower case);
  // by grade band; a contributor's own. strategies_browse led with status, so the featured-first order needed a sort of every row.
  await sql`create index strategies_menu on strategies (tenant_id, network_id, browse_rank, created_at, id)`.execute(
    db,
  );
  await sql`create index strategies_menu_subject on strategies (tenant_id, network_id, lower(subject), browse_rank, created_at, id)`.execute(
    db,
  );
  await sql`create index strategies_menu_grade on strategies (tenant_id, network_id, grade_band, browse_rank, created_at, id)`.execute(
    db,
  );
  // A teacher's own strategies ("mine"), in the same order.
  await sql`create index strategies_menu_mine on strategies (tenant_id, network_id, contributor_id, browse_rank, created_at, id)`.execute(
    db,
  );
  await sql`drop index strategies_browse`.execute(db);
}
