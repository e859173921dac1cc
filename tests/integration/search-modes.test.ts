import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { listStrategies, RANKED_MATCHES } from '../../lti-server/src/db/repositories/strategies';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { seedTenant } from '../support/server/seed-tenant';
import { strategyRow } from '../support/server/strategy-row';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';

let test: TestDatabase;
let handle: DatabaseHandle;
let scope: TenantScope;
const network = randomUUID();

function row(i: number, title: string, text: string, createdAt: string) {
  return strategyRow({ id: `s-${i}`, network, contributor: 'p', text, createdAt }, { title, dup_key: title });
}

beforeAll(async () => {
  test = await createTestDatabase();
  handle = openDatabase(test.target);
  await handle.migrate();
  await seedTenant(handle.db, { tenant: 't', networks: [network], person: 'p' });
  scope = new TenantScope(handle.db, 't', handle.kind);
  // More than RANKED_MATCHES strategies mention "routine"; three mention "whiteboard", one of them many times.
  const rows = Array.from({ length: RANKED_MATCHES + 10 }, (_, i) =>
    row(i, `Routine ${i}`, `routine number ${i}`, new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()),
  );
  rows.push(row(90001, 'Boards', 'whiteboard', '2026-06-01T00:00:00.000Z'));
  rows.push(
    row(
      90002,
      'Whiteboards everywhere',
      'whiteboard whiteboard whiteboard whiteboard',
      '2026-01-01T00:00:00.000Z',
    ),
  );
  rows.push(
    row(
      90003,
      'Mini boards',
      'mini whiteboard and a long description of something else entirely',
      '2026-03-01T00:00:00.000Z',
    ),
  );
  for (let i = 0; i < rows.length; i += 500)
    await scope.insertInto('strategies', rows.slice(i, i + 500)).execute();
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

const search = (q: string) =>
  listStrategies(scope, { networkId: network, statuses: ['approved'], q, excludeMerged: true, limit: 3 });

describe(`search ordering on ${testDbKind()}`, () => {
  it('when a search is selective, then the most relevant strategy comes first', async () => {
    const ids = (await search('whiteboard')).map((r) => r.id);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBe('s-90002');
  });

  it('when a search matches more strategies than are ranked, then the newest come first', async () => {
    const ids = (await search('routine')).map((r) => r.id);
    const last = RANKED_MATCHES + 9;
    expect(ids).toEqual([`s-${last}`, `s-${last - 1}`, `s-${last - 2}`]);
  });
});
