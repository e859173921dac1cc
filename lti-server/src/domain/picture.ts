import { EVIDENCE_THEMES, themesOf } from '../../../shared/evidence-themes';
import { PICTURE_MIN_HOSTS, PICTURE_MIN_VISITS, type Picture, shareWord } from '../../../shared/notes';
import { finishedDebriefs } from '../db/repositories/debrief';
import { evidenceForPicture, tagsOf } from '../db/repositories/notes';
import type { Actor } from './actor';
import { authorize, can, pictureGroup } from './policies';

interface Bucket {
  visits: Map<string, Set<string>>;
  hosts: Set<string>;
}

/**
 * The school-wide picture: for the whole school and for each strategy or tag, which patterns of evidence appear in
 * how many visits — in words (few, some, many, most). A group is shown only when it spans at least three visits in
 * at least three classrooms, so nothing can be traced back to one teacher; there is no per-teacher axis anywhere.
 */
export async function schoolPicture(actor: Actor, by: 'strategy' | 'tag', now: Date): Promise<Picture> {
  authorize(actor, 'read', 'picture');
  const rows = await evidenceForPicture(actor.scope, actor.networkId, now.toISOString());
  const strategyIds = [...new Set(rows.flatMap((r) => (r.strategyId ? [r.strategyId] : [])))];
  const tags = new Map<string, string[]>();
  for (const t of await tagsOf(actor.scope, strategyIds))
    tags.set(t.strategyId, [...(tags.get(t.strategyId) ?? []), t.tag]);

  const groups = new Map<string, Bucket>();
  const add = (key: string, visitId: string, hostId: string, themes: string[]) => {
    const bucket = groups.get(key) ?? { visits: new Map(), hosts: new Set() };
    const seen = bucket.visits.get(visitId) ?? new Set();
    for (const t of themes) seen.add(t);
    bucket.visits.set(visitId, seen);
    bucket.hosts.add(hostId);
    groups.set(key, bucket);
  };
  for (const r of rows) {
    const themes = themesOf(r.text);
    add('school\u0000The whole school', r.visitId, r.hostId, themes);
    if (by === 'strategy' && r.strategyId && r.strategyTitle)
      add(`strategy\u0000${r.strategyTitle}`, r.visitId, r.hostId, themes);
    if (by === 'tag' && r.strategyId)
      for (const tag of tags.get(r.strategyId) ?? []) add(`tag\u0000${tag}`, r.visitId, r.hostId, themes);
  }

  const shown: Picture['groups'] = [];
  let withheld = 0;
  for (const [key, bucket] of groups) {
    if (!can(actor, 'read', pictureGroup(bucket.visits.size, bucket.hosts.size))) {
      withheld++;
      continue;
    }
    const [kind, label] = key.split('\u0000') as ['school' | 'strategy' | 'tag', string];
    const visitThemes = [...bucket.visits.values()];
    shown.push({
      kind,
      label,
      themes: EVIDENCE_THEMES.map((t) => ({
        theme: t.id,
        label: t.label,
        share: shareWord(visitThemes.filter((s) => s.has(t.id)).length, visitThemes.length),
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
  return { by, groups: shown, withheld, minVisits: PICTURE_MIN_VISITS, minHosts: PICTURE_MIN_HOSTS, rounds };
}
