import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { PictureGroupKey, VisitContribution } from '../../../../shared/picture-groups';
import { decodeJson, encodeJson } from '../json-column';
import type { Database, PictureGroupTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/**
 * The picture's aggregates (migration 0022): what each visit counts for, and per group the visits, classrooms and
 * themes. Nothing here returns a note's text or a host to anyone above the domain's picture functions, which only
 * ever present counts of groups spanning enough classrooms.
 */

/**
 * Serialises the changes to one network's picture: every transaction that changes it takes this lock first (on
 * PostgreSQL a row lock on the network; SQLite runs one write transaction at a time anyway), so two writers never
 * compute a visit's difference from the same stale snapshot and never wait on each other in opposite orders.
 */
export async function lockPicture(scope: TenantScope, networkId: string): Promise<void> {
  if (scope.dialect !== 'postgres') return;
  await scope.selectFrom('networks').select('id').where('id', '=', networkId).forNoKeyUpdate().execute();
}

/** `lockPicture` for every network of the tenant, in one order (a change to all its notes). */
export async function lockTenantPicture(scope: TenantScope): Promise<void> {
  if (scope.dialect !== 'postgres') return;
  await scope.selectFrom('networks').select('id').orderBy('id').forNoKeyUpdate().execute();
}

/**
 * Marks a network's picture as changed: in the transaction that changed its `picture_groups` (after `lockPicture`),
 * so a reader never sees the new version before the new counts.
 */
export async function bumpPictureVersion(scope: TenantScope, networkId: string): Promise<void> {
  await scope
    .updateTable('networks')
    .set((eb) => ({ picture_version: eb('picture_version', '+', 1) }))
    .where('id', '=', networkId)
    .execute();
}

/** A network's picture version (0 when the network is unknown): one row read by its primary key. */
export async function pictureVersion(scope: TenantScope, networkId: string): Promise<number> {
  const row = await scope
    .selectFrom('networks')
    .select('picture_version')
    .where('id', '=', networkId)
    .executeTakeFirst();
  return Number(row?.picture_version ?? 0);
}

/** The network of a visit (through its door), or undefined when the visit is gone. */
export async function networkOfVisit(scope: TenantScope, visitId: string): Promise<string | undefined> {
  const row = await scope
    .selectFrom('visits')
    .innerJoin('doors', 'doors.id', 'visits.door_id')
    .select('doors.network_id')
    .where('visits.id', '=', visitId)
    .executeTakeFirst();
  return row?.network_id;
}

/** What a visit's unexpired notes are evidence of: their texts, the room and the strategy (title, tags). */
export async function visitEvidence(scope: TenantScope, visitId: string, now: string) {
  const notes = await scope
    .selectFrom('notes')
    .select(['network_id', 'host_id', 'door_id', 'text'])
    .where('visit_id', '=', visitId)
    .where('expires_at', '>', now)
    .execute();
  const first = notes[0];
  if (!first) return undefined;
  const door = await scope
    .selectFrom('doors')
    .leftJoin('strategies', 'strategies.id', 'doors.strategy_id')
    .select(['doors.strategy_id as strategyId', 'strategies.title as title', 'doors.round_id as roundId'])
    .where('doors.id', '=', first.door_id)
    .executeTakeFirst();
  const strategyId = door?.strategyId ?? null;
  const tags = strategyId
    ? (
        await scope
          .selectFrom('strategy_tags')
          .select('tag')
          .where('strategy_id', '=', strategyId)
          .orderBy('tag')
          .execute()
      ).map((t) => t.tag)
    : [];
  return {
    networkId: first.network_id,
    hostId: first.host_id,
    texts: notes.map((n) => n.text),
    roundId: door?.roundId ?? null,
    strategy: strategyId ? { id: strategyId, title: door?.title ?? null, tags } : null,
  };
}

const GroupsSchema = z.array(
  z.object({ kind: z.enum(['school', 'strategy', 'tag', 'round']), label: z.string() }).strict(),
);
const ThemesSchema = z.array(z.string());

/** What a visit counted for when the counters were last changed, or undefined when it counts for nothing. */
export async function storedContribution(
  scope: TenantScope,
  visitId: string,
): Promise<VisitContribution | undefined> {
  const row = await scope
    .selectFrom('picture_visits')
    .selectAll()
    .where('visit_id', '=', visitId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    networkId: row.network_id,
    hostId: row.host_id,
    strategyId: row.strategy_id,
    groups: decodeJson(GroupsSchema, row.groups, 'picture visit groups').map((g) => ({
      kind: g.kind,
      label: g.label,
    })),
    themes: decodeJson(ThemesSchema, row.themes, 'picture visit themes'),
  };
}

export async function saveContribution(
  scope: TenantScope,
  visitId: string,
  contribution: VisitContribution | undefined,
): Promise<void> {
  await scope.deleteFrom('picture_visits').where('visit_id', '=', visitId).execute();
  if (!contribution) return;
  await scope
    .insertInto('picture_visits', {
      visit_id: visitId,
      network_id: contribution.networkId,
      host_id: contribution.hostId,
      strategy_id: contribution.strategyId,
      groups: encodeJson(contribution.groups),
      themes: encodeJson(contribution.themes),
    })
    .execute();
}

/** The change one visit makes to one group's counters. */
export interface GroupDelta {
  networkId: string;
  group: PictureGroupKey;
  visits: number;
  /** Per host, the change in its visits in the group. */
  hosts: Map<string, number>;
  /** Per theme, the change in the group's visits showing it. */
  themes: Map<string, number>;
}

const groupWhere = (networkId: string, group: PictureGroupKey) =>
  ({ network_id: networkId, kind: group.kind, label: group.label }) as const;

/** Applies a change to a group's counters; rows that reach zero are deleted, so a group with no visit is no group. */
export async function applyGroupDelta(scope: TenantScope, delta: GroupDelta): Promise<void> {
  const at = groupWhere(delta.networkId, delta.group);
  let hostChange = 0;
  for (const [hostId, change] of delta.hosts) {
    if (change === 0) continue;
    const row = await scope
      .insertInto('picture_group_hosts', { ...at, host_id: hostId, visits: change })
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'network_id', 'kind', 'label', 'host_id'])
          .doUpdateSet((eb) => ({ visits: eb('picture_group_hosts.visits', '+', change) })),
      )
      .returning('visits')
      .executeTakeFirstOrThrow();
    if (row.visits === change && change > 0) hostChange++;
    if (row.visits <= 0) {
      hostChange--;
      await scope
        .deleteFrom('picture_group_hosts')
        .where('network_id', '=', at.network_id)
        .where('kind', '=', at.kind)
        .where('label', '=', at.label)
        .where('host_id', '=', hostId)
        .execute();
    }
  }
  if (delta.visits === 0 && hostChange === 0 && [...delta.themes.values()].every((c) => c === 0)) return;
  // The group's row: read, changed and written back. Safe because every writer holds the network's picture lock.
  const row = await scope
    .selectFrom('picture_groups')
    .select(['visits', 'hosts', 'themes'])
    .where('network_id', '=', at.network_id)
    .where('kind', '=', at.kind)
    .where('label', '=', at.label)
    .executeTakeFirst();
  const visits = (row?.visits ?? 0) + delta.visits;
  const hosts = (row?.hosts ?? 0) + hostChange;
  const themes = row ? decodeJson(ThemeCountsSchema, row.themes, 'picture group themes') : {};
  for (const [theme, change] of delta.themes) {
    const n = (themes[theme] ?? 0) + change;
    if (n > 0) themes[theme] = n;
    else delete themes[theme];
  }
  if (visits <= 0) {
    if (row)
      await scope
        .deleteFrom('picture_groups')
        .where('network_id', '=', at.network_id)
        .where('kind', '=', at.kind)
        .where('label', '=', at.label)
        .execute();
  } else if (row) {
    await scope
      .updateTable('picture_groups')
      .set({ visits, hosts, themes: encodeJson(sortedThemes(themes)) })
      .where('network_id', '=', at.network_id)
      .where('kind', '=', at.kind)
      .where('label', '=', at.label)
      .execute();
  } else {
    await scope
      .insertInto('picture_groups', { ...at, visits, hosts, themes: encodeJson(sortedThemes(themes)) })
      .execute();
  }
}

