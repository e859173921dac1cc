import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors';
import { schoolEntry } from '../../../shared/settings';
import { correctionCandidates, nearestWord, wordsOf } from '../../../shared/spelling';
import {
  type CurationAction,
  duplicateKey,
  type StrategyData,
  type StrategyEdit,
  type StrategyQuery,
  type StrategyStatus,
  type TryInput,
} from '../../../shared/strategy';
import {
  type Comparable,
  SIMILAR_AT,
  similarityWords,
  strategySimilarity,
} from '../../../shared/strategy-similarity';
import {
  addAudit,
  addCredits,
  auditFor,
  countTries,
  countWithStatus,
  creditsFor,
  decodeCursor,
  deleteTry,
  encodeCursor,
  findByClientId,
  findByDuplicateKey,
  findStrategy,
  insertStrategy,
  lastAuditAt,
  listStrategies,
  listStrategyCards,
  listStrategyViews,
  moveTries,
  searchTerms,
  type NewStrategy,
  type StoredStrategy,
  type StrategyCardRow,
  type StrategyFilter,
  type StrategyPatch,
  sharedReflections,
  tryOf,
  updateStrategy,
  upsertTry,
} from '../db/repositories/strategies';
import { isKnownWord, similarWords, spellingCandidates } from '../db/repositories/search-words';
import type { TenantScope } from '../db/tenant-scope';
import type { Actor } from './actor';
import { lockPicture, refreshPictureStrategy } from './picture';
import { authorize, can, strategy } from './policies';
import { sanitizeExcerpt } from './sanitize';
import { settingsOf } from './settings';

/** A typed word shorter than this is never corrected: too many words are two edits from it. */
const MIN_CORRECTED_LENGTH = 3;

/**
 * The school's subject and grades typed ones stand for ("sci" → "Science", "7th" → "6-8"), or the text as typed when
 * none is close; the settings are read once, and only when something was typed.
 */
async function schoolChoices<T extends { subject?: string | undefined; gradeBand?: string | undefined }>(
  actor: Actor,
  typed: T,
): Promise<T> {
  if (!typed.subject && !typed.gradeBand) return typed;
  const { subjects, grades } = await settingsOf(actor.scope);
  return {
    ...typed,
    ...(typed.subject ? { subject: schoolEntry('subjects', typed.subject, subjects) } : {}),
    ...(typed.gradeBand ? { gradeBand: schoolEntry('grades', typed.gradeBand, grades) } : {}),
  };
}

/**
 * The search a misspelt one most likely meant: each word missing from the tenant's word list becomes the nearest
 * listed word within two edits ("thnk pair" → "think pair"). Undefined when every word is known or none is near.
 */
export async function correctedSearch(scope: TenantScope, q: string): Promise<string | undefined> {
  let changed = false;
  const words = await Promise.all(
    searchTerms(q).map(async (term) => {
      if (term.length < MIN_CORRECTED_LENGTH || (await isKnownWord(scope, term))) return term;
      // Words with the same first letter first (one index range); trigram-similar words (pg_trgm) only when none of
      // those is near, since they cost more and mostly add words with another first letter.
      const near =
        nearestWord(term, correctionCandidates(await spellingCandidates(scope, term))) ??
        nearestWord(term, correctionCandidates(await similarWords(scope, term)));
      if (near === undefined) return term;
      changed = true;
      return near;
    }),
  );
  return changed ? words.join(' ') : undefined;
}

/**
 * The word list on PostgreSQL holds stems ("sentenc", "galleri"): shown to people, a corrected word that is not a
 * word of the first result's text reads as the shortest word there it starts ("sentence"), else the nearest one
 * ("gallery").
 */
function readable(search: string, first: Listed | undefined): string {
  if (!first) return search;
  const text = [...new Set(wordsOf(searchText({ ...first, steps: first.steps ?? [] })))];
  return search
    .split(' ')
    .map((word) => {
      if (text.includes(word)) return word;
      const longer = text.filter((w) => w.startsWith(word)).sort((a, b) => a.length - b.length)[0];
      return longer ?? nearestWord(word, text) ?? word;
    })
    .join(' ');
}

