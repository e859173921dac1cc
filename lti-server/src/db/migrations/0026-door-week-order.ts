import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One page of a week of doors, in the page's order (start, then id), with no sort: a network's week, and a host's
  // own doors ("only my doors"). The indexes of 0008 ended at starts_at, so every page sorted its whole range by id.
  await sql`drop index doors_week`.execute(db);
  await sql`create index doors_week on doors (tenant_id, network_id, starts_at, id)`.execute(db);
  await sql`drop index doors_host`.execute(db);
  await sql`create index doors_host on doors (tenant_id, host_id, starts_at, id)`.execute(db);
}
