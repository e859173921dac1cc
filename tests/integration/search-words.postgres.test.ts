import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { migrateToLatest } from '../../lti-server/src/db/migrations';
import {
  expandPrefixes,
  PREFIX_EXPANSION_LIMIT,
  pruneSearchWords,
} from '../../lti-server/src/db/repositories/search-words';
import { listStrategies } from '../../lti-server/src/db/repositories/strategies';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { seedTenant } from '../support/server/seed-tenant';
import { strategyRow } from '../support/server/strategy-row';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';

/**
 * PostgreSQL expands a typed prefix into the exact lexemes of the tenant's strategies (migration 0013). These tests
 * hold the expansion to what matters: a search finds exactly what the plain prefix search finds, the list follows
 * inserts and edits, and it never mixes tenants. SQLite has no word list (FTS5 prefix indexes instead), so this file
 * runs in the integration-postgres project only.
 */
let test: TestDatabase;
let handle: DatabaseHandle;
const scopes: Record<'a' | 'b', TenantScope> = {} as never;
const networks = { a: randomUUID(), b: randomUUID() };
let n = 0;

function strategy(tenant: 'a' | 'b', text: string) {
  n++;
  const createdAt = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  const id = `s-${tenant}-${n}`;
  return strategyRow({ id, network: networks[tenant], contributor: `p-${tenant}`, text, createdAt });
}

const words = async (tenant: 'a' | 'b') =>
  (await scopes[tenant].selectFrom('search_words').select('word').orderBy('word').execute()).map(
    (r) => r.word,
  );

const search = (tenant: 'a' | 'b', q: string, anyTerm = false) =>
  listStrategies(scopes[tenant], {
    networkId: networks[tenant],
    statuses: ['approved'],
    q,
    anyTerm,
    excludeMerged: true,
    limit: 100,
  });

/** The same search as a plain prefix query, without the word list: what the expansion must equal. */
async function plainPrefixIds(tenant: 'a' | 'b', q: string, anyTerm = false): Promise<string[]> {
  const terms = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const query = terms.map((t) => `${t}:*`).join(anyTerm ? ' | ' : ' & ');
  const rows = await scopes[tenant]
    .selectFrom('strategies')
    .select('id')
    .where('network_id', '=', networks[tenant])
    .where(sql<boolean>`search_vector @@ to_tsquery('english', ${query})`)
    .execute();
  return rows.map((r) => r.id).sort();
}

