import { type Kysely, sql } from 'kysely';
import { pictureGroupsOf, visitThemes } from '../../../../shared/picture-groups';

/**
 * The school-wide picture kept as aggregates (issue #20), so reading it never scans the notes:
 * - picture_visits: what each visit with unexpired notes counts for (its host, the groups it is in, the themes its
 *   notes show): the snapshot the counters were last changed by, so a change is applied as a difference;
 * - picture_groups: per network and group (the whole school, a strategy title, a tag) the number of visits, of
 *   different classrooms (hosts), and per theme of visits whose notes show it (a JSON object, theme id → visits: one
 *   row per group, so reading the picture is one range of one index);
 * - picture_group_hosts: per group and host the number of visits, so the classroom count stays exact when a visit
 *   leaves; it is never read by the picture itself;
 * Existing notes are counted here once; from then on every write that changes the picture updates them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('picture_visits')
    .addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('host_id', 'text', (c) => c.notNull())
    .addColumn('strategy_id', 'text')
    .addColumn('groups', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .execute();
  // The visits a strategy's title or tags count in, to move them when those change.
  await db.schema
    .createIndex('picture_visits_strategy')
    .on('picture_visits')
    .columns(['tenant_id', 'strategy_id'])
    .execute();

  await db.schema
    .createTable('picture_groups')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('school', 'strategy', 'tag')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('hosts', 'integer', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('picture_groups_pk', ['tenant_id', 'network_id', 'kind', 'label'])
    .execute();

  await db.schema
    .createTable('picture_group_hosts')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('host_id', 'text', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('picture_group_hosts_pk', [
      'tenant_id',
      'network_id',
      'kind',
      'label',
      'host_id',
    ])
    .execute();

  // A visit's notes, for recomputing one visit's contribution (until now notes were only read by host or writer).
  await db.schema.createIndex('notes_visit').on('notes').columns(['tenant_id', 'visit_id']).execute();

  await backfill(db);
}

interface EvidenceRow {
  tenant_id: string;
  network_id: string;
  visit_id: string;
  host_id: string;
  text: string;
  strategy_id: string | null;
  title: string | null;
}

/** Counts the notes that exist now, as the picture read them: unexpired ones, by visit. */
async function backfill(db: Kysely<unknown>): Promise<void> {
  const now = new Date().toISOString();
  const { rows } = await sql<EvidenceRow>`
    select notes.tenant_id, notes.network_id, notes.visit_id, notes.host_id, notes.text, doors.strategy_id,
           strategies.title
    from notes
    join doors on doors.id = notes.door_id
    left join strategies on strategies.id = doors.strategy_id
    where notes.expires_at > ${now}`.execute(db);
  if (rows.length === 0) return;
  const { rows: tagRows } = await sql<{ strategy_id: string; tag: string }>`
    select strategy_id, tag from strategy_tags
    where strategy_id in (select doors.strategy_id from notes join doors on doors.id = notes.door_id)`.execute(
    db,
  );
  const tags = new Map<string, string[]>();
  for (const t of tagRows) tags.set(t.strategy_id, [...(tags.get(t.strategy_id) ?? []), t.tag]);

  const visits = new Map<string, { first: EvidenceRow; texts: string[] }>();
  for (const r of rows) {
    const v = visits.get(r.visit_id) ?? { first: r, texts: [] };
    v.texts.push(r.text);
    visits.set(r.visit_id, v);
  }

  const key = (...parts: string[]) => parts.join('\u0000');
  const groups = new Map<
    string,
    {
      tenant: string;
      network: string;
      kind: string;
      label: string;
      visits: number;
      themes: Record<string, number>;
    }
  >();
  const hosts = new Map<string, number>();
  const visitRows: Array<Record<string, string | null>> = [];
  for (const [visitId, { first, texts }] of visits) {
    const strategy = first.strategy_id
      ? { title: first.title, tags: tags.get(first.strategy_id) ?? [] }
      : null;
    const inGroups = pictureGroupsOf(strategy);
    const shown = visitThemes(texts);
    visitRows.push({
      visit_id: visitId,
      tenant_id: first.tenant_id,
      network_id: first.network_id,
      host_id: first.host_id,
      strategy_id: first.strategy_id,
      groups: JSON.stringify(inGroups),
      themes: JSON.stringify(shown),
    });
    for (const g of inGroups) {
      const k = key(first.tenant_id, first.network_id, g.kind, g.label);
      const group = groups.get(k) ?? {
        tenant: first.tenant_id,
        network: first.network_id,
        kind: g.kind,
        label: g.label,
        visits: 0,
        themes: {},
      };
      group.visits++;
      for (const t of shown) group.themes[t] = (group.themes[t] ?? 0) + 1;
      groups.set(k, group);
      hosts.set(key(k, first.host_id), (hosts.get(key(k, first.host_id)) ?? 0) + 1);
    }
  }

  const hostCount = new Map<string, number>();
  const hostRows = [...hosts].map(([k, visits]) => {
    const [tenant_id, network_id, kind, label, host_id] = k.split('\u0000') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const g = key(tenant_id, network_id, kind, label);
    hostCount.set(g, (hostCount.get(g) ?? 0) + 1);
    return { tenant_id, network_id, kind, label, host_id, visits };
  });
  const groupRows = [...groups].map(([k, g]) => ({
    tenant_id: g.tenant,
    network_id: g.network,
    kind: g.kind,
    label: g.label,
    visits: g.visits,
    hosts: hostCount.get(k) ?? 0,
    themes: JSON.stringify(g.themes),
  }));
  const insert = async (table: string, values: Array<Record<string, unknown>>) => {
    for (let i = 0; i < values.length; i += 200)
      await (db as Kysely<Record<string, Record<string, unknown>>>)
        .insertInto(table)
        .values(values.slice(i, i + 200))
        .execute();
  };
  await insert('picture_visits', visitRows);
  await insert('picture_groups', groupRows);
  await insert('picture_group_hosts', hostRows);
}
