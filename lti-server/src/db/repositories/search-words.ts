import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { MAX_EDITS, wordsOf } from '../../../../shared/spelling';
import { decodeJson } from '../json-column';
import type { Database } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** At most this many exact lexemes stand in for one typed prefix; a broader prefix stays a prefix match. */
export const PREFIX_EXPANSION_LIMIT = 16;

/** Sorts after every string that starts with a given prefix (search_words.word is in "C" collation: code points). */
const AFTER_PREFIX = '\u{10FFFF}';

/** A prefix lexeme in PostgreSQL's text form of a tsquery: `'practic':*` (quotes doubled, backslashes escaped). */
const PREFIX_LEXEME = /'((?:[^'\\]|''|\\.)*)':\*/g;

const quote = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** What `prefixCompletions` reads back: the normalised query and each prefix lexeme's first listed completions. */
const CompletionsSchema = z.object({
  text: z.string(),
  total: z.number().optional(),
  prefixes: z.array(
    z.object({
      quoted: z.string(),
      words: z.array(z.string()),
      counts: z.object({ least: z.number(), most: z.number().nullable(), miss: z.number() }).optional(),
    }),
  ),
});

/** At most this many completions of a prefix are counted; a prefix with more has no upper bound. */
const COUNTED_COMPLETIONS = 1000;

/** Where a search looks: the strategies of one network with one of these statuses (search_word_counts' keys). */
export interface CountedWithin {
  networkId: string;
  statuses: readonly string[];
}

/**
 * What the counts of a query's lexemes say about how many strategies it matches within a network and statuses
 * (merged strategies left out; other filters not considered): at least `least`, at most `most` (Infinity when a
 * prefix stands for too many words to count them), and `expected`.
 */
export interface MatchBounds {
  least: number;
  most: number;
  /** How many it matches if its words occur independently of each other (equal to `least` for one word). */
  expected: number;
}

interface Completions {
  words: string[];
  /** With `within`: the strategies there holding the commonest counted completion, and all completions' sum. */
  least?: number;
  most?: number;
  /** With `within`: the share of strategies there holding a completion, if the completions occur independently. */
  share?: number;
}

/**
 * PostgreSQL, in one round trip: a prefix query normalised as a search normalises it (stemming, stop words), and for
 * each prefix lexeme in it (keyed by its quoted text, PREFIX_LEXEME's group) the first PREFIX_EXPANSION_LIMIT + 1 words
 * of the tenant's list that start with it, each one range of the primary key. The lexemes are found with the same
 * pattern and unquoted in SQL (doubled quotes, then backslash escapes). With `within`, also the counts of strategies
 * there (migration 0044): for each prefix, per completion, from one range of search_word_counts' primary key (up to
 * COUNTED_COMPLETIONS of them), and the `total` (the empty word's count).
 */
