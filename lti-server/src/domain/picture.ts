import { EVIDENCE_THEMES } from '../../../shared/evidence-themes';
import { PICTURE_MIN_HOSTS, PICTURE_MIN_VISITS, type Picture, shareWord } from '../../../shared/notes';
import {
  addThemesOf,
  type PictureGroupKey,
  pictureGroupsOf,
  sameContribution,
  type VisitContribution,
  visitThemes,
} from '../../../shared/picture-groups';
import { finishedDebriefs } from '../db/repositories/debrief';
import {
  applyGroupDelta,
  bumpPictureVersion,
  type GroupDelta,
  lockPicture,
  lockTenantPicture,
  networkOfVisit,
  saveContribution,
  storedContribution,
  visitEvidence,
  visitsCountedFor,
  visitsWithNotes,
} from '../db/repositories/picture';
import type { TenantScope } from '../db/tenant-scope';
import type { Actor } from './actor';
import { cachedPictureGroups } from './picture-cache';
import { authorize, can, pictureGroup } from './policies';

export { lockPicture, lockTenantPicture };

/** What a visit counts for now: its unexpired notes' themes in its groups; nothing when it has no unexpired note. */
async function currentContribution(
  scope: TenantScope,
  visitId: string,
  now: Date,
): Promise<VisitContribution | undefined> {
  const evidence = await visitEvidence(scope, visitId, now.toISOString());
  if (!evidence) return undefined;
  return {
    networkId: evidence.networkId,
    hostId: evidence.hostId,
    strategyId: evidence.strategy?.id ?? null,
    groups: pictureGroupsOf(evidence.strategy, evidence.roundId),
    themes: visitThemes(evidence.texts),
  };
}

const groupKey = (networkId: string, g: PictureGroupKey) => `${networkId}\u0000${g.kind}\u0000${g.label}`;