export interface StrategyView {
  row: StoredStrategy;
  contributors: Array<{ id: string; name: string }>;
}

function searchText(d: Pick<StrategyData, 'title' | 'purpose' | 'steps' | 'tags' | 'subject'>): string {
  return [d.title, d.purpose, ...d.steps, d.tags.join(' '), d.subject].join('\n');
}

async function withCredits(actor: Actor, rows: StoredStrategy[]): Promise<StrategyView[]> {
  const credits = await creditsFor(
    actor.scope,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ row, contributors: credits.get(row.id) ?? [] }));
}

/** A strategy the actor may see: approved or featured ones of their network; any of their own; all for coaches. */
async function visible(actor: Actor, id: string): Promise<StoredStrategy> {
  const row = await findStrategy(actor.scope, id);
  if (!row || row.networkId !== actor.networkId) throw new NotFoundError('errors.not-found.strategy');
  if (row.status === 'approved' || row.status === 'featured' || can(actor, 'curate', 'strategy')) return row;
  const credits = await creditsFor(actor.scope, [row.id]);
  if ((credits.get(row.id) ?? []).some((c) => c.id === actor.personId)) return row;
  throw new NotFoundError('errors.not-found.strategy');
}

export async function createStrategy(
  actor: Actor,
  data: StrategyData,
  now: Date,
): Promise<{ view: StrategyView; created: boolean }> {
  if (data.clientId) {
    const existing = await findByClientId(actor.scope, actor.personId, data.clientId);
    if (existing) return { view: (await withCredits(actor, [existing]))[0]!, created: false };
  }
  const stamp = now.toISOString();
  const excerpt = data.excerptHtml ? sanitizeExcerpt(data.excerptHtml) : null;
  const { subject, gradeBand } = await schoolChoices(actor, {
    subject: data.subject,
    gradeBand: data.gradeBand,
  });
  const row: NewStrategy = {
    id: randomUUID(),
    networkId: actor.networkId,
    contributorId: actor.personId,
    clientId: data.clientId ?? null,
    title: data.title,
    purpose: data.purpose,
    steps: data.steps,
    minutes: data.minutes,
    subject,
    gradeBand,
    tags: data.tags,
    sourceUrl: data.sourceUrl ?? null,
    sourceTitle: data.sourceTitle ?? null,
    excerptHtml: excerpt || null,
    // A coach's own addition needs no second coach to approve it.
    status: can(actor, 'curate', 'strategy') ? 'approved' : 'pending',
    changeMessage: null,
    changeRequestedAt: null,
    mergedIntoId: null,
    dupKey: duplicateKey(data.title, data.sourceUrl),
    searchText: searchText({ ...data, subject }),
    createdAt: stamp,
    updatedAt: stamp,
  };
  try {
    await actor.scope.transaction(async (scope) => {
      await insertStrategy(scope, row, data.tags);
      await addAudit(scope, {
        id: randomUUID(),
        actorId: actor.personId,
        action: 'created',
        subjectId: row.id,
        details: {},
        at: stamp,
      });
    });
  } catch (error) {
    // Two uploads of the same clip raced: the other one won, return it.
    if (data.clientId) {
      const existing = await findByClientId(actor.scope, actor.personId, data.clientId);
      if (existing) return { view: (await withCredits(actor, [existing]))[0]!, created: false };
    }
    throw error;
  }
  const { searchText: _searchText, ...stored } = row;
  return { view: (await withCredits(actor, [stored]))[0]!, created: true };
}

export async function getStrategy(actor: Actor, id: string): Promise<StrategyView | { mergedInto: string }> {
  const row = await visible(actor, id);
  if (row.mergedIntoId) return { mergedInto: row.mergedIntoId };
  return (await withCredits(actor, [row]))[0]!;
}

/** A strategy as a list's card shows it (`?view=card`). */
export type StrategyCardView = StrategyCardRow;