async function prefixCompletions(
  scope: TenantScope,
  prefixQuery: string,
  within?: CountedWithin,
): Promise<{ text: string; total?: number; completions: Map<string, Completions> }> {
  const prefix = sql.ref<string>('p.prefix');
  const words = scope
    .selectFrom('search_words')
    .select('word')
    .where('word', '>=', prefix)
    .where('word', '<', sql<string>`${prefix} || ${AFTER_PREFIX}`)
    .orderBy('word')
    .limit(PREFIX_EXPANSION_LIMIT + 1);
  const counted = () =>
    scope
      .selectFrom('search_word_counts')
      .where('search_word_counts.network_id', '=', within!.networkId)
      .where('search_word_counts.status', 'in', [...within!.statuses]);
  const perCompletion = within
    ? counted()
        .select(sql<number>`sum(search_word_counts.strategies)::integer`.as('n'))
        .where('search_word_counts.word', '>=', prefix)
        .where('search_word_counts.word', '<', sql<string>`${prefix} || ${AFTER_PREFIX}`)
        .groupBy('search_word_counts.word')
        .limit(COUNTED_COMPLETIONS + 1)
    : undefined;
  const total = within
    ? counted()
        .select(sql<number>`coalesce(sum(search_word_counts.strategies), 0)::integer`.as('n'))
        .where('search_word_counts.word', '=', '')
    : undefined;
  // `miss`: the share of strategies holding none of the completions, if they occur independently of each other.
  const counts =
    perCompletion && total
      ? sql`, 'counts', (
          select json_build_object(
            'least', coalesce(max(c.n), 0),
            'most', case when count(*) > ${COUNTED_COMPLETIONS} then null else coalesce(sum(c.n), 0) end,
            'miss', exp(coalesce(sum(ln(greatest(1 - c.n::float8 / nullif((${total}), 0), 1e-9))), 0)))
          from (${perCompletion}) as c)`
      : sql``;
  const totalField = total ? sql`'total', (${total}),` : sql``;
  // Kept prepared on PostgreSQL (issue #20): its plan cannot depend on its values, as the prefixes it reads by are
  // worked out inside it; planning it took about half of its 1.3 ms, on every search.
  const json = await scope.evaluate(
    sql<string>`(
    select json_build_object(${totalField} 'text', q.text, 'prefixes', coalesce((
      select json_agg(json_build_object('quoted', p.quoted, 'words', array(${words})${counts}))
      from (
        select distinct m[1] as quoted,
          regexp_replace(replace(m[1], ${"''"}, ${"'"}), ${'\\\\(.)'}, ${'\\1'}, 'g') as prefix
        from regexp_matches(q.text, ${PREFIX_LEXEME.source}, 'g') as m
      ) p
    ), '[]'::json))::text
    from (select to_tsquery('english', ${prefixQuery})::text as text) q
  )`,
    { prepared: true },
  );
  const found = decodeJson(CompletionsSchema, json, 'list of prefix completions');
  const completions = new Map<string, Completions>(
    found.prefixes.map((p) => [
      p.quoted,
      {
        words: p.words,
        ...(p.counts
          ? {
              least: p.counts.least,
              most: p.counts.most ?? Number.POSITIVE_INFINITY,
              share: 1 - p.counts.miss,
            }
          : {}),
      },
    ]),
  );
  return { text: found.text, ...(found.total === undefined ? {} : { total: found.total }), completions };
}

/**
 * PostgreSQL: turns a prefix query (`think:* & pract:*`) into the tsquery text a search should run. PostgreSQL
 * normalises it first (stemming, stop words); then each prefix lexeme that the tenant's strategies complete in 1 to
 * PREFIX_EXPANSION_LIMIT ways becomes those exact lexemes, `( 'practic' | 'practis' )`, which GIN reads several
 * times faster. A prefix nothing completes, or too many things do, stays a prefix: the matches are the same either
 * way, because `search_words` holds every lexeme of the tenant's strategies. `unmatched`: some prefix has no
 * completion and every lexeme must match (no `|` or `!`), so the query matches nothing and need not be run.
 *
 * With `within`, also `bounds`: how many strategies there the query can match, from the completions' counts
 * (migration 0044), without reading a strategy.
 */
export async function expandPrefixes(
  scope: TenantScope,
  prefixQuery: string,
  within?: CountedWithin,
): Promise<{ text: string; unmatched: boolean; bounds: MatchBounds }> {
  const { text: normalised, total, completions } = await prefixCompletions(scope, prefixQuery, within);
  let missing = false;
  const text = normalised.replace(PREFIX_LEXEME, (whole, quoted: string) => {
    const words = completions.get(quoted)?.words ?? [];
    if (words.length === 0) missing = true;
    if (words.length === 0 || words.length > PREFIX_EXPANSION_LIMIT) return whole;
    return words.length === 1 ? quote(words[0]!) : `( ${words.map(quote).join(' | ')} )`;
  });
  return {
    text,
    unmatched: missing && !/[|!]/.test(normalised),
    bounds: within ? matchBounds(normalised, completions, total ?? 0) : UNKNOWN,
  };
}

/** Nothing known: the matches are counted (a query of stop words only, or of another shape). */
const UNKNOWN: MatchBounds = { least: 0, most: Number.POSITIVE_INFINITY, expected: 0 };

/** A normalised query of prefix lexemes that must all match, or of which one must: `'a':* & 'b':*`, `'a':* | 'b':*`. */
const ALL_OF = new RegExp(`^${PREFIX_LEXEME.source}(?: & ${PREFIX_LEXEME.source})*$`);
const ANY_OF = new RegExp(`^${PREFIX_LEXEME.source}(?: \\| ${PREFIX_LEXEME.source})*$`);

