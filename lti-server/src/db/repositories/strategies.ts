import { sql } from 'kysely';
import { z } from 'zod';
import { ValidationError } from '../../../../shared/errors';
import {
  type Strategy,
  StrategySchema,
  type StrategyStatus,
  type TryState,
} from '../../../../shared/strategy';
import { decodeJson, encodeJson } from '../json-column';
import type { StrategyTable } from '../schema';
import type { TenantScope } from '../tenant-scope';
import { breadthKey, knownBreadth, rememberBreadth } from './search-breadth';
import { addSearchWords, expandPrefixes } from './search-words';

type StrategyRow = StrategyTable;

/** A strategy as the server uses it: steps and tags decoded and validated, names in camelCase. */
export interface StoredStrategy {
  id: string;
  networkId: string;
  contributorId: string;
  clientId: string | null;
  title: string;
  purpose: string;
  steps: string[];
  minutes: number;
  subject: string;
  gradeBand: Strategy['gradeBand'];
  tags: string[];
  sourceUrl: string | null;
  sourceTitle: string | null;
  excerptHtml: string | null;
  status: StrategyStatus;
  changeMessage: string | null;
  changeRequestedAt: string | null;
  mergedIntoId: string | null;
  /** What duplicate detection compares (shared/strategy.ts `duplicateKey`). */
  dupKey: string;
  createdAt: string;
  updatedAt: string;
}

/** A strategy to insert: the record, and the text full-text search indexes. */
export interface NewStrategy extends StoredStrategy {
  searchText: string;
}

export type StrategyPatch = Partial<
  Omit<NewStrategy, 'id' | 'networkId' | 'contributorId' | 'clientId' | 'createdAt'>
>;

/** Each record field's column; `steps` and `tags` are JSON arrays there. */
const COLUMNS = {
  id: 'id',
  networkId: 'network_id',
  contributorId: 'contributor_id',
  clientId: 'client_id',
  title: 'title',
  purpose: 'purpose',
  steps: 'steps',
  minutes: 'minutes',
  subject: 'subject',
  gradeBand: 'grade_band',
  tags: 'tags',
  sourceUrl: 'source_url',
  sourceTitle: 'source_title',
  excerptHtml: 'excerpt_html',
  status: 'status',
  changeMessage: 'change_message',
  changeRequestedAt: 'change_requested_at',
  mergedIntoId: 'merged_into_id',
  dupKey: 'dup_key',
  searchText: 'search_text',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies Record<keyof NewStrategy, keyof StrategyTable>;

/** The columns of a record or a patch (fields left undefined are left out), JSON columns encoded. */
function toColumns(strategy: StrategyPatch | NewStrategy): Partial<Omit<StrategyRow, 'tenant_id'>> {
  const row: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(strategy)) {
    if (value === undefined) continue;
    row[COLUMNS[field as keyof NewStrategy]] =
      field === 'steps' || field === 'tags' ? encodeJson(value) : value;
  }
  return row;
}

/**
 * The columns a strategy is read back with: what toStrategy reads, not the search text (SQLite and PostgreSQL) nor
 * PostgreSQL's search vector. A page read with `strategies.*` sent both with every row, the vector written out as text
 * by PostgreSQL and read by the server, about a third of each row, for nothing (issue #20).
 */
