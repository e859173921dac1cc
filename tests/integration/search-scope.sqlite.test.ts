import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { migrateToLatest } from '../../lti-server/src/db/migrations';
import { sqliteMatch } from '../../lti-server/src/db/repositories/strategies';
import type { Database } from '../../lti-server/src/db/schema';
import { seedTenant } from '../support/server/seed-tenant';
import { strategyRow } from '../support/server/strategy-row';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';

/**
 * SQLite's full-text index holds each strategy's network, status and merge as words (migration 0045), so a search
 * counts its matches without reading `strategies`. These tests read the index alone, as that count does: every change
 * that moves a strategy in or out of a search's scope must reach it.
 */
let test: TestDatabase;
let handle: DatabaseHandle;
const here = `net-${randomUUID()}`;
const elsewhere = `net-${randomUUID()}`;
const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
const row = (id: string, text: string, over: Partial<Database['strategies']> = {}) => ({
  ...strategyRow({ id, network: here, contributor: 'p', text, createdAt: at }, over),
  tenant_id: 't',
});

beforeAll(async () => {
  test = await createTestDatabase('sqlite');
  handle = openDatabase(test.target);
  // Strategies saved before the migration: it indexes them with their scope.
  await migrateToLatest(handle.db, handle.kind, undefined, '0044-search-word-counts');
  await seedTenant(handle.db, { tenant: 't', networks: [here, elsewhere], person: 'p' });
  await handle.db
    .insertInto('strategies')
    .values([
      row('old-approved', 'jigsaw experts'),
      row('old-pending', 'jigsaw groups', { status: 'pending' }),
    ])
    .execute();
  await handle.migrate();
});
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

/** The ids of the strategies whose index entries match, read from the index alone. */
async function inIndex(
  q: string,
  f: { networkId?: string; statuses?: Array<Database['strategies']['status']>; excludeMerged?: boolean } = {},
): Promise<string[]> {
  const match = sqliteMatch(q.split(' '), {
    networkId: f.networkId ?? here,
    statuses: f.statuses ?? ['approved', 'featured'],
    excludeMerged: f.excludeMerged ?? true,
  });
  const { rows } = await sql<{ id: string }>`
    select s.id from strategies s
    where s.rowid in (select rowid from strategies_fts where strategies_fts match ${match})
    order by s.id`.execute(handle.db);
  return rows.map((r) => r.id);
}

describe("the search index's scope words on SQLite (migration 0045)", () => {
  it('when strategies were saved before the migration, then they are indexed with their status', async () => {
    expect(await inIndex('jig')).toEqual(['old-approved']);
    expect(await inIndex('jig', { statuses: ['pending'] })).toEqual(['old-pending']);
  });

  it('when a strategy is approved, featured, retired, merged, moved, edited or deleted, then the index follows', async () => {
    await handle.db
      .insertInto('strategies')
      .values(row('s', 'gallery walk', { status: 'pending' }))
      .execute();
    expect(await inIndex('gall')).toEqual([]);
    const set = (patch: Partial<Database['strategies']>) =>
      handle.db.updateTable('strategies').set(patch).where('id', '=', 's').execute();

    await set({ status: 'approved' });
    expect(await inIndex('gall')).toEqual(['s']);
    expect(await inIndex('gall', { statuses: ['pending'] })).toEqual([]);
    await set({ status: 'featured' });
    expect(await inIndex('gall', { statuses: ['featured'] })).toEqual(['s']);
    await set({ merged_into_id: 'old-approved' });
    expect(await inIndex('gall')).toEqual([]);
    expect(await inIndex('gall', { excludeMerged: false })).toEqual(['s']);
    await set({ merged_into_id: null, network_id: elsewhere });
    expect(await inIndex('gall')).toEqual([]);
    expect(await inIndex('gall', { networkId: elsewhere })).toEqual(['s']);
    await set({ search_text: 'think pair share' });
    expect(await inIndex('gall', { networkId: elsewhere })).toEqual([]);
    expect(await inIndex('pair', { networkId: elsewhere })).toEqual(['s']);
    await handle.db.deleteFrom('strategies').where('id', '=', 's').execute();
    expect(await inIndex('pair', { networkId: elsewhere })).toEqual([]);
  });

  it('when a search word is a scope word or part of one, then it matches only strategies whose text holds it', async () => {
    await handle.db.insertInto('strategies').values(row('w', 'exit tickets')).execute();
    const network = Buffer.from(here, 'utf8').toString('hex');
    expect(await inIndex(`tm${network}sapprovedl0`)).toEqual([]);
    expect(await inIndex('tm')).toEqual([]);
    expect(await inIndex('exit')).toEqual(['w']);
  });
});