/**
 * The bounds of a query's matches from its completions' counts and the `total` of strategies. A prefix matches the
 * strategies holding any of its completions: at most the sum of their counts (unknown when it has more than
 * COUNTED_COMPLETIONS, of which only the first were counted), at least the largest. All prefixes (`&`): at most the
 * smallest of theirs, at least what they must share (the sum of theirs less the total for each prefix but one), and
 * expected the total times the product of their shares (a prefix's share: of the strategies holding any completion,
 * if the completions occur independently). Any prefix (`|`): at most the sum, at least the largest. A
 * query of another shape is unknown.
 */
function matchBounds(normalised: string, completions: Map<string, Completions>, total: number): MatchBounds {
  const all = ALL_OF.test(normalised);
  if (!all && !ANY_OF.test(normalised)) return UNKNOWN;
  const prefixes = [...new Set([...normalised.matchAll(PREFIX_LEXEME)].map((m) => m[1]!))].map((quoted) => ({
    least: completions.get(quoted)?.least ?? 0,
    most: completions.get(quoted)?.most ?? Number.POSITIVE_INFINITY,
    share: completions.get(quoted)?.share ?? 0,
  }));
  if (!all) {
    const least = Math.max(...prefixes.map((p) => p.least));
    return { least, most: prefixes.reduce((sum, p) => sum + p.most, 0), expected: least };
  }
  const least = Math.max(0, prefixes.reduce((sum, p) => sum + p.least, 0) - (prefixes.length - 1) * total);
  const expected = prefixes.reduce((product, p) => product * p.share, total);
  return { least, most: Math.min(...prefixes.map((p) => p.most)), expected: Math.max(least, expected) };
}

/** Words added to SQLite's word list per statement (well under SQLite's limit of bound values). */
const WORDS_PER_INSERT = 400;

/**
 * SQLite: adds the words of a strategy's search text to the tenant's word list (PostgreSQL's triggers do this for
 * it). Words an edit removes stay listed: a suggestion is only shown when searching for it finds strategies.
 */