const READ_COLUMNS = [
  'id',
  'network_id',
  'contributor_id',
  'client_id',
  'title',
  'purpose',
  'steps',
  'minutes',
  'subject',
  'grade_band',
  'tags',
  'source_url',
  'source_title',
  'excerpt_html',
  'status',
  'change_message',
  'change_requested_at',
  'merged_into_id',
  'dup_key',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof StrategyRow>;

type ReadRow = Pick<StrategyRow, (typeof READ_COLUMNS)[number]>;

/** READ_COLUMNS of the `strategies` table, for a statement that joins others. */
const READ = READ_COLUMNS.map((column) => `strategies.${column}` as const);

/**
 * What a list's card shows (shared/strategy.ts StrategyCardSchema) and what its page needs: the cursor's date and the
 * display status's merge and change request. A menu page of cards reads a third of a full page's bytes and no credits.
 */
const CARD_COLUMNS = [
  'id',
  'title',
  'purpose',
  'minutes',
  'subject',
  'grade_band',
  'tags',
  'status',
  'change_requested_at',
  'merged_into_id',
  'created_at',
] as const satisfies ReadonlyArray<(typeof READ_COLUMNS)[number]>;

type CardRow = Pick<StrategyRow, (typeof CARD_COLUMNS)[number]>;
const CARD = CARD_COLUMNS.map((column) => `strategies.${column}` as const);

/** A strategy as a list's card shows it. */
export type StrategyCardRow = Pick<
  StoredStrategy,
  | 'id'
  | 'title'
  | 'purpose'
  | 'minutes'
  | 'subject'
  | 'gradeBand'
  | 'tags'
  | 'status'
  | 'changeRequestedAt'
  | 'mergedIntoId'
  | 'createdAt'
>;

/** A card's fields of a row (toStrategy reads the rest of a whole one). */
function toCard(row: CardRow): StrategyCardRow {
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    minutes: row.minutes,
    subject: row.subject,
    // Written only through StrategyInputSchema, whose enum it is.
    gradeBand: row.grade_band as StoredStrategy['gradeBand'],
    tags: decodeJson(StrategySchema.shape.tags, row.tags, 'strategy tags'),
    status: row.status,
    changeRequestedAt: row.change_requested_at,
    mergedIntoId: row.merged_into_id,
    createdAt: row.created_at,
  };
}

/** The columns a list reads: a card's, or every column toStrategy reads. */
const columnsOf = (f: Pick<StrategyFilter, 'cards'>) => (f.cards ? CARD : READ);

export function toStrategy(row: ReadRow): StoredStrategy {
  return {
    ...toCard(row),
    networkId: row.network_id,
    contributorId: row.contributor_id,
    clientId: row.client_id,
    steps: decodeJson(StrategySchema.shape.steps, row.steps, 'strategy steps'),
    sourceUrl: row.source_url,
    sourceTitle: row.source_title,
    excerptHtml: row.excerpt_html,
    changeMessage: row.change_message,
    dupKey: row.dup_key,
    updatedAt: row.updated_at,
  };
}

export async function insertStrategy(
  scope: TenantScope,
  strategy: NewStrategy,
  tags: string[],
): Promise<void> {
  await scope.insertInto('strategies', toColumns(strategy) as Omit<StrategyRow, 'tenant_id'>).execute();
  await addSearchWords(scope, strategy.searchText);
  if (tags.length > 0)
    await scope
      .insertInto(
        'strategy_tags',
        tags.map((tag) => ({ strategy_id: strategy.id, tag })),
      )
      .execute();
  await scope
    .insertInto('strategy_credits', { strategy_id: strategy.id, person_id: strategy.contributorId })
    .execute();
}

export async function findStrategy(scope: TenantScope, id: string): Promise<StoredStrategy | undefined> {
  const row = await scope.selectFrom('strategies').select(READ).where('id', '=', id).executeTakeFirst();
  return row && toStrategy(row);
}

export async function findByClientId(
  scope: TenantScope,
  contributorId: string,
  clientId: string,
): Promise<StoredStrategy | undefined> {
  const row = await scope
    .selectFrom('strategies')
    .select(READ)
    .where('contributor_id', '=', contributorId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row && toStrategy(row);
}

export async function updateStrategy(scope: TenantScope, id: string, patch: StrategyPatch, tags?: string[]) {
  await scope.updateTable('strategies').set(toColumns(patch)).where('id', '=', id).execute();
  if (patch.searchText !== undefined) await addSearchWords(scope, patch.searchText);
  if (tags) {
    await scope.deleteFrom('strategy_tags').where('strategy_id', '=', id).execute();
    if (tags.length > 0)
      await scope
        .insertInto(
          'strategy_tags',
          tags.map((tag) => ({ strategy_id: id, tag })),
        )
        .execute();
  }
}

export async function creditsFor(
  scope: TenantScope,
  ids: string[],
): Promise<Map<string, Array<{ id: string; name: string }>>> {
  const out = new Map<string, Array<{ id: string; name: string }>>();
  if (ids.length === 0) return out;
  const rows = await scope
    .selectFrom('strategy_credits')
    .innerJoin('people', 'people.id', 'strategy_credits.person_id')
    .select(['strategy_credits.strategy_id as strategyId', 'people.id as id', 'people.name as name'])
    .where('strategy_credits.strategy_id', 'in', ids)
    .orderBy('people.name')
    .execute();
  for (const r of rows) {
    const list = out.get(r.strategyId) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.strategyId, list);
  }
  return out;
}

