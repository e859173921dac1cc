import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** At most this many exact lexemes stand in for one typed prefix; a broader prefix stays a prefix match. */
export const PREFIX_EXPANSION_LIMIT = 16;

/** Sorts after every string that starts with a given prefix (search_words.word is in "C" collation: code points). */
const AFTER_PREFIX = '\u{10FFFF}';

/** A prefix lexeme in PostgreSQL's text form of a tsquery: `'practic':*` (quotes doubled, backslashes escaped). */
const PREFIX_LEXEME = /'((?:[^'\\]|''|\\.)*)':\*/g;

const unquote = (quoted: string) => quoted.replace(/''/g, "'").replace(/\\(.)/g, '$1');
const quote = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * PostgreSQL: turns a prefix query (`think:* & pract:*`) into the tsquery text a search should run. PostgreSQL
 * normalises it first (stemming, stop words); then each prefix lexeme that the tenant's strategies complete in 1 to
 * PREFIX_EXPANSION_LIMIT ways becomes those exact lexemes, `( 'practic' | 'practis' )`, which GIN reads several
 * times faster. A prefix nothing completes, or too many things do, stays a prefix: the matches are the same either
 * way, because `search_words` holds every lexeme of the tenant's strategies.
 */
export async function expandPrefixes(scope: TenantScope, prefixQuery: string): Promise<string> {
  const normalised = await scope.evaluate(sql<string>`to_tsquery('english', ${prefixQuery})::text`);
  const prefixes = [...new Set([...normalised.matchAll(PREFIX_LEXEME)].map((m) => unquote(m[1] ?? '')))];
  if (prefixes.length === 0) return normalised;
  const completions = new Map(
    await Promise.all(
      prefixes.map(async (prefix) => {
        const rows = await scope
          .selectFrom('search_words')
          .select('word')
          .where('word', '>=', prefix)
          .where('word', '<', `${prefix}${AFTER_PREFIX}`)
          .orderBy('word')
          .limit(PREFIX_EXPANSION_LIMIT + 1)
          .execute();
        return [prefix, rows.map((r) => r.word)] as const;
      }),
    ),
  );
  return normalised.replace(PREFIX_LEXEME, (whole, quoted: string) => {
    const words = completions.get(unquote(quoted)) ?? [];
    if (words.length === 0 || words.length > PREFIX_EXPANSION_LIMIT) return whole;
    return words.length === 1 ? quote(words[0]!) : `( ${words.map(quote).join(' | ')} )`;
  });
}

/**
 * PostgreSQL, every tenant: deletes the lexemes no strategy of their tenant contains any more (after edits), so the
 * list stays exact and keeps no word of a text that is gone. Each check is one exact GIN lookup. Returns how many.
 *
 * The table lock closes a race that would make searches miss a strategy: a transaction still adding a strategy with
 * a listed but unused word finds the word present (its trigger's insert does nothing), while a prune that cannot see
 * the uncommitted strategy deletes the word. SHARE ROW EXCLUSIVE waits for every transaction writing to
 * `search_words` (each new or edited strategy does, through its trigger) and holds new ones back until the delete is
 * done, so the delete sees every strategy whose words it checks.
 */
export async function pruneSearchWords(db: Kysely<Database>): Promise<number> {
  const asQuery = sql`'''' || replace(replace(w.word, ${'\\'}, ${'\\\\'}), '''', '''''') || ''''`;
  return db.transaction().execute(async (trx) => {
    await sql`lock table search_words in share row exclusive mode`.execute(trx);
    const result = await sql`delete from search_words w where not exists (
      select 1 from strategies s where s.tenant_id = w.tenant_id and s.search_vector @@ cast(${asQuery} as tsquery)
    )`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}
