import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../lti-server/src/db/database';
import { LtijsStore } from '../../lti-server/src/db/ltijs-store';
import { migrationNames } from '../../lti-server/src/db/migrations';
import { seedTenant } from '../support/server/seed-tenant';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshDb(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  return db;
}

describe(`the database layer on ${testDbKind()}`, () => {
  it('when two instances migrate the same empty database at once, then both succeed and the schema exists once', async () => {
    const target = (await freshDb()).target;
    const a = openDatabase(target);
    const b = openDatabase(target);
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    const [ra, rb] = await Promise.all([a.migrate(), b.migrate()]);
    expect([...ra, ...rb].sort()).toEqual(migrationNames());
    expect(await a.migrate()).toEqual([]);
    // Query the tables themselves (introspection on PostgreSQL lists every schema, and other test files drop theirs).
    for (const table of ['tenants', 'people', 'sessions', 'lti_nonce', 'strategies'] as const) {
      expect(await a.db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).execute()).toEqual([]);
    }
  });

  it('when the database answers, then the check says available; when it is closed, then it says unavailable', async () => {
    const handle = openDatabase((await freshDb()).target);
    await handle.migrate();
    expect(await handle.check()).toEqual({ available: true });
    await handle.close();
    expect((await handle.check()).available).toBe(false);
  });

  it('when a session is written through the ephemeral pool, then it is visible at once to the main pool', async () => {
    const handle = openDatabase((await freshDb()).target);
    cleanups.push(() => handle.close());
    await handle.migrate();
    if (handle.kind === 'postgres') {
      // Only the ephemeral pool skips waiting for the WAL flush; everything else stays fully durable.
      const setting = async (db: typeof handle.db) =>
        (await sql<{ v: string }>`select current_setting('synchronous_commit') as v`.execute(db)).rows[0]?.v;
      expect(await setting(handle.ephemeral)).toBe('off');
      expect(await setting(handle.db)).toBe('on');
      expect(
        (await sql<{ s: string }>`select current_schema() as s`.execute(handle.ephemeral)).rows[0]?.s,
      ).toBe((await sql<{ s: string }>`select current_schema() as s`.execute(handle.db)).rows[0]?.s);
    } else {
      expect(handle.ephemeral).toBe(handle.db);
    }
    const now = new Date().toISOString();
    await seedTenant(handle.db, { tenant: 't', networks: ['n'], person: 'p' }, now);
    await handle.ephemeral
      .insertInto('sessions')
      .values({
        token_hash: 'h',
        tenant_id: 't',
        person_id: 'p',
        network_id: 'n',
        created_at: now,
        expires_at: now,
        revoked_at: null,
      })
      .execute();
    expect(await handle.db.selectFrom('sessions').select('token_hash').execute()).toEqual([
      { token_hash: 'h' },
    ]);
  });
});

describe(`ltijs's storage on ${testDbKind()}`, () => {
  async function store() {
    const handle = openDatabase((await freshDb()).target);
    cleanups.push(() => handle.close());
    await handle.migrate();
    return { store: new LtijsStore(handle.db), db: handle.db };
  }

  it('when a nonce is inserted twice, then the second insert fails (replays cannot race past the check)', async () => {
    const { store: s } = await store();
    await s.Insert(false, 'nonce', { nonce: 'n-1' });
    await expect(s.Insert(false, 'nonce', { nonce: 'n-1' })).rejects.toThrow();
    expect(await s.Get(false, 'nonce', { nonce: 'n-1' })).toEqual([
      expect.objectContaining({ nonce: 'n-1' }),
    ]);
  });

  it('when the tool checks nonces itself, then ltijs reads and writes none and its other documents are kept as before', async () => {
    const { store: s, db } = await store();
    await s.Insert(false, 'nonce', { nonce: 'n-1' });
    s.leaveNoncesToTool();
    expect(await s.Get(false, 'nonce', { nonce: 'n-1' })).toBe(false);
    await s.Insert(false, 'nonce', { nonce: 'n-2' });
    await s.Insert(false, 'nonce', { nonce: 'n-2' });
    expect(await db.selectFrom('lti_nonce').select('nonce').execute()).toEqual([{ nonce: 'n-1' }]);
    await s.Insert(false, 'state', { state: 's-1', query: { strategy: 'x' } });
    expect(await s.Get(false, 'state', { state: 's-1' })).toEqual([
      expect.objectContaining({ state: 's-1', query: { strategy: 'x' } }),
    ]);
  });

  it('when an encrypted item is replaced, then it reads back decrypted and the row holds only ciphertext', async () => {
    const { store: s, db } = await store();
    const key = 'k'.repeat(40);
    const index = { kid: 'kid-1', platformUrl: 'https://lms.example', clientId: 'c1' };
    await s.Replace(
      key,
      'privatekey',
      { platformUrl: 'https://lms.example', clientId: 'c1' },
      { key: 'SECRET-PEM', kid: 'kid-1' },
      index,
    );
    const [row] = await db.selectFrom('lti_privatekey').selectAll().execute();
    expect(row?.doc).not.toContain('SECRET-PEM');
    expect(row?.kid).toBe('kid-1');
    expect(await s.Get(key, 'privatekey', { kid: 'kid-1' })).toEqual([
      expect.objectContaining({ key: 'SECRET-PEM', kid: 'kid-1' }),
    ]);
    // Replace by the same unique key updates in place.
    await s.Replace(
      key,
      'privatekey',
      { platformUrl: 'https://lms.example', clientId: 'c1' },
      { key: 'NEW-PEM', kid: 'kid-1' },
      index,
    );
    expect(await db.selectFrom('lti_privatekey').selectAll().execute()).toHaveLength(1);
    expect(await s.Get(key, 'privatekey', { kid: 'kid-1' })).toEqual([
      expect.objectContaining({ key: 'NEW-PEM' }),
    ]);
  });

  it('when a platform is modified, then its indexed columns and document follow', async () => {
    const { store: s } = await store();
    const query = { platformUrl: 'https://lms.example', clientId: 'c1' };
    await s.Replace(false, 'platform', query, {
      ...query,
      platformName: 'Old',
      kid: 'k1',
      authConfig: { method: 'JWK_SET', key: 'u' },
    });
    await s.Modify(false, 'platform', query, { platformName: 'New' });
    const [p] = (await s.Get(false, 'platform', { kid: 'k1' })) as Array<Record<string, unknown>>;
    expect(p).toMatchObject({
      platformName: 'New',
      platformUrl: 'https://lms.example',
      authConfig: { method: 'JWK_SET' },
    });
    await s.Delete('platform', query);
    expect(await s.Get(false, 'platform', query)).toBe(false);
  });

  it('when a state has expired, then it reads as absent', async () => {
    const { store: s, db } = await store();
    await s.Insert(false, 'state', { state: 'st', query: {} });
    await db
      .updateTable('lti_state')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    expect(await s.Get(false, 'state', { state: 'st' })).toBe(false);
  });

  it('when ltijs asks for a field we do not index, then it fails loudly instead of returning everything', async () => {
    const { store: s } = await store();
    await expect(s.Get(false, 'nonce', { other: 'x' })).rejects.toThrow(/UNSUPPORTED_QUERY/);
    await expect(s.Get(false, 'mystery', {})).rejects.toThrow(/UNKNOWN_COLLECTION/);
  });
});
