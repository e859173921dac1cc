import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { migrateToLatest } from '../../lti-server/src/db/migrations';
import type { Database } from '../../lti-server/src/db/schema';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { seedTenant } from '../support/server/seed-tenant';
import { strategyRow } from '../support/server/strategy-row';
import { createTestDatabase } from '../support/server/test-database';

/**
 * search_word_counts (migration 0044) is a maintained counter: after every kind of change to the strategies (a bulk
 * insert, an edit of the text, a new status, a merge, a move to another network, a deletion, a network removed) it
 * holds exactly what counting the strategies again gives, and the migration counts a menu that is already there.
 */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshDatabase(upTo?: string): Promise<DatabaseHandle> {
  const test = await createTestDatabase('postgres');
  const handle = openDatabase(test.target);
  cleanups.push(
    () => test.drop(),
    () => handle.close(),
  );
  if (upTo)
    await migrateToLatest(
      handle.db,
      'postgres',
      test.target.kind === 'postgres' ? test.target.schema : undefined,
      upTo,
    );
  else await handle.migrate();
  return handle;
}

type Count = { tenant_id: string; network_id: string; status: string; word: string; strategies: number };

async function kept(handle: DatabaseHandle): Promise<Count[]> {
  const { rows } = await sql<Count>`
    select tenant_id, network_id, status, word, strategies from search_word_counts
    order by tenant_id, network_id, status, word`.execute(handle.db);
  return rows;
}

/** The counts from the strategies as they are: the empty word counts the strategies; merged ones are left out. */
async function recounted(handle: DatabaseHandle): Promise<Count[]> {
  const { rows } = await sql<Count>`
    select s.tenant_id, s.network_id, s.status, w.word, count(*)::integer as strategies
    from strategies s cross join lateral unnest(array[''] || tsvector_to_array(s.search_vector)) as w(word)
    where s.merged_into_id is null
    group by 1, 2, 3, 4
    order by 1, 2, 3, w.word collate "C"`.execute(handle.db);
  return rows;
}

const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();

async function seedMenu(handle: DatabaseHandle): Promise<void> {
  for (const tenant of ['t', 'u'])
    await seedTenant(handle.db, { tenant, networks: [`${tenant}-a`, `${tenant}-b`], person: `${tenant}-p` });
  for (const tenant of ['t', 'u']) {
    const rows: Array<Omit<Database['strategies'], 'tenant_id'>> = [];
    for (let i = 0; i < 60; i++)
      rows.push(
        strategyRow(
          {
            id: `${tenant}-${i}`,
            network: i % 3 === 0 ? `${tenant}-b` : `${tenant}-a`,
            contributor: `${tenant}-p`,
            text: `think pair share ${i % 2 === 0 ? 'exit ticket' : 'warm up'} routine${i % 5}`,
            createdAt: at(i),
          },
          { status: i % 4 === 0 ? 'pending' : 'approved' },
        ),
      );
    await new TenantScope(handle.db, tenant, 'postgres').insertInto('strategies', rows).execute();
  }
}

describe('search word counts on PostgreSQL', () => {
  it('when strategies are added, edited, curated, merged, moved and deleted, then the counts match a recount', async () => {
    const handle = await freshDatabase();
    await seedMenu(handle);
    const db = handle.db;
    const expectExact = async (step: string) =>
      expect(await kept(handle), step).toEqual(await recounted(handle));
    await expectExact('bulk insert');
    expect(
      (await kept(handle)).find(
        (c) => c.network_id === 't-a' && c.word === 'think' && c.status === 'approved',
      ),
    ).toBeTruthy();

    await db
      .updateTable('strategies')
      .set({ search_text: 'gallery walk think' })
      .where('id', '=', 't-1')
      .execute();
    await expectExact('an edit of the text');
    await db
      .updateTable('strategies')
      .set({ search_text: 'gallery walk think' })
      .where('id', '=', 't-1')
      .execute();
    await expectExact('an edit that changes nothing');
    await db.updateTable('strategies').set({ status: 'approved' }).where('id', '=', 't-4').execute();
    await db.updateTable('strategies').set({ status: 'featured' }).where('id', '=', 't-5').execute();
    await db.updateTable('strategies').set({ status: 'retired' }).where('id', '=', 't-7').execute();
    await expectExact('approved, featured and retired');
    await db
      .updateTable('strategies')
      .set({ merged_into_id: 't-2' })
      .where('id', 'in', ['t-8', 't-10'])
      .execute();
    await expectExact('merged');
    await db.updateTable('strategies').set({ network_id: 't-b' }).where('id', '=', 't-11').execute();
    await expectExact('moved to another network');
    await db
      .updateTable('strategies')
      .set({ search_text: 'one of a kind' })
      .where('id', '=', 't-13')
      .execute();
    await expectExact('a word only one strategy had is gone');
    expect((await kept(handle)).some((c) => c.word === 'routine3' && c.tenant_id === 't')).toBe(true);
    await db.deleteFrom('strategies').where('id', 'in', ['t-14', 't-8', 'u-3']).execute();
    await expectExact('deleted, merged or not');
    await db.deleteFrom('networks').where('id', '=', 't-b').execute();
    await expectExact('a network removed with its strategies');
    await db.deleteFrom('tenants').where('id', '=', 'u').execute();
    await expectExact('a tenant removed');
    expect(await kept(handle)).not.toEqual([]);
  });

  it('when the migration runs on a menu that is already there, then it counts it', async () => {
    const handle = await freshDatabase('0043-room-link-sessions');
    await seedMenu(handle);
    await handle.db
      .updateTable('strategies')
      .set({ merged_into_id: 't-2' })
      .where('id', '=', 't-7')
      .execute();
    expect(await handle.migrate()).toContain('0044-search-word-counts');
    const counts = await kept(handle);
    expect(counts).toEqual(await recounted(handle));
    expect(
      counts.find((c) => c.network_id === 't-a' && c.status === 'approved' && c.word === '')?.strategies,
    ).toBe(29);
  });
});