/** A listed strategy as a page's cursor and its spelling fallback read it: a card's fields, a whole one's steps. */
type Listed = StrategyCardRow & { steps?: string[] };

export interface StrategySearchPage<Item = StrategyView> {
  items: Item[];
  nextCursor: string | null;
  /** The search that was run instead of the typed one (a spelling fallback), for "Showing results for …". */
  searchedFor: string | null;
  /** The school's subject the subject filter was read as, when one was given. */
  subject: string | null;
  /** The school's grades the grade filter was read as, when one was given. */
  gradeBand: string | null;
}

/**
 * Browses or searches the menu. A first page that finds nothing for the words as typed is searched once more with
 * the words corrected from the tenant's word list; the answer says which search that was. Subject and grade filters
 * are read as the nearest of the school's subjects and grades.
 */
export function searchStrategies(actor: Actor, query: StrategyQuery): Promise<StrategySearchPage> {
  return searchWith(actor, query, listStrategyViews, (view) => view.row);
}

/** As searchStrategies, each strategy as a list's card shows it (no credits, no steps): `?view=card`. */
export function searchStrategyCards(
  actor: Actor,
  query: StrategyQuery,
): Promise<StrategySearchPage<StrategyCardRow>> {
  return searchWith(actor, query, listStrategyCards, (card) => card);
}

type ListPage<Item> = (scope: TenantScope, f: StrategyFilter) => Promise<Item[]>;

async function searchWith<Item>(
  actor: Actor,
  query: StrategyQuery,
  list: ListPage<Item>,
  rowOf: (item: Item) => Listed,
): Promise<StrategySearchPage<Item>> {
  const asked = await schoolChoices(actor, query);
  const readAs = { subject: asked.subject ?? null, gradeBand: asked.gradeBand ?? null };
  const page = await searchPage(actor, asked, list, rowOf);
  const answer = { ...page, searchedFor: null, ...readAs };
  if (page.items.length > 0 || !query.q || query.cursor) return answer;
  const corrected = await correctedSearch(actor.scope, query.q);
  if (corrected === undefined) return answer;
  const retry = await searchPage(actor, { ...asked, q: corrected }, list, rowOf);
  const first = retry.items[0];
  if (first === undefined) return answer;
  // A card has no steps, where the corrected words may be: its whole strategy is read (only on this rare path).
  const listed = rowOf(first);
  const whole = listed.steps ? listed : ((await findStrategy(actor.scope, listed.id)) ?? listed);
  return { ...retry, searchedFor: readable(corrected, whole), ...readAs };
}