beforeAll(async () => {
  test = await createTestDatabase('postgres');
  handle = openDatabase(test.target);
  await handle.migrate();
  for (const t of ['a', 'b'] as const) {
    await seedTenant(handle.db, { tenant: t, networks: [networks[t]], person: `p-${t}` });
    scopes[t] = new TenantScope(handle.db, t, 'postgres');
  }
  // Tenant a: practice / practical / practise, a word with an apostrophe, and 20 words that all start with "zed".
  await scopes.a
    .insertInto('strategies', [
      strategy('a', 'Retrieval practice with mini whiteboards'),
      strategy('a', 'A practical exit ticket'),
      strategy('a', 'Students practise partner talk'),
      strategy('a', "O'Neil's gallery walk"),
      // Lexemes with quotes and slashes must be quoted when they replace a prefix.
      strategy('a', "Visit docs.example.com/it's-a-path and docs.example.org"),
      strategy('a', Array.from({ length: PREFIX_EXPANSION_LIMIT + 4 }, (_, i) => `zed${i}x`).join(' ')),
    ])
    .execute();
  await scopes.b.insertInto('strategies', [strategy('b', 'Jigsaw reading in groups')]).execute();
}, 60_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

describe('the search word list on PostgreSQL', () => {
  it('when strategies are added, then their lexemes are in their own tenant’s list only', async () => {
    const a = await words('a');
    expect(a).toEqual(expect.arrayContaining(['practic', 'practis', 'retriev', 'whiteboard', 'ticket']));
    expect(a).not.toContain('jigsaw');
    expect(await words('b')).toEqual(expect.arrayContaining(['jigsaw', 'read', 'group']));
    expect(await words('b')).not.toContain('practic');
  });

  it('when a prefix has a few completions, then it becomes those exact lexemes; otherwise it stays a prefix', async () => {
    expect((await expandPrefixes(scopes.a, 'pract:*')).text).toBe("( 'practic' | 'practis' )");
    expect((await expandPrefixes(scopes.a, 'whiteb:* & mini:*')).text).toBe("'whiteboard' & 'mini'");
    // Nothing completes it: still a prefix (and it matches nothing).
    expect((await expandPrefixes(scopes.a, 'jigs:*')).text).toBe("'jig':*");
    // Too many completions: a prefix.
    expect((await expandPrefixes(scopes.a, 'zed:*')).text).toBe("'zed':*");
    expect((await expandPrefixes(scopes.a, 'docs:*')).text).toContain("'docs.example.com/it''s-a-path'");
    // Stop words are dropped by PostgreSQL as before.
    expect((await expandPrefixes(scopes.a, 'the:* & pract:*')).text).toBe("( 'practic' | 'practis' )");
  });

  it('when a word that must match has no completion, then the query is known to match nothing', async () => {
    expect((await expandPrefixes(scopes.a, 'pract:* & jigs:*')).unmatched).toBe(true);
    // Any word may match, or all are completed: it must be run.
    expect((await expandPrefixes(scopes.a, 'pract:* | jigs:*')).unmatched).toBe(false);
    expect((await expandPrefixes(scopes.a, 'pract:* & whiteb:*')).unmatched).toBe(false);
    // Only stop words: nothing to complete, and PostgreSQL's own empty query is run.
    expect((await expandPrefixes(scopes.a, 'the:*')).unmatched).toBe(false);
  });

  it('when searching, then the matches are exactly those of a plain prefix search', async () => {
    const queries = [
      'pract',
      'pr',
      'p',
      'practice',
      'whiteb mini',
      'o',
      'neil',
      'zed',
      'zed1',
      'jigs',
      'exit pract',
    ];
    for (const q of queries) {
      const ids = (await search('a', q)).map((r) => r.id).sort();
      expect(ids, q).toEqual(await plainPrefixIds('a', q));
    }
    const any = (await search('a', 'galler ticke', true)).map((r) => r.id).sort();
    expect(any).toEqual(await plainPrefixIds('a', 'galler ticke', true));
    expect(any).toHaveLength(2);
  });

  it('when a strategy is edited, then its new words are searchable at once; the job prunes words nobody uses', async () => {
    const id = (await search('a', 'retriev'))[0]!.id;
    await scopes.a
      .updateTable('strategies')
      .set({ search_text: 'Brainstorm carousel with sticky notes' })
      .where('id', '=', id)
      .execute();
    expect((await search('a', 'carous')).map((r) => r.id)).toEqual([id]);
    expect(await words('a')).toContain('retriev');
    const pruned = await pruneSearchWords(handle.db, 'postgres');
    expect(pruned).toBeGreaterThanOrEqual(1);
    const after = await words('a');
    expect(after).not.toContain('retriev');
    expect(after).toEqual(expect.arrayContaining(['carousel', 'practic', 'neil']));
    expect(await words('b')).toContain('jigsaw');
    expect(await pruneSearchWords(handle.db, 'postgres')).toBe(0);
  });

  it('when an edit removes words, then the prune checks just those and keeps the ones another strategy still has', async () => {
    await scopes.a.insertInto('strategies', [strategy('a', 'Exit ticket relay')]).execute();
    const id = (await search('a', 'practical'))[0]!.id;
    await scopes.a
      .updateTable('strategies')
      .set({ search_text: 'A gallery ticket' })
      .where('id', '=', id)
      .execute();
    // The edit marked the words its new text lacks ("A practical exit ticket" → "A gallery ticket"), and only those.
    const marked = (
      await scopes.a.selectFrom('search_word_checks').select('word').orderBy('word').execute()
    ).map((r) => r.word);
    expect(marked).toEqual(['exit', 'practic']);
    expect(await pruneSearchWords(handle.db, 'postgres')).toBe(1);
    expect(await scopes.a.selectFrom('search_word_checks').select('word').execute()).toEqual([]);
    expect(await words('a')).not.toContain('practic');
    expect(await words('a')).toEqual(expect.arrayContaining(['exit', 'ticket', 'galleri', 'practis']));
    expect((await expandPrefixes(scopes.a, 'pract:*')).text).toBe("'practis'");
  });

  it('when a strategy with an unused listed word is being added during a prune, then the word stays listed', async () => {
    // "quokka" is listed but used by no strategy once this one is edited: the next prune would remove it.
    const edited = strategy('a', 'Quokka count warm-up');
    await scopes.a.insertInto('strategies', [edited]).execute();
    await scopes.a
      .updateTable('strategies')
      .set({ search_text: 'Counting warm-up' })
      .where('id', '=', edited.id)
      .execute();
    expect(await words('a')).toContain('quokka');

    // Another connection adds a strategy with "quokka" and has not committed when the prune starts.
    let commit!: () => void;
    const release = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let added!: () => void;
    const inserted = new Promise<void>((resolve) => {
      added = resolve;
    });
    const adding = handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('strategies')
        .values({ ...strategy('a', 'Quokka facts relay'), tenant_id: 'a' })
        .execute();
      added();
      await release;
    });
    await inserted;
    const pruning = pruneSearchWords(handle.db, 'postgres');
    // Give an unlocked prune time to run its delete before the strategy commits.
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();
    await adding;
    await pruning;
    expect(await words('a')).toContain('quokka');
    expect((await search('a', 'quok')).map((r) => r.title)).toHaveLength(1);
  });
});

describe('migration 0013 over an existing menu', () => {
  it('when strategies exist before the migration, then their lexemes are in the list afterwards', async () => {
    const before = await createTestDatabase('postgres');
    const existing = openDatabase(before.target);
    try {
      const schema = before.target.kind === 'postgres' ? before.target.schema : undefined;
      await migrateToLatest(existing.db, 'postgres', schema, '0012-debrief');
      const now = new Date().toISOString();
      await seedTenant(existing.db, { tenant: 'old', networks: ['n-old'], person: 'p-old' }, now);
      await existing.db
        .insertInto('strategies')
        .values({
          ...strategyRow({
            id: 's-old',
            network: 'n-old',
            contributor: 'p-old',
            text: 'Gallery walk with sticky notes',
            createdAt: now,
          }),
          tenant_id: 'old',
        })
        .execute();
      // Up to 0013 only: later migrations are not this test's subject.
      expect(await migrateToLatest(existing.db, 'postgres', schema, '0013-search-words')).toEqual([
        '0013-search-words',
      ]);
      const scope = new TenantScope(existing.db, 'old', 'postgres');
      const list = (await scope.selectFrom('search_words').select('word').orderBy('word').execute()).map(
        (r) => r.word,
      );
      expect(list).toEqual(['galleri', 'note', 'sticki', 'walk']);
      expect((await expandPrefixes(scope, 'gall:*')).text).toBe("'galleri'");
    } finally {
      await existing.close();
      await before.drop();
    }
  });
});
