import { z } from 'zod';
import { decodeJson } from '../json-column';
import type { TenantScope } from '../tenant-scope';

/** The evidence a round's visits count for in the picture: how many visits, in how many rooms, per theme. */
export interface RoundEvidence {
  visits: number;
  hosts: number;
  themes: Map<string, number>;
  hostIds: string[];
}

const ThemesSchema = z.array(z.string());

/**
 * What the visits of these rounds count for in the picture, read from the visits' stored contributions (never from
 * the notes): only visits whose unexpired notes count are there.
 */
export async function roundEvidence(
  scope: TenantScope,
  roundIds: string[],
): Promise<Map<string, RoundEvidence>> {
  const byRound = new Map<string, RoundEvidence>();
  if (roundIds.length === 0) return byRound;
  const rows = await scope
    .selectFrom('picture_visits')
    .innerJoin('visits', 'visits.id', 'picture_visits.visit_id')
    .innerJoin('doors', 'doors.id', 'visits.door_id')
    .select([
      'doors.round_id as round_id',
      'picture_visits.host_id as host_id',
      'picture_visits.themes as themes',
    ])
    .where('doors.round_id', 'in', roundIds)
    .execute();
  const hostSets = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.round_id) continue;
    const e = byRound.get(r.round_id) ?? { visits: 0, hosts: 0, themes: new Map(), hostIds: [] };
    e.visits++;
    const hosts = hostSets.get(r.round_id) ?? new Set<string>();
    hosts.add(r.host_id);
    hostSets.set(r.round_id, hosts);
    for (const t of new Set(decodeJson(ThemesSchema, r.themes, 'picture visit themes')))
      e.themes.set(t, (e.themes.get(t) ?? 0) + 1);
    byRound.set(r.round_id, e);
  }
  for (const [id, e] of byRound) {
    const hosts = [...(hostSets.get(id) ?? [])].sort();
    e.hosts = hosts.length;
    e.hostIds = hosts;
  }
  return byRound;
}