export async function addSearchWords(scope: TenantScope, text: string): Promise<void> {
  if (scope.dialect !== 'sqlite') return;
  const words = [...new Set(wordsOf(text))];
  for (let i = 0; i < words.length; i += WORDS_PER_INSERT)
    await scope
      .insertInto(
        'search_words',
        words.slice(i, i + WORDS_PER_INSERT).map((word) => ({ word })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/**
 * Whether a typed search word is in the tenant's word list as the start of a listed word (a search matches every
 * word as a prefix). On PostgreSQL the word is first normalised as a search normalises it (stemming); a stop word,
 * which a search ignores, counts as known.
 */
export async function isKnownWord(scope: TenantScope, typed: string): Promise<boolean> {
  if (scope.dialect === 'postgres') {
    const { text, completions } = await prefixCompletions(scope, `${typed}:*`);
    const quoted = [...text.matchAll(PREFIX_LEXEME)][0]?.[1];
    return quoted === undefined || (completions.get(quoted)?.words ?? []).length > 0;
  }
  const row = await scope
    .selectFrom('search_words')
    .select('word')
    .where('word', '>=', typed)
    .where('word', '<', `${typed}${AFTER_PREFIX}`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many words a trigram search hands back to be measured by edit distance. */
const TRIGRAM_CANDIDATES = 50;
/** How many words sharing a first letter (and a length within MAX_EDITS) are measured. */
const PREFIX_CANDIDATES = 5000;

/**
 * Listed words that may be a misspelt word's intended spelling, for `nearestWord` to measure: the words that start
 * with the same letter and are at most MAX_EDITS longer or shorter, one range of the primary key. Only the tenant's
 * own list is read.
 */
export async function spellingCandidates(scope: TenantScope, typed: string): Promise<string[]> {
  const first = typed.slice(0, 1);
  const rows = await scope
    .selectFrom('search_words')
    .select('word')
    .where('word', '>=', first)
    .where('word', '<', `${first}${AFTER_PREFIX}`)
    .where(sql<boolean>`length(word) between ${typed.length - MAX_EDITS} and ${typed.length + MAX_EDITS}`)
    .orderBy('word')
    .limit(PREFIX_CANDIDATES)
    .execute();
  return rows.map((r) => r.word);
}

/**
 * PostgreSQL with pg_trgm (migration 0024): the listed words most similar to `typed` by trigrams, most similar first,
 * from the GIN index; these include words whose first letter was mistyped. None on SQLite or without the extension.
 * Slower than the first-letter range on a large list (a GIN bitmap over every word sharing a trigram), so a search
 * asks for them only when the range has no word near enough.
 */
export async function similarWords(scope: TenantScope, typed: string): Promise<string[]> {
  if (scope.dialect !== 'postgres') return [];
  const schema = await scope.evaluate(
    sql<string | null>`(select extnamespace::regnamespace::text from pg_extension where extname = 'pg_trgm')`,
  );
  if (!schema) return [];
  const trgm = sql.id(schema);
  return scope.transaction(async (trx) => {
    // The planner prices the similarity test too low and scans the whole list instead of the trigram index (37 ms
    // against 3 ms on 7,700 words).
    await trx.evaluate(sql`set_config('enable_seqscan', 'off', true)`);
    const rows = await trx
      .selectFrom('search_words')
      .select('word')
      .where(sql<boolean>`word operator(${trgm}.%) ${typed}`)
      .orderBy(sql`${trgm}.similarity(word, ${typed})`, 'desc')
      .orderBy('word')
      .limit(TRIGRAM_CANDIDATES)
      .execute();
    return rows.map((r) => r.word);
  });
}

/** How many marked words one locked pass of the prune checks; a run goes on pass after pass up to PRUNE_PASSES. */
const PRUNE_BATCH = 200;
const PRUNE_PASSES = 50;

/**
 * PostgreSQL, every tenant: deletes the lexemes that edits removed from strategies (marked in `search_word_checks`
 * by the edit trigger) when no strategy of their tenant contains them any more, so the list stays small and keeps no
 * word of a text that is gone. Each marked word is one query with the word as a constant, which PostgreSQL answers
 * from the GIN index. Returns how many were deleted.
 *
 * The table lock closes a race that would make searches miss a strategy: a transaction still adding a strategy with
 * a listed but unused word finds the word present (its trigger's insert does nothing), while a prune that cannot see
 * the uncommitted strategy deletes the word. SHARE ROW EXCLUSIVE waits for every transaction writing to
 * `search_words` (each new or edited strategy does, through its trigger) and holds new ones back until the pass is
 * done, so the pass sees every strategy whose words it checks and no edit marks words while it runs. A pass checks
 * at most PRUNE_BATCH words, so saves wait briefly.
 *
 * SQLite's word list (spelling suggestions only) is not pruned: the answer is 0.
 */
export async function pruneSearchWords(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
): Promise<number> {
  if (dialect === 'sqlite') return 0;
  let pruned = 0;
  for (let pass = 0; pass < PRUNE_PASSES; pass++) {
    const { checked, deleted } = await db.transaction().execute(async (trx) => {
      await sql`lock table search_words in share row exclusive mode`.execute(trx);
      // A word no strategy has any more is, to the planner, a rare word expected within the first few hundred rows: it
      // would scan the whole menu for it (100 ms at 100k strategies). Bitmap scans only: the GIN index answers a
      // rare or missing word at once and a very common one in a few milliseconds.
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_indexscan = off`.execute(trx);
      const marked = await trx
        .selectFrom('search_word_checks')
        .select(['tenant_id', 'word'])
        .orderBy('tenant_id')
        .orderBy('word')
        .limit(PRUNE_BATCH)
        .execute();
      if (marked.length === 0) return { checked: 0, deleted: 0 };
      // One query per word, so the word is a constant the planner sees; the deletes then go in one statement each.
      const unused: typeof marked = [];
      for (const m of marked) {
        const used = await trx
          .selectFrom('strategies')
          .select(sql<number>`1`.as('one'))
          .where('tenant_id', '=', m.tenant_id)
          .where(sql<boolean>`search_vector @@ cast(${quote(m.word)} as tsquery)`)
          .limit(1)
          .executeTakeFirst();
        if (!used) unused.push(m);
      }
      const pairs = (rows: typeof marked) => sql.join(rows.map((r) => sql`(${r.tenant_id}, ${r.word})`));
      let deleted = 0;
      if (unused.length > 0) {
        const result = await trx
          .deleteFrom('search_words')
          .where(sql<boolean>`(tenant_id, word) in (${pairs(unused)})`)
          .executeTakeFirst();
        deleted = Number(result.numDeletedRows);
      }
      await trx
        .deleteFrom('search_word_checks')
        .where(sql<boolean>`(tenant_id, word) in (${pairs(marked)})`)
        .execute();
      return { checked: marked.length, deleted };
    });
    pruned += deleted;
    if (checked < PRUNE_BATCH) break;
  }
  return pruned;
}