const CreditsSchema = z.array(z.object({ id: z.string(), name: z.string() }));

/**
 * PostgreSQL: a strategy's credits (people's ids and names, by name) as a JSON array in one column of its row. A list
 * reads them with its page instead of in a second statement: one round trip fewer per menu page or search. PostgreSQL
 * works out a column like this after the sort and the limit, so only the page's rows look their credits up.
 */
function creditsColumn(scope: TenantScope) {
  return scope
    .selectFrom('strategy_credits')
    .innerJoin('people', 'people.id', 'strategy_credits.person_id')
    .where(sql<boolean>`strategy_credits.strategy_id = strategies.id`)
    .select(
      sql<string>`coalesce(json_agg(json_build_object('id', people.id, 'name', people.name) order by people.name, people.id), '[]')::text`.as(
        'list',
      ),
    )
    .as('credits');
}

/** A listed strategy with the people credited with it. */
export interface CreditedStrategy {
  row: StoredStrategy;
  contributors: Array<{ id: string; name: string }>;
}

/**
 * A menu page or a search, as `listStrategies`, with each strategy's credits. On PostgreSQL they come in the page's
 * own statement where it works them out for the page's rows alone (creditsColumn); otherwise — on SQLite, which may
 * work out such a column before sorting every match, and past an OFFSET — in a second statement after it.
 */
export async function listStrategyViews(scope: TenantScope, f: StrategyFilter): Promise<CreditedStrategy[]> {
  const rows = (await strategyRows(scope, { ...f, withCredits: scope.dialect === 'postgres' })) as Array<
    ReadRow & { credits?: string | null }
  >;
  const missing = rows.filter((r) => typeof r.credits !== 'string').map((r) => r.id);
  const after = missing.length > 0 ? await creditsFor(scope, missing) : undefined;
  return rows.map(({ credits, ...row }) => ({
    row: toStrategy(row),
    contributors:
      typeof credits === 'string'
        ? decodeJson(CreditsSchema, credits, 'strategy credits')
        : (after?.get(row.id) ?? []),
  }));
}

export async function addCredits(scope: TenantScope, strategyId: string, personIds: string[]): Promise<void> {
  const existing = new Set(
    (
      await scope
        .selectFrom('strategy_credits')
        .select('person_id')
        .where('strategy_id', '=', strategyId)
        .execute()
    ).map((r) => r.person_id),
  );
  const fresh = [...new Set(personIds)].filter((id) => !existing.has(id));
  if (fresh.length > 0) {
    await scope
      .insertInto(
        'strategy_credits',
        fresh.map((person_id) => ({ strategy_id: strategyId, person_id })),
      )
      .execute();
  }
}

export async function findByDuplicateKey(
  scope: TenantScope,
  networkId: string,
  dupKey: string,
  excludeId: string,
): Promise<StoredStrategy[]> {
  const rows = await scope
    .selectFrom('strategies')
    .select(READ)
    .where('network_id', '=', networkId)
    .where('dup_key', '=', dupKey)
    .where('id', '!=', excludeId)
    .where('merged_into_id', 'is', null)
    .execute();
  return rows.map(toStrategy);
}

export interface StrategyFilter {
  networkId: string;
  statuses: StrategyStatus[];
  contributorId?: string;
  q?: string;
  /** Match any word instead of all words (duplicate suggestions). */
  anyTerm?: boolean;
  subject?: string;
  gradeBand?: string;
  tags?: string[];
  maxMinutes?: number;
  excludeMerged: boolean;
  /** Keyset position for browsing, offset for ranked search (cursors are opaque to clients). */
  after?: { createdAt: string; id: string; featuredFirst: boolean };
  offset?: number;
  limit: number;
  /**
   * PostgreSQL only: read each row's credits with the page, as the JSON column `credits`, where the statement works
   * it out for the page's rows alone (see listStrategyViews).
   */
  withCredits?: boolean;
  /** Read only the columns of a list's card (CARD_COLUMNS): set by listStrategyCards. */
  cards?: boolean;
}