const ThemeCountsSchema = z.record(z.string(), z.number().int());

const sortedThemes = (themes: Record<string, number>) =>
  Object.fromEntries(Object.entries(themes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The visits that count in the picture through a strategy (its title and tags name their groups). */
export async function visitsCountedFor(scope: TenantScope, strategyId: string): Promise<string[]> {
  const rows = await scope
    .selectFrom('picture_visits')
    .select('visit_id')
    .where('strategy_id', '=', strategyId)
    .orderBy('visit_id')
    .execute();
  return rows.map((r) => r.visit_id);
}

export type StoredPictureGroup = Pick<PictureGroupTable, 'kind' | 'label' | 'visits' | 'hosts'> & {
  /** Per theme id, how many of the group's visits show it. */
  themes: Map<string, number>;
};

/** A picture_groups row as the domain reads it: its theme counts decoded. */
function storedGroup(
  row: Pick<PictureGroupTable, 'kind' | 'label' | 'visits' | 'hosts' | 'themes'>,
): StoredPictureGroup {
  return {
    kind: row.kind,
    label: row.label,
    visits: row.visits,
    hosts: row.hosts,
    themes: new Map(Object.entries(decodeJson(ThemeCountsSchema, row.themes, 'picture group themes'))),
  };
}

/**
 * The groups of a network's picture of the given kinds that span at least `minVisits` visits in `minHosts`
 * classrooms, with their theme counts: one range of the groups' primary key, reading no note.
 */
export async function pictureGroupsOver(
  scope: TenantScope,
  networkId: string,
  kinds: Array<PictureGroupTable['kind']>,
  minVisits: number,
  minHosts: number,
): Promise<StoredPictureGroup[]> {
  const rows = await scope
    .selectFrom('picture_groups')
    .select(['kind', 'label', 'visits', 'hosts', 'themes'])
    .where('network_id', '=', networkId)
    .where('kind', 'in', kinds)
    .where('visits', '>=', minVisits)
    .where('hosts', '>=', minHosts)
    .execute();
  return rows.map(storedGroup);
}

/**
 * The round groups of these rounds (the picture over time of a cycle), whatever their size: the domain's policy
 * decides which are shown. One range of the groups' primary key, reading no note.
 */
export async function roundGroupsOf(
  scope: TenantScope,
  networkId: string,
  roundIds: string[],
): Promise<StoredPictureGroup[]> {
  if (roundIds.length === 0) return [];
  const rows = await scope
    .selectFrom('picture_groups')
    .select(['kind', 'label', 'visits', 'hosts', 'themes'])
    .where('network_id', '=', networkId)
    .where('kind', '=', 'round')
    .where('label', 'in', roundIds)
    .execute();
  return rows.map(storedGroup);
}

/** How many groups of the given kinds a network's picture has, shown or not. */
export async function pictureGroupCount(
  scope: TenantScope,
  networkId: string,
  kinds: Array<PictureGroupTable['kind']>,
): Promise<number> {
  const row = await scope
    .selectFrom('picture_groups')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('network_id', '=', networkId)
    .where('kind', 'in', kinds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every visit of a network with notes (or counted in the picture), for recounting a whole network. */
export async function visitsWithNotes(scope: TenantScope, networkId: string): Promise<string[]> {
  const noted = await scope
    .selectFrom('notes')
    .select('visit_id')
    .distinct()
    .where('network_id', '=', networkId)
    .execute();
  const counted = await scope
    .selectFrom('picture_visits')
    .select('visit_id')
    .where('network_id', '=', networkId)
    .execute();
  return [...new Set([...noted, ...counted].map((r) => r.visit_id))];
}

/** Up to `limit` visits with notes that expired by `now`, with their tenants, for the retention job. */
export async function visitsWithExpiredNotes(
  db: Kysely<Database>,
  now: string,
  limit: number,
): Promise<Array<{ tenantId: string; networkId: string; visitId: string }>> {
  return db
    .selectFrom('notes')
    .select(['tenant_id as tenantId', 'network_id as networkId', 'visit_id as visitId'])
    .distinct()
    .where('expires_at', '<=', now)
    .orderBy('tenantId')
    .orderBy('networkId')
    .orderBy('visitId')
    .limit(limit)
    .execute();
}

/** The tenant's visits with notes past their expiry that the retention job has not deleted yet. */
export async function visitsWithExpiredNotesOf(scope: TenantScope, now: string): Promise<string[]> {
  const rows = await scope
    .selectFrom('notes')
    .select('visit_id')
    .distinct()
    .where('expires_at', '<=', now)
    .execute();
  return rows.map((r) => r.visit_id);
}

/** Deletes the expired notes of these visits, in one statement. */
export async function purgeExpiredNotesOf(
  scope: TenantScope,
  visitIds: string[],
  now: string,
): Promise<number> {
  if (visitIds.length === 0) return 0;
  const result = await scope
    .deleteFrom('notes')
    .where('visit_id', 'in', visitIds)
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