async function searchPage<Item>(
  actor: Actor,
  query: StrategyQuery,
  list: ListPage<Item>,
  rowOf: (item: Item) => Listed,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const mine = query.status === 'mine';
  if (query.status && !mine && query.status !== 'approved' && query.status !== 'featured')
    authorize(actor, 'list-unpublished', 'strategy');
  const statuses: StrategyStatus[] = mine
    ? ['pending', 'approved', 'featured', 'retired']
    : query.status && query.status !== 'mine'
      ? [query.status]
      : ['approved', 'featured'];
  const cursor = decodeCursor(query.cursor);
  const rows = await list(actor.scope, {
    networkId: actor.networkId,
    statuses,
    ...(mine ? { contributorId: actor.personId } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.subject ? { subject: query.subject } : {}),
    ...(query.gradeBand ? { gradeBand: query.gradeBand } : {}),
    ...(query.tags ? { tags: query.tags.map((t) => t.toLowerCase()) } : {}),
    ...(query.maxMinutes ? { maxMinutes: query.maxMinutes } : {}),
    excludeMerged: !mine,
    ...(cursor?.c && cursor.i
      ? { after: { createdAt: cursor.c, id: cursor.i, featuredFirst: cursor.f === true } }
      : {}),
    ...(cursor?.o ? { offset: cursor.o } : {}),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  let nextCursor: string | null = null;
  if (rows.length > query.limit) {
    const last = rowOf(page[page.length - 1]!);
    nextCursor = query.q
      ? encodeCursor({ o: (cursor?.o ?? 0) + query.limit })
      : encodeCursor({ c: last.createdAt, i: last.id, f: last.status === 'featured' });
  }
  return { items: page, nextCursor };
}

async function requireEditable(actor: Actor, id: string): Promise<StoredStrategy> {
  const row = await visible(actor, id);
  if (row.mergedIntoId) throw new ConflictError('CONFLICT', 'errors.strategy.merged-edit');
  authorize(actor, 'edit', strategy(row));
  return row;
}

/** The fields an edit changes (a form sends every field; the audit trail names only those that differ). */
function changedFields(row: StoredStrategy, patch: StrategyEdit): string[] {
  return Object.entries(patch)
    .filter(
      ([field, value]) =>
        value !== undefined &&
        JSON.stringify(value ?? null) !== JSON.stringify(row[field as keyof StoredStrategy] ?? null),
    )
    .map(([field]) => field);
}

/** The audit action of an edit by a coach who is not credited with the strategy. */
export const COACH_EDITED = 'coach-edited';

export async function editStrategy(
  actor: Actor,
  id: string,
  typed: StrategyEdit,
  now: Date,
): Promise<StrategyView> {
  const row = await requireEditable(actor, id);
  const patch = await schoolChoices(actor, typed);
  // A coach fixing someone else's strategy is recorded as such, and the contributor is told.
  const credits = (await creditsFor(actor.scope, [id])).get(id) ?? [];
  const byCoach = can(actor, 'curate', 'strategy') && !credits.some((c) => c.id === actor.personId);
  const current = {
    title: row.title,
    purpose: row.purpose,
    steps: row.steps,
    tags: row.tags,
    subject: row.subject,
  };
  const next = {
    title: patch.title ?? current.title,
    purpose: patch.purpose ?? current.purpose,
    steps: patch.steps ?? current.steps,
    tags: patch.tags ?? current.tags,
    subject: patch.subject ?? current.subject,
  };
  const stamp = now.toISOString();
  const sourceUrl = patch.sourceUrl === undefined ? row.sourceUrl : patch.sourceUrl;
  // The picture groups visits by their strategy's title and tags: when those change, its visits move groups.
  const movesPicture =
    next.title !== current.title || next.tags.join('\u0000') !== current.tags.join('\u0000');
  await actor.scope.transaction(async (scope) => {
    if (movesPicture) await lockPicture(scope, row.networkId);
    await updateStrategy(
      scope,
      id,
      {
        title: next.title,
        purpose: next.purpose,
        steps: next.steps,
        tags: next.tags,
        subject: next.subject,
        ...(patch.minutes !== undefined ? { minutes: patch.minutes } : {}),
        ...(patch.gradeBand !== undefined ? { gradeBand: patch.gradeBand } : {}),
        ...(patch.sourceUrl !== undefined ? { sourceUrl: patch.sourceUrl ?? null } : {}),
        ...(patch.sourceTitle !== undefined ? { sourceTitle: patch.sourceTitle ?? null } : {}),
        ...(patch.excerptHtml !== undefined
          ? { excerptHtml: patch.excerptHtml ? sanitizeExcerpt(patch.excerptHtml) || null : null }
          : {}),
        dupKey: duplicateKey(next.title, sourceUrl),
        searchText: searchText(next),
        // Editing answers a change request: the contributor's revision goes back to the queue.
        ...(row.changeRequestedAt && !can(actor, 'curate', 'strategy')
          ? { changeMessage: null, changeRequestedAt: null }
          : {}),
        updatedAt: stamp,
      },
      patch.tags,
    );
    if (movesPicture) await refreshPictureStrategy(scope, id, now);
    await addAudit(scope, {
      id: randomUUID(),
      actorId: actor.personId,
      action: byCoach ? COACH_EDITED : 'edited',
      subjectId: id,
      details: { fields: changedFields(row, patch) },
      at: stamp,
    });
  });
  return (await withCredits(actor, [(await findStrategy(actor.scope, id))!]))[0]!;
}

export async function curateStrategy(
  actor: Actor,
  id: string,
  action: CurationAction,
  message: string | undefined,
  now: Date,
): Promise<StrategyView> {
  authorize(actor, 'curate', 'strategy');
  const row = await visible(actor, id);
  if (row.mergedIntoId) throw new ConflictError('CONFLICT', 'errors.strategy.merged');
  if (action === 'restore' && row.status !== 'retired')
    throw new ConflictError('CONFLICT', 'errors.strategy.restore');
  if ((action === 'approve' || action === 'feature') && row.status === 'retired')
    throw new ConflictError('CONFLICT', 'errors.strategy.retired');
  const stamp = now.toISOString();
  const patch: StrategyPatch = { updatedAt: stamp };
  switch (action) {
    case 'approve':
    case 'restore':
    case 'unfeature':
      patch.status = 'approved';
      patch.changeMessage = null;
      patch.changeRequestedAt = null;
      break;
    case 'feature':
      patch.status = 'featured';
      patch.changeMessage = null;
      patch.changeRequestedAt = null;
      break;
    case 'retire':
      patch.status = 'retired';
      break;
    case 'request-changes': {
      const text = message?.trim();
      if (!text)
        throw new ValidationError('errors.strategy.change-message', [
          { path: 'message', message: 'errors.strategy.change-message-field' },
        ]);
      if (text.length > 1000)
        throw new ValidationError('errors.strategy.change-message-long', [
          { path: 'message', message: 'errors.strategy.change-message-long-field' },
        ]);
      patch.status = 'pending';
      patch.changeMessage = text;
      patch.changeRequestedAt = stamp;
      break;
    }
  }
  await actor.scope.transaction(async (scope) => {
    await updateStrategy(scope, id, patch);
    await addAudit(scope, {
      id: randomUUID(),
      actorId: actor.personId,
      action,
      subjectId: id,
      details: message ? { message } : {},
      at: stamp,
    });
  });
  return (await withCredits(actor, [(await findStrategy(actor.scope, id))!]))[0]!;
}

/** Merges `fromId` into `intoId`: credits join, tries move, the old id redirects, both are audited. */
export async function mergeStrategies(
  actor: Actor,
  fromId: string,
  intoId: string,
  now: Date,
): Promise<StrategyView> {
  authorize(actor, 'merge', 'strategy');
  if (fromId === intoId)
    throw new ValidationError('errors.strategy.merge-self', [
      { path: 'intoId', message: 'errors.strategy.merge-self-field' },
    ]);
  const from = await visible(actor, fromId);
  const into = await visible(actor, intoId);
  if (from.mergedIntoId || into.mergedIntoId) {
    throw new ConflictError('CONFLICT', 'errors.strategy.merged-already');
  }
  const stamp = now.toISOString();
  await actor.scope.transaction(async (scope) => {
    const credits = await creditsFor(scope, [fromId]);
    await addCredits(
      scope,
      intoId,
      (credits.get(fromId) ?? []).map((c) => c.id),
    );
    await moveTries(scope, fromId, intoId);
    await updateStrategy(scope, fromId, { status: 'retired', mergedIntoId: intoId, updatedAt: stamp });
    await updateStrategy(scope, intoId, { updatedAt: stamp });
    await addAudit(scope, {
      id: randomUUID(),
      actorId: actor.personId,
      action: 'merged-into',
      subjectId: fromId,
      details: { intoId },
      at: stamp,
    });
    await addAudit(scope, {
      id: randomUUID(),
      actorId: actor.personId,
      action: 'merged-from',
      subjectId: intoId,
      details: { fromId },
      at: stamp,
    });
  });
  return (await withCredits(actor, [(await findStrategy(actor.scope, intoId))!]))[0]!;
}

/** How many candidates one index search reads before the shared similarity scores them. */
const CANDIDATES = 50;
/** How many of a person's own strategies the submission check compares (newest first). */
const OWN_CANDIDATES = 200;
/** Words shorter than this find too much to be worth a search. */
const MIN_WORD = 3;

/**
 * Strategies like `probe` (shared/strategy-similarity.ts) among `statuses` of the actor's network, best first. Never
 * a scan of the menu: candidates come from the full-text index (any word of the title; all of the steps' five
 * longest words, for a retitled copy) and the duplicate-key index (or, for one contributor's own, the
 * contributor's index), then the shared function scores them.
 */
async function similarTo(
  actor: Actor,
  probe: Comparable & { dupKey?: string; excludeId?: string },
  within: { statuses: StrategyStatus[]; contributorId?: string },
): Promise<Array<{ row: StoredStrategy; score: number }>> {
  const candidates = new Map<string, StoredStrategy>();
  if (within.contributorId) {
    // A person's own strategies are few: their newest OWN_CANDIDATES through the contributor's index, all scored. A
    // full-text search filtered to one contributor would read every match of the words to find theirs.
    for (const r of await listStrategies(actor.scope, {
      networkId: actor.networkId,
      statuses: within.statuses,
      contributorId: within.contributorId,
      excludeMerged: true,
      limit: OWN_CANDIDATES,
    }))
      candidates.set(r.id, r);
    return scored(probe, candidates);
  }
  const base = {
    networkId: actor.networkId,
    statuses: within.statuses,
    excludeMerged: true,
    limit: CANDIDATES,
  };
  const titleWords = [...new Set(similarityWords(probe.title).filter((w) => w.length >= MIN_WORD))];
  if (titleWords.length > 0)
    for (const r of await listStrategies(actor.scope, { ...base, q: titleWords.join(' '), anyTerm: true }))
      candidates.set(r.id, r);
  const stepWords = [...new Set(similarityWords(probe.steps.join(' ')))]
    .filter((w) => w.length > MIN_WORD)
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, 5);
  if (stepWords.length > 0)
    for (const r of await listStrategies(actor.scope, { ...base, q: stepWords.join(' ') }))
      candidates.set(r.id, r);
  if (probe.dupKey && probe.excludeId)
    for (const r of await findByDuplicateKey(actor.scope, actor.networkId, probe.dupKey, probe.excludeId))
      if (within.statuses.includes(r.status)) candidates.set(r.id, r);
  return scored(probe, candidates);
}

/** The candidates at or above SIMILAR_AT, best first (the probe itself left out). */
function scored(
  probe: Comparable & { excludeId?: string },
  candidates: Map<string, StoredStrategy>,
): Array<{ row: StoredStrategy; score: number }> {
  if (probe.excludeId) candidates.delete(probe.excludeId);
  return [...candidates.values()]
    .map((row) => ({ row, score: strategySimilarity(probe, row) }))
    .filter((c) => c.score >= SIMILAR_AT)
    .sort((a, b) => b.score - a.score || a.row.id.localeCompare(b.row.id));
}

/**
 * Likely duplicates of a strategy, for a coach: any other unmerged strategy of the network the shared similarity
 * puts at or above SIMILAR_AT, whatever its status, so that A finds B exactly when B finds A. A merged strategy has
 * none (it cannot be merged again).
 */
export async function suggestDuplicates(actor: Actor, id: string): Promise<StrategyView[]> {
  authorize(actor, 'merge', 'strategy');
  const row = await visible(actor, id);
  if (row.mergedIntoId) return [];
  const found = await similarTo(
    actor,
    { title: row.title, steps: row.steps, dupKey: row.dupKey, excludeId: row.id },
    { statuses: ['pending', 'approved', 'featured', 'retired'] },
  );
  return withCredits(
    actor,
    found.slice(0, 10).map((c) => c.row),
  );
}

/**
 * Before a strategy is submitted: what it looks like among the strategies the actor may see (the menu, and their
 * own in any state; a coach also sees the review queue), best first, at most five.
 */
export async function similarStrategies(actor: Actor, probe: Comparable): Promise<StrategyView[]> {
  const coach = can(actor, 'curate', 'strategy');
  const found = [
    ...(await similarTo(actor, probe, {
      statuses: coach ? ['pending', 'approved', 'featured'] : ['approved', 'featured'],
    })),
    ...(await similarTo(actor, probe, {
      statuses: ['pending', 'approved', 'featured', 'retired'],
      contributorId: actor.personId,
    })),
  ];
  const best = new Map<string, { row: StoredStrategy; score: number }>();
  for (const c of found) best.set(c.row.id, c);
  const rows = [...best.values()]
    .sort((a, b) => b.score - a.score || a.row.id.localeCompare(b.row.id))
    .slice(0, 5)
    .map((c) => c.row);
  return withCredits(actor, rows);
}

/** How many strategies wait for a coach's review (the navigation shows it). */
export async function reviewQueueSize(actor: Actor): Promise<number> {
  authorize(actor, 'list-unpublished', 'strategy');
  return countWithStatus(actor.scope, actor.networkId, 'pending');
}

/**
 * When a coach last edited a strategy they are not credited with, told to its contributors and to coaches; null
 * for everyone else or when no coach did.
 */
export async function coachEdit(actor: Actor, view: StrategyView): Promise<{ at: string } | null> {
  const mine = view.contributors.some((c) => c.id === actor.personId);
  if (!mine && !can(actor, 'curate', 'strategy')) return null;
  const at = await lastAuditAt(actor.scope, view.row.id, COACH_EDITED);
  return at ? { at } : null;
}

export async function auditTrail(actor: Actor, id: string) {
  authorize(actor, 'audit', 'strategy');
  await visible(actor, id);
  const rows = await auditFor(actor.scope, id);
  return rows.map((r) => ({
    action: r.action,
    actor: r.actor ?? 'someone',
    at: r.at,
    details: r.details,
  }));
}

export async function recordTry(actor: Actor, id: string, input: TryInput, now: Date) {
  const row = await visible(actor, id);
  if (row.mergedIntoId) throw new ConflictError('CONFLICT', 'errors.strategy.merged');
  if (row.status !== 'approved' && row.status !== 'featured') {
    throw new ConflictError('CONFLICT', 'errors.strategy.try-off-menu');
  }
  const reflection = input.reflection?.trim() || null;
  await upsertTry(
    actor.scope,
    {
      strategyId: id,
      personId: actor.personId,
      state: input.state,
      reflection: input.state === 'tried' ? reflection : null,
      shareWithContributor: Boolean(input.state === 'tried' && input.shareWithContributor && reflection),
    },
    now.toISOString(),
  );
  return myTry(actor, id);
}

export async function removeTry(actor: Actor, id: string): Promise<void> {
  await visible(actor, id);
  await deleteTry(actor.scope, id, actor.personId);
}

export async function myTry(actor: Actor, id: string) {
  return (await tryOf(actor.scope, id, actor.personId)) ?? null;
}

/**
 * What a contributor sees about colleagues trying their strategy: counts, and only the reflections people chose to
 * share. Nobody else sees these counts (they are not a ranking).
 */
export async function tryingSummary(actor: Actor, id: string) {
  const view = await getStrategy(actor, id);
  if ('mergedInto' in view) return null;
  if (!view.contributors.some((c) => c.id === actor.personId)) return null;
  const counts = await countTries(actor.scope, id);
  const shared = await sharedReflections(actor.scope, id);
  return {
    ...counts,
    sharedReflections: shared.map((s) => ({ name: s.name, reflection: s.reflection ?? '', at: s.at })),
  };
}

/** Every strategy on the menu of the actor's network, for the coach's CSV export (menu content only, no tries). */
export async function exportMenu(actor: Actor): Promise<StrategyView[]> {
  authorize(actor, 'export', 'strategy');
  const rows = await listStrategies(actor.scope, {
    networkId: actor.networkId,
    statuses: ['approved', 'featured'],
    excludeMerged: true,
    limit: 10_000,
  });
  return withCredits(actor, rows);
}