/** How many matches a search ranks by relevance before it lists matches newest first instead. */
export const RANKED_MATCHES = 2000;

/**
 * A menu page or a search, as `listStrategies`, of cards: only what a list shows, no credits. The rows the statement
 * reads are CardRows (columnsOf); its type names every column READ has.
 */
export async function listStrategyCards(scope: TenantScope, f: StrategyFilter): Promise<StrategyCardRow[]> {
  const rows = await strategyRows(scope, { ...f, cards: true, withCredits: false });
  return (rows as CardRow[]).map(toCard);
}

/** Words of a free-text search, stripped of anything a full-text query language could read as syntax. */
export function searchTerms(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** The menu's rows a list or a search may return: the network, statuses and every filter but the words. */
function filtered(scope: TenantScope, f: StrategyFilter) {
  let qb = scope
    .selectFrom('strategies')
    .select(columnsOf(f))
    .where('strategies.network_id', '=', f.networkId)
    .where('strategies.status', 'in', f.statuses);
  if (f.excludeMerged) qb = qb.where('strategies.merged_into_id', 'is', null);
  if (f.contributorId) qb = qb.where('strategies.contributor_id', '=', f.contributorId);
  if (f.subject) qb = qb.where(sql<boolean>`lower(strategies.subject) = ${f.subject.toLowerCase()}`);
  if (f.gradeBand) qb = qb.where('strategies.grade_band', '=', f.gradeBand);
  if (f.maxMinutes) qb = qb.where('strategies.minutes', '<=', f.maxMinutes);
  for (const tag of f.tags ?? []) {
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('strategy_tags')
          .select('strategy_tags.tag')
          .whereRef('strategy_tags.strategy_id', '=', 'strategies.id')
          .where('strategy_tags.tag', '=', tag),
      ),
    );
  }
  return qb;
}

type Filtered = ReturnType<typeof filtered>;

/**
 * Browses or searches the menu. With `q`, full-text search (SQLite FTS5 or PostgreSQL tsvector + GIN) ranks the
 * results and every word matches as a prefix; without it, featured strategies come first, then the newest.
 *
 * Relevance ranking scores every match: cheap for a selective search, slow for a word found in half the menu. Up to
 * RANKED_MATCHES matches are ranked; a broader search lists its matches newest first instead.
 */
export async function listStrategies(scope: TenantScope, f: StrategyFilter): Promise<StoredStrategy[]> {
  return (await strategyRows(scope, f)).map(toStrategy);
}

async function strategyRows(scope: TenantScope, f: StrategyFilter): Promise<ReadRow[]> {
  let qb = filtered(scope, f);
  const terms = f.q ? searchTerms(f.q) : [];
  if (terms.length > 0)
    return scope.dialect === 'sqlite'
      ? searchSqlite(scope, qb, terms, f)
      : searchPostgres(scope, qb, terms, f);
  // Featured first, then newest: strategies_menu (and its subject and grade twins) hold this order (migration 0020),
  // so a page is read through the index with no sort. browse_rank is 1 for a featured strategy, 0 otherwise.
  const rank = sql.ref('strategies.browse_rank');
  // With one status (or none featured) the rank is fixed, and the index is read from the cursor on by date and id alone.
  const fixed = !f.statuses.includes('featured')
    ? 0
    : f.statuses.every((s) => s === 'featured')
      ? 1
      : undefined;
  if (fixed !== undefined) qb = qb.where(sql<boolean>`${rank} = ${fixed}`);
  if (f.after) {
    const { createdAt, id } = f.after;
    const after = f.after.featuredFirst ? 1 : 0;
    if (fixed === undefined)
      qb = qb.where(
        sql<boolean>`(${rank}, strategies.created_at, strategies.id) < (${after}, ${createdAt}, ${id})`,
      );
    else if (after === fixed)
      qb = qb.where(sql<boolean>`(strategies.created_at, strategies.id) < (${createdAt}, ${id})`);
    // A cursor from before the rank it lists (a featured strategy's, listing the rest) starts at the top: nothing
    // came before it; one from after it (the rest's, listing featured) has nothing left.
    else if (after < fixed) return [];
  }
  return qb
    .$if(f.withCredits === true, (q) => q.select(creditsColumn(scope)))
    .orderBy(rank, 'desc')
    .orderBy('strategies.created_at', 'desc')
    .orderBy('strategies.id', 'desc')
    .limit(f.limit)
    .execute();
}

