import type { Kysely } from 'kysely';
import type { Database } from '../../../lti-server/src/db/schema';
import { EVIDENCE_THEMES, themesOf } from '../../../shared/evidence-themes';
import { PICTURE_MIN_HOSTS, PICTURE_MIN_VISITS, type Picture, shareWord } from '../../../shared/notes';

/** A group's exact counts, keyed `kind\0label`: visits, distinct classrooms, and per theme the visits showing it. */
export type GroupCounts = Map<string, { visits: number; hosts: number; themes: Record<string, number> }>;

/**
 * The picture as it was computed before issue #20, from scratch: every unexpired note of the network with its visit,
 * room and strategy, grouped in memory. Kept only as the oracle the aggregates are checked against.
 */
export async function pictureFromScratch(
  db: Kysely<Database>,
  tenantId: string,
  networkId: string,
  now: string,
): Promise<{ tag: GroupCounts; strategy: GroupCounts }> {
  const rows = await db
    .selectFrom('notes')
    .innerJoin('doors', 'doors.id', 'notes.door_id')
    .leftJoin('strategies', 'strategies.id', 'doors.strategy_id')
    .select([
      'notes.visit_id as visitId',
      'notes.host_id as hostId',
      'notes.text as text',
      'doors.strategy_id as strategyId',
      'strategies.title as strategyTitle',
    ])
    .where('notes.tenant_id', '=', tenantId)
    .where('notes.network_id', '=', networkId)
    .where('notes.expires_at', '>', now)
    .execute();
  const tags = new Map<string, string[]>();
  for (const t of await db
    .selectFrom('strategy_tags')
    .select(['strategy_id as strategyId', 'tag'])
    .where('tenant_id', '=', tenantId)
    .execute())
    tags.set(t.strategyId, [...(tags.get(t.strategyId) ?? []), t.tag]);

  const by = (mode: 'strategy' | 'tag'): GroupCounts => {
    const groups = new Map<string, { visits: Map<string, Set<string>>; hosts: Set<string> }>();
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
      if (mode === 'strategy' && r.strategyId && r.strategyTitle)
        add(`strategy\u0000${r.strategyTitle}`, r.visitId, r.hostId, themes);
      if (mode === 'tag' && r.strategyId)
        for (const tag of tags.get(r.strategyId) ?? []) add(`tag\u0000${tag}`, r.visitId, r.hostId, themes);
    }
    const counts: GroupCounts = new Map();
    for (const [key, bucket] of groups) {
      const themes: Record<string, number> = {};
      for (const t of EVIDENCE_THEMES) {
        const n = [...bucket.visits.values()].filter((s) => s.has(t.id)).length;
        if (n > 0) themes[t.id] = n;
      }
      counts.set(key, { visits: bucket.visits.size, hosts: bucket.hosts.size, themes });
    }
    return counts;
  };
  return { tag: by('tag'), strategy: by('strategy') };
}

/** What the picture showed of those counts, as the old code presented them. */
export function presentedPicture(counts: GroupCounts): Pick<Picture, 'groups' | 'withheld'> {
  const groups: Picture['groups'] = [];
  let withheld = 0;
  for (const [key, g] of counts) {
    if (g.visits < PICTURE_MIN_VISITS || g.hosts < PICTURE_MIN_HOSTS) {
      withheld++;
      continue;
    }
    const [kind, label] = key.split('\u0000') as ['school' | 'strategy' | 'tag', string];
    groups.push({
      kind,
      label,
      themes: EVIDENCE_THEMES.map((t) => ({
        theme: t.id,
        label: t.label,
        share: shareWord(g.themes[t.id] ?? 0, g.visits),
      })),
    });
  }
  groups.sort((a, b) =>
    a.kind === 'school' ? -1 : b.kind === 'school' ? 1 : a.label.localeCompare(b.label),
  );
  return { groups, withheld };
}

/** The aggregates as stored, in the oracle's shape, for the kinds of one grouping. */
export async function storedCounts(
  db: Kysely<Database>,
  tenantId: string,
  networkId: string,
  by: 'strategy' | 'tag',
): Promise<GroupCounts> {
  const kinds: Array<'school' | 'strategy' | 'tag'> = ['school', by];
  const counts: GroupCounts = new Map();
  for (const g of await db
    .selectFrom('picture_groups')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('network_id', '=', networkId)
    .where('kind', 'in', kinds)
    .execute())
    counts.set(`${g.kind}\u0000${g.label}`, {
      visits: g.visits,
      hosts: g.hosts,
      themes: JSON.parse(g.themes) as Record<string, number>,
    });
  return counts;
}
