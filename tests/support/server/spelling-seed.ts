import { sql } from 'kysely';
import type { DatabaseHandle } from '../../../lti-server/src/db/database';
import { TenantScope } from '../../../lti-server/src/db/tenant-scope';
import { analyzeOwnTables } from './query-plans';
import { seedTenant } from './seed-tenant';
import { strategyRow } from './strategy-row';

/** No made-up word starts with x, so a typo starting with x finds no word in its first-letter range. */
const SYLLABLES = [
  'ka',
  'lo',
  'ti',
  'ra',
  'mu',
  'se',
  'no',
  'vi',
  'pa',
  'du',
  'fe',
  'gi',
  'zo',
  'be',
  'ch',
  'tr',
];

function madeUpWord(i: number): string {
  let word = '';
  let n = i;
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return `${word}${i % 7}`;
}

/**
 * Tenants `t` and `u` (network `net` and `net-u`), each with a word list of `words` made-up words plus the words of
 * tenant t's two strategies ("think pair share", "exit ticket"), ANALYZEd as autovacuum would, but on PostgreSQL not
 * vacuumed since the words were added (autovacuum is off for the list): what a busy server's list looks like.
 */
export async function seedWordList(handle: DatabaseHandle, words: number): Promise<void> {
  const kind = handle.kind;
  await seedTenant(handle.db, { tenant: 't', networks: ['net'], person: 'p' });
  await seedTenant(handle.db, { tenant: 'u', networks: ['net-u'], person: 'q' });
  if (kind === 'postgres')
    await sql`alter table search_words set (autovacuum_enabled = false)`.execute(handle.db);
  const at = (ms: number) => new Date(ms).toISOString();
  await new TenantScope(handle.db, 't', kind)
    .insertInto('strategies', [
      strategyRow({
        id: 's-1',
        network: 'net',
        contributor: 'p',
        text: 'think pair share',
        createdAt: at(0),
      }),
      strategyRow({ id: 's-2', network: 'net', contributor: 'p', text: 'exit ticket', createdAt: at(1) }),
    ])
    .execute();
  // SQLite's list is kept by the strategies repository, which these inserts bypass: the strategies' words go in here.
  const list = ['think', 'pair', 'share', 'exit', 'ticket'];
  for (let i = 0; i < words; i++) list.push(madeUpWord(i));
  for (const tenant of ['t', 'u'])
    for (let i = 0; i < list.length; i += 500)
      await new TenantScope(handle.db, tenant, kind)
        .insertInto(
          'search_words',
          list.slice(i, i + 500).map((word) => ({ word })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
  await analyzeOwnTables(handle);
}