/**
 * FTS5's match for a search's words within a filter's network, statuses and merge state: the words must be in the
 * strategy's text, and one of the scope words of migration 0045 in its second column.
 */
export function sqliteMatch(
  terms: readonly string[],
  f: Pick<StrategyFilter, 'networkId' | 'statuses' | 'excludeMerged' | 'anyTerm'>,
): string {
  const words = terms.map((t) => `"${t}"*`).join(f.anyTerm ? ' OR ' : ' AND ');
  const network = Buffer.from(f.networkId, 'utf8').toString('hex');
  const ends = f.excludeMerged ? ['l0'] : ['l0', 'm0'];
  const scopes = f.statuses.flatMap((s) =>
    ends.map((end) => `tm${network}s${s.replace(/[^a-z]/g, '')}${end}`),
  );
  return `search_text : (${words}) AND search_scope : (${scopes.join(' OR ')})`;
}

/**
 * Whether a filter narrows the menu by more than its network, statuses and merge state: what SQLite's scope words
 * (migration 0045) and PostgreSQL's word counts (migration 0044) know of. `filtered` applies the same filters.
 */
const narrowed = (f: StrategyFilter) =>
  Boolean(f.contributorId || f.subject || f.gradeBand || f.maxMinutes || (f.tags?.length ?? 0) > 0);

/**
 * The key a search's breadth is remembered under (search-breadth.ts): the tenant and database kind, every filter and
 * the words.
 */
export const searchBreadthKey = (scope: TenantScope, f: StrategyFilter): string =>
  breadthKey(scope, [
    scope.dialect,
    f.networkId,
    f.statuses.join(','),
    f.excludeMerged,
    f.anyTerm === true,
    f.contributorId ?? '',
    f.subject?.toLowerCase() ?? '',
    f.gradeBand ?? '',
    f.maxMinutes ?? 0,
    (f.tags ?? []).join(','),
    searchTerms(f.q ?? '').join(' '),
  ]);

/**
 * FTS5 (prefix indexes of 2 to 10 characters, migration 0009; scope words, migration 0045). The index alone knows a
 * search's matches within its network, statuses and merge state: it counts them, up to one more than are ranked, to
 * tell a broad search from a selective one, and picks the page (ranked, or newest first), whose rows are then read
 * from `strategies`. A filter that narrows further (a subject, a tag …) needs each match's row: then a count of more
 * than RANKED_MATCHES in the index is counted again with the filters, and the page is picked among the filtered rows.
 */