/** The change to each group's counters when a visit stops counting as `before` and counts as `after`. */
function deltas(before: VisitContribution | undefined, after: VisitContribution | undefined): GroupDelta[] {
  const byGroup = new Map<string, GroupDelta>();
  const add = (c: VisitContribution | undefined, sign: 1 | -1) => {
    for (const group of c?.groups ?? []) {
      const key = groupKey(c!.networkId, group);
      const d = byGroup.get(key) ?? {
        networkId: c!.networkId,
        group,
        visits: 0,
        hosts: new Map<string, number>(),
        themes: new Map<string, number>(),
      };
      d.visits += sign;
      d.hosts.set(c!.hostId, (d.hosts.get(c!.hostId) ?? 0) + sign);
      for (const t of c!.themes) d.themes.set(t, (d.themes.get(t) ?? 0) + sign);
      byGroup.set(key, d);
    }
  };
  add(before, -1);
  add(after, 1);
  // One order for every writer (the whole school first), so counters are always updated in the same order.
  return [...byGroup.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}

/** Applies the differences to the group counters and bumps each changed network's picture version with them. */
async function applyDeltas(scope: TenantScope, changes: GroupDelta[]): Promise<void> {
  for (const delta of changes) await applyGroupDelta(scope, delta);
  for (const networkId of new Set(changes.map((d) => d.networkId)))
    await bumpPictureVersion(scope, networkId);
}

/**
 * Brings the picture's aggregates up to date for these visits: recomputes each visit's contribution from its own
 * unexpired notes (through the notes' visit index), compares it with what was counted, and applies the difference
 * to the group counters. The one way the aggregates change: call it in the same transaction as the write that
 * changed a visit's notes, or its strategy's title or tags, after `lockPicture` on the visit's network.
 */
export async function refreshPictureVisits(scope: TenantScope, visitIds: string[], now: Date): Promise<void> {
  for (const visitId of [...new Set(visitIds)].sort()) {
    const before = await storedContribution(scope, visitId);
    const after = await currentContribution(scope, visitId, now);
    if (sameContribution(before, after)) continue;
    await applyDeltas(scope, deltas(before, after));
    await saveContribution(scope, visitId, after);
  }
}

/**
 * After a note was added to a visit: the visit's themes grow by the note's, without reading its other notes (a visit
 * counted before keeps its groups, which strategy edits keep current). A visit not counted yet is counted in full.
 * Same locking rule as `refreshPictureVisits`.
 */
export async function addNoteToPicture(
  scope: TenantScope,
  visitId: string,
  text: string,
  now: Date,
): Promise<void> {
  const before = await storedContribution(scope, visitId);
  if (!before) return refreshPictureVisits(scope, [visitId], now);
  const after = { ...before, themes: addThemesOf(before.themes, text) };
  if (sameContribution(before, after)) return;
  await applyDeltas(scope, deltas(before, after));
  await saveContribution(scope, visitId, after);
}

/** `refreshPictureVisits` for one visit, taking its network's picture lock first. */
export async function refreshPictureVisit(scope: TenantScope, visitId: string, now: Date): Promise<void> {
  const networkId = await networkOfVisit(scope, visitId);
  if (networkId) await lockPicture(scope, networkId);
  await refreshPictureVisits(scope, [visitId], now);
}

/** After a strategy's title or tags changed: the visits it counts in move to its new groups. */
export async function refreshPictureStrategy(
  scope: TenantScope,
  strategyId: string,
  now: Date,
): Promise<void> {
  await refreshPictureVisits(scope, await visitsCountedFor(scope, strategyId), now);
}

/**
 * Recounts every visit of a network from its notes: for data loaded around the domain (benchmarks, a restore into an
 * older schema). Reads all the network's notes, so it is a maintenance step, never part of a request.
 */
export async function rebuildPicture(scope: TenantScope, networkId: string, now: Date): Promise<void> {
  const visitIds = await visitsWithNotes(scope, networkId);
  for (let i = 0; i < visitIds.length; i += 200)
    await scope.transaction(async (trx) => {
      await lockPicture(trx, networkId);
      await refreshPictureVisits(trx, visitIds.slice(i, i + 200), now);
    });
}

/**
 * The school-wide picture: for the whole school and for each strategy or tag, which patterns of evidence appear in
 * how many visits — in words (few, some, many, most). A group is shown only when it spans at least three visits in
 * at least three classrooms, so nothing can be traced back to one teacher; there is no per-teacher axis anywhere.
 * Read from the aggregates the writes keep (issue #20): the cost does not grow with the number of notes; the groups
 * read are kept until the network's picture version moves (`cachedPictureGroups`).
 */
export async function schoolPicture(actor: Actor, by: 'strategy' | 'tag'): Promise<Picture> {
  authorize(actor, 'read', 'picture');
  const kinds: Array<'school' | 'strategy' | 'tag'> = ['school', by];
  const { candidates, total } = await cachedPictureGroups(
    actor.scope,
    actor.networkId,
    kinds,
    PICTURE_MIN_VISITS,
    PICTURE_MIN_HOSTS,
  );
  const shown: Picture['groups'] = [];
  for (const group of candidates) {
    // The query narrows; the policy decides. (Round groups are the cycles' picture over time, never asked for here.)
    if (group.kind === 'round') continue;
    if (!can(actor, 'read', pictureGroup(group.visits, group.hosts))) continue;
    shown.push({
      kind: group.kind,
      label: group.label,
      themes: EVIDENCE_THEMES.map((t) => ({
        theme: t.id,
        label: t.label,
        share: shareWord(group.themes.get(t.id) ?? 0, group.visits),
      })),
    });
  }
  shown.sort((a, b) => (a.kind === 'school' ? -1 : b.kind === 'school' ? 1 : a.label.localeCompare(b.label)));
  const rounds = (await finishedDebriefs(actor.scope, actor.networkId)).map(({ round, patterns }) => ({
    title: round.title,
    date: round.date,
    focus: { kind: round.focusKind, value: round.focusValue },
    patterns,
    prediction: round.prediction,
    nextLevel: round.nextLevel,
  }));
  return {
    by,
    groups: shown,
    withheld: total - shown.length,
    minVisits: PICTURE_MIN_VISITS,
    minHosts: PICTURE_MIN_HOSTS,
    rounds,
  };
}
