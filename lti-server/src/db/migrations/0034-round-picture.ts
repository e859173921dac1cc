import { type Kysely, sql } from 'kysely';
import type { Dialect } from './dialect';

interface CountedVisit {
  tenant_id: string;
  network_id: string;
  visit_id: string;
  host_id: string;
  groups: string;
  themes: string;
  round_id: string;
}

/**
 * The picture over time (issue #17 item 4): a visit of a round also counts in a picture group of its own round
 * (`kind` 'round', `label` the round's id), so a cycle reads its picture round by round from the aggregates, with the
 * same thresholds, never from the notes. `picture_groups.kind` allows 'round' (SQLite cannot change a check
 * constraint, so the table is made again there), and the visits already counted are added to their rounds' groups.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table picture_groups drop constraint if exists picture_groups_kind_check`.execute(db);
    await sql`alter table picture_groups add constraint picture_groups_kind_check
      check (kind in ('school', 'strategy', 'tag', 'round'))`.execute(db);
  } else {
    await db.schema
      .createTable('picture_groups_next')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('school', 'strategy', 'tag', 'round')`),
      )
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('visits', 'integer', (c) => c.notNull())
      .addColumn('hosts', 'integer', (c) => c.notNull())
      .addColumn('themes', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('picture_groups_pk', ['tenant_id', 'network_id', 'kind', 'label'])
      .execute();
    await sql`insert into picture_groups_next (tenant_id, network_id, kind, label, visits, hosts, themes)
      select tenant_id, network_id, kind, label, visits, hosts, themes from picture_groups`.execute(db);
    await db.schema.dropTable('picture_groups').execute();
    await db.schema.alterTable('picture_groups_next').renameTo('picture_groups').execute();
  }
  await backfill(db);
}

/** Adds each counted visit of a round to its round's group, as the writes will from now on. */
async function backfill(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<CountedVisit>`
    select picture_visits.tenant_id, picture_visits.network_id, picture_visits.visit_id, picture_visits.host_id,
           picture_visits.groups, picture_visits.themes, doors.round_id
    from picture_visits
    join visits on visits.id = picture_visits.visit_id
    join doors on doors.id = visits.door_id
    where doors.round_id is not null`.execute(db);
  const key = (...parts: string[]) => parts.join('\u0000');
  const groups = new Map<
    string,
    { tenant: string; network: string; round: string; visits: number; hosts: Set<string> }
  >();
  const themes = new Map<string, Record<string, number>>();
  const hostVisits = new Map<string, number>();
  for (const r of rows) {
    const inGroups = JSON.parse(r.groups) as Array<{ kind: string; label: string }>;
    if (inGroups.some((g) => g.kind === 'round')) continue;
    const next = [{ kind: 'round', label: r.round_id }, ...inGroups];
    await sql`update picture_visits set groups = ${JSON.stringify(next)}
      where visit_id = ${r.visit_id}`.execute(db);
    const k = key(r.tenant_id, r.network_id, r.round_id);
    const g = groups.get(k) ?? {
      tenant: r.tenant_id,
      network: r.network_id,
      round: r.round_id,
      visits: 0,
      hosts: new Set<string>(),
    };
    g.visits++;
    g.hosts.add(r.host_id);
    groups.set(k, g);
    const counts = themes.get(k) ?? {};
    for (const t of JSON.parse(r.themes) as string[]) counts[t] = (counts[t] ?? 0) + 1;
    themes.set(k, counts);
    hostVisits.set(key(k, r.host_id), (hostVisits.get(key(k, r.host_id)) ?? 0) + 1);
  }
  for (const [k, g] of groups) {
    const sorted = Object.fromEntries(
      Object.entries(themes.get(k) ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    await sql`insert into picture_groups (tenant_id, network_id, kind, label, visits, hosts, themes)
      values (${g.tenant}, ${g.network}, 'round', ${g.round}, ${g.visits}, ${g.hosts.size},
              ${JSON.stringify(sorted)})`.execute(db);
    for (const host of g.hosts)
      await sql`insert into picture_group_hosts (tenant_id, network_id, kind, label, host_id, visits)
        values (${g.tenant}, ${g.network}, 'round', ${g.round}, ${host}, ${hostVisits.get(key(k, host)) ?? 0})`.execute(
        db,
      );
  }
}