async function searchSqlite(
  scope: TenantScope,
  qb: Filtered,
  terms: string[],
  f: StrategyFilter,
): Promise<ReadRow[]> {
  const match = sqliteMatch(terms, f);
  const cap = RANKED_MATCHES + 1;
  // A search counted a moment ago is not counted again (search-breadth.ts): the count only picks the order.
  const key = searchBreadthKey(scope, f);
  const known = knownBreadth(scope, key);
  let broad =
    known ??
    Number(
      await scope.evaluate(
        sql<number>`(select count(*) from (select 1 from strategies_fts where strategies_fts match ${match} limit ${cap}))`,
      ),
    ) > RANKED_MATCHES;
  // The scope words are in every match alike: only the text's column is weighed.
  const score = sql`bm25(strategies_fts, 1.0, 0.0)`;
  const offset = f.offset ?? 0;
  if (!narrowed(f)) {
    if (known === undefined) rememberBreadth(scope, key, broad);
    // FTS5 walks matches in rowid order without sorting; rowids grow with inserts, so rowid descending is newest first.
    const page = broad
      ? sql`select rowid, 0 as score from strategies_fts where strategies_fts match ${match}
          order by rowid desc limit ${f.limit} offset ${offset}`
      : sql`select rowid, ${score} as score from strategies_fts where strategies_fts match ${match}
          order by score, rowid limit ${f.limit} offset ${offset}`;
    return qb
      .innerJoin(sql`(${page})`.as('page'), (join) => join.on(sql`page.rowid`, '=', sql`strategies.rowid`))
      .orderBy(sql`page.score`)
      .orderBy(sql`page.rowid`, broad ? 'desc' : 'asc')
      .execute();
  }
  const matched = qb
    .innerJoin(sql`strategies_fts`.as('fts'), (join) => join.on(sql`fts.rowid`, '=', sql`strategies.rowid`))
    .where(sql<boolean>`strategies_fts match ${match}`);
  if (known === undefined) {
    if (broad) {
      // SQLite counts them: handing up to 2,001 rows to JavaScript only to take their number cost more than the
      // lookups.
      const capped = matched.clearSelect().select(sql<number>`1`.as('one')).limit(cap);
      broad =
        Number(await scope.evaluate(sql<number>`(select count(*) from (${capped}) as m)`)) > RANKED_MATCHES;
    }
    rememberBreadth(scope, key, broad);
  }
  const order = broad
    ? matched.orderBy(sql`fts.rowid`, 'desc')
    : matched.orderBy(score).orderBy(sql`fts.rowid`);
  return order.limit(f.limit).offset(offset).execute();
}

/**
 * tsvector + GIN. Whether a search is broad is known from the counts of its words before a strategy is read (migration
 * 0044): a broad search reads `strategies_newest` (migration 0009) in date order from the newest and stops at its page;
 * a selective one ranks its matches. One word's count is exact. A prefix that stands for several words, or several
 * words that must all match, is broad when the counts prove more than RANKED_MATCHES matches, or when, if the words
 * occurred independently of each other, it would match more than twice as many; selective when the counts allow no
 * more than RANKED_MATCHES. Only where they cannot tell (filters beyond the status, or common words expected to share
 * few strategies) are the matches counted, up to one more than are ranked.
 */
async function searchPostgres(
  scope: TenantScope,
  qb: Filtered,
  terms: string[],
  f: StrategyFilter,
): Promise<ReadRow[]> {
  // Typed prefixes become the exact lexemes they stand for where there are few (migration 0013).
  const { text, unmatched, bounds } = await expandPrefixes(
    scope,
    terms.map((t) => `${t}:*`).join(f.anyTerm ? ' | ' : ' & '),
    { networkId: f.networkId, statuses: f.statuses },
  );
  // A word no listed word starts (often a typo, before the spelling fallback) matches nothing: no query to run.
  if (unmatched) return [];
  const query = sql`cast(${text} as tsquery)`;
  const matched = qb.where(sql<boolean>`strategies.search_vector @@ ${query}`);
  const offset = f.offset ?? 0;
  // The counts leave merged strategies out and know nothing of the other filters: with those, they bound the matches
  // from above only.
  const filtered = narrowed(f);
  const least = filtered ? 0 : bounds.least;
  const most = f.excludeMerged ? bounds.most : Number.POSITIVE_INFINITY;
  // Newest first, which strategies_newest serves without sorting the matches: a broad search reads about its page
  // (the newest strategies, until enough of them match).
  // Credits only on a first page: PostgreSQL works out each row an OFFSET skips, its credits too (a later page's are
  // read after it, listStrategyViews).
  const newest = () =>
    matched
      .$if(f.withCredits === true && offset === 0, (q) => q.select(creditsColumn(scope)))
      .orderBy('strategies.created_at', 'desc')
      .orderBy('strategies.id', 'desc')
      .limit(f.limit)
      .offset(offset)
      .execute();
  if (least > RANKED_MATCHES) return newest();
  // A prefix of many words, or several words that must all match, that the bounds cannot tell: if the words occur
  // independently of each other, the search matches well over RANKED_MATCHES (twice as many), and it is listed as
  // broad without counting its matches.
  if (!filtered && bounds.expected > 2 * RANKED_MATCHES) return newest();
  // Counted a moment ago as broad (search-breadth.ts): listed newest first without ranking its matches again.
  const key = searchBreadthKey(scope, f);
  if (most > RANKED_MATCHES && knownBreadth(scope, key) === true) return newest();
  // One pass over at most RANKED_MATCHES + 1 matches (one GIN bitmap) scores and counts them; the page is ranked from
  // those, and only its rows are read in full.
  const capped = matched
    .clearSelect()
    .select(['strategies.id as id', sql<number>`ts_rank(strategies.search_vector, ${query})`.as('score')])
    .limit(RANKED_MATCHES + 1);
  const ranked = await scope
    .selectFrom('strategies')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom(capped.as('m'))
          .select(['m.id', 'm.score', sql<number>`count(*) over ()`.as('matches')])
          .orderBy('m.score', 'desc')
          .orderBy('m.id')
          .limit(f.limit)
          .offset(offset)
          .as('p'),
      (join) => join.onRef('p.id', '=', 'strategies.id'),
    )
    .select(columnsOf(f))
    .select('p.matches')
    .$if(f.withCredits === true, (q) => q.select(creditsColumn(scope)))
    .orderBy('p.score', 'desc')
    .orderBy('strategies.id')
    .execute();
  const page = ranked.map(({ matches: _matches, ...row }) => row);
  // Selective by the counts: every match was ranked, and a page past the last one is empty.
  if (most <= RANKED_MATCHES) return page;
  if (ranked.length > 0) rememberBreadth(scope, key, Number(ranked[0]!.matches) > RANKED_MATCHES);
  if (ranked.length > 0 && Number(ranked[0]!.matches) <= RANKED_MATCHES) return page;
  if (ranked.length === 0 && offset === 0) return [];
  // A broad search the counts could not tell, or a page past the last ranked match (then this page is empty too).
  return newest();
}

/** A person's try of a strategy, if they recorded one. */
export async function tryOf(
  scope: TenantScope,
  strategyId: string,
  personId: string,
): Promise<TryState | undefined> {
  const row = await scope
    .selectFrom('strategy_tries')
    .select(['state', 'reflection', 'shared_with_contributor', 'updated_at'])
    .where('strategy_id', '=', strategyId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return (
    row && {
      state: row.state,
      reflection: row.reflection,
      shareWithContributor: row.shared_with_contributor === 1,
      updatedAt: row.updated_at,
    }
  );
}

export async function countTries(
  scope: TenantScope,
  strategyId: string,
): Promise<{ trying: number; tried: number }> {
  const rows = await scope
    .selectFrom('strategy_tries')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('strategy_id', '=', strategyId)
    .groupBy('state')
    .execute();
  const n = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
  return { trying: n('trying'), tried: n('tried') };
}

export async function upsertTry(
  scope: TenantScope,
  attempt: {
    strategyId: string;
    personId: string;
    state: 'trying' | 'tried';
    reflection: string | null;
    shareWithContributor: boolean;
  },
  now: string,
): Promise<void> {
  const row = {
    strategy_id: attempt.strategyId,
    person_id: attempt.personId,
    state: attempt.state,
    reflection: attempt.reflection,
    shared_with_contributor: attempt.shareWithContributor ? 1 : 0,
  };
  const existing = await tryOf(scope, row.strategy_id, row.person_id);
  if (existing) {
    await scope
      .updateTable('strategy_tries')
      .set({
        state: row.state,
        reflection: row.reflection,
        shared_with_contributor: row.shared_with_contributor,
        updated_at: now,
      })
      .where('strategy_id', '=', row.strategy_id)
      .where('person_id', '=', row.person_id)
      .execute();
  } else {
    await scope.insertInto('strategy_tries', { ...row, created_at: now, updated_at: now }).execute();
  }
}

export async function deleteTry(scope: TenantScope, strategyId: string, personId: string): Promise<void> {
  await scope
    .deleteFrom('strategy_tries')
    .where('strategy_id', '=', strategyId)
    .where('person_id', '=', personId)
    .execute();
}

/** Reflections people chose to share with the contributor; never who did not share. */
export async function sharedReflections(scope: TenantScope, strategyId: string) {
  return scope
    .selectFrom('strategy_tries')
    .innerJoin('people', 'people.id', 'strategy_tries.person_id')
    .select([
      'people.name as name',
      'strategy_tries.reflection as reflection',
      'strategy_tries.updated_at as at',
    ])
    .where('strategy_tries.strategy_id', '=', strategyId)
    .where('strategy_tries.shared_with_contributor', '=', 1)
    .where('strategy_tries.state', '=', 'tried')
    .orderBy('strategy_tries.updated_at', 'desc')
    .execute();
}

/** Moves tries of a merged strategy to the one it was merged into, unless the person already has one there. */
export async function moveTries(scope: TenantScope, fromId: string, toId: string): Promise<void> {
  const keep = new Set(
    (
      await scope.selectFrom('strategy_tries').select('person_id').where('strategy_id', '=', toId).execute()
    ).map((r) => r.person_id),
  );
  const moving = await scope
    .selectFrom('strategy_tries')
    .selectAll()
    .where('strategy_id', '=', fromId)
    .execute();
  for (const t of moving) {
    if (!keep.has(t.person_id)) {
      await scope
        .updateTable('strategy_tries')
        .set({ strategy_id: toId })
        .where('strategy_id', '=', fromId)
        .where('person_id', '=', t.person_id)
        .execute();
    }
  }
  await scope.deleteFrom('strategy_tries').where('strategy_id', '=', fromId).execute();
}

export async function addAudit(
  scope: TenantScope,
  event: {
    id: string;
    actorId: string;
    action: string;
    subjectId: string;
    details: Record<string, unknown>;
    at: string;
  },
): Promise<void> {
  await scope
    .insertInto('audit_events', {
      id: event.id,
      actor_id: event.actorId,
      action: event.action,
      subject_id: event.subjectId,
      details: encodeJson(event.details),
      at: event.at,
    })
    .execute();
}

/** When a subject last had an audit event of this kind, if ever. */
export async function lastAuditAt(
  scope: TenantScope,
  subjectId: string,
  action: string,
): Promise<string | undefined> {
  const row = await scope
    .selectFrom('audit_events')
    .select('at')
    .where('subject_id', '=', subjectId)
    .where('action', '=', action)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at;
}

/** How many strategies of a network have this status (merged ones are retired, so never pending). */
export async function countWithStatus(
  scope: TenantScope,
  networkId: string,
  status: StrategyStatus,
): Promise<number> {
  const row = await scope
    .selectFrom('strategies')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('network_id', '=', networkId)
    .where('status', '=', status)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const AuditDetailsSchema = z.record(z.string(), z.unknown());

/** A subject's audit trail, newest first; `actor` is null when the person is gone. */
export async function auditFor(
  scope: TenantScope,
  subjectId: string,
): Promise<Array<{ action: string; details: Record<string, unknown>; at: string; actor: string | null }>> {
  const rows = await scope
    .selectFrom('audit_events')
    .leftJoin('people', 'people.id', 'audit_events.actor_id')
    .select(['audit_events.action', 'audit_events.details', 'audit_events.at', 'people.name as actor'])
    .where('audit_events.subject_id', '=', subjectId)
    .orderBy('audit_events.at', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, details: decodeJson(AuditDetailsSchema, r.details, 'audit event') }));
}

/** Where a page of the menu ends: an offset for a search, a keyset position for browsing. Opaque to clients. */
export interface PageCursor {
  o?: number;
  c?: string;
  i?: string;
  f?: boolean;
}

const PageCursorSchema = z.object({
  o: z.number().int().nonnegative().optional(),
  c: z.string().optional(),
  i: z.string().optional(),
  f: z.boolean().optional(),
});

export const encodeCursor = (cursor: PageCursor): string =>
  Buffer.from(encodeJson(cursor)).toString('base64url');

/** A cursor a client sent back; anything else than one this server wrote is a ValidationError. */
export function decodeCursor(cursor: string | undefined): PageCursor | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    value = undefined;
  }
  const parsed = PageCursorSchema.safeParse(value);
  if (!parsed.success)
    throw new ValidationError('errors.cursor.invalid', [{ path: 'cursor', message: 'errors.cursor.field' }]);
  return parsed.data;
}
