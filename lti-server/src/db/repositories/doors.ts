import type { DoorTable } from '../schema';
import type { TenantScope } from '../tenant-scope';
import { PREPARED } from '../prepared-statements';

/** An open door: a time a host offers for sampling a strategy, or a classroom of a round. */
export interface StoredDoor {
  id: string;
  networkId: string;
  hostId: string;
  /** Null for a classroom in a round (the round has a focus instead). */
  strategyId: string | null;
  roundId: string | null;
  /** Doors opened together with "repeat weekly" share a series id. */
  seriesId: string | null;
  startsAt: string;
  endsAt: string;
  minutes: number;
  /** The host's IANA zone, so a repeated door keeps its local time across DST. */
  timeZone: string;
  location: string;
  capacity: number;
  booked: number;
  visitorNote: string | null;
  lookFor: string | null;
  status: DoorTable['status'];
  /** iCalendar SEQUENCE of the host's event: raised on every change. */
  sequence: number;
  createdAt: string;
  updatedAt: string;
}

/** A door with what every view of it shows: the strategy's title and the host's name. */
export interface DoorDetail extends StoredDoor {
  strategyTitle: string | null;
  hostName: string;
  /**
   * A round's classroom: the coach who planned the round (who wrote its note for visitors); `name` is null when they
   * are no longer in the school (the presenter says so in the asker's language).
   */
  planner: { id: string; name: string | null } | null;
}

type DoorDetailRow = DoorTable & {
  strategy_title: string | null;
  host_name: string;
  planner_id: string | null;
  planner_name: string | null;
};

const toDoorDetail = (row: DoorDetailRow): DoorDetail => ({
  id: row.id,
  networkId: row.network_id,
  hostId: row.host_id,
  strategyId: row.strategy_id,
  roundId: row.round_id,
  seriesId: row.series_id,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  minutes: row.minutes,
  timeZone: row.time_zone,
  location: row.location,
  capacity: row.capacity,
  booked: row.booked,
  visitorNote: row.visitor_note,
  lookFor: row.look_for,
  status: row.status,
  sequence: row.sequence,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  strategyTitle: row.strategy_title,
  hostName: row.host_name,
  planner: row.planner_id ? { id: row.planner_id, name: row.planner_name ?? null } : null,
});

function doorsWithNames(scope: TenantScope) {
  return scope
    .selectFrom('doors')
    .innerJoin('people', 'people.id', 'doors.host_id')
    .leftJoin('strategies', 'strategies.id', 'doors.strategy_id')
    .leftJoin('rounds', 'rounds.id', 'doors.round_id')
    .leftJoin('people as planner', 'planner.id', 'rounds.created_by')
    .selectAll('doors')
    .select([
      'people.name as host_name',
      'strategies.title as strategy_title',
      'rounds.created_by as planner_id',
      'planner.name as planner_name',
    ]);
}

export async function insertDoors(scope: TenantScope, doors: StoredDoor[]): Promise<void> {
  if (doors.length === 0) return;
  await scope
    .insertInto(
      'doors',
      doors.map((d) => ({
        id: d.id,
        network_id: d.networkId,
        host_id: d.hostId,
        strategy_id: d.strategyId,
        round_id: d.roundId,
        series_id: d.seriesId,
        starts_at: d.startsAt,
        ends_at: d.endsAt,
        minutes: d.minutes,
        time_zone: d.timeZone,
        location: d.location,
        capacity: d.capacity,
        booked: d.booked,
        visitor_note: d.visitorNote,
        look_for: d.lookFor,
        status: d.status,
        sequence: d.sequence,
        created_at: d.createdAt,
        updated_at: d.updatedAt,
      })),
    )
    .execute();
}

export async function findDoor(scope: TenantScope, id: string): Promise<DoorDetail | undefined> {
  const row = await doorsWithNames(scope).where('doors.id', '=', id).executeTakeFirst();
  return row && toDoorDetail(row);
}

export interface DoorFilter {
  networkId: string;
  from: string;
  to: string;
  strategyId?: string;
  subject?: string;
  tag?: string;
  hostId?: string;
  /** Round classrooms are shown only to the people in them. */
  viewerId: string;
  /** The last door of the page before: this page starts after it in (starts_at, id) order. */
  after?: { startsAt: string; id: string };
  limit: number;
}

/**
 * One page of a network's doors starting in [from, to), in (starts_at, id) order: read through the doors_week index
 * (tenant, network, starts_at, id), which holds that order, so a page reads its own rows and no sort runs.
 */
export async function listDoors(scope: TenantScope, f: DoorFilter): Promise<DoorDetail[]> {
  let q = doorsWithNames(scope)
    .where('doors.network_id', '=', f.networkId)
    .where('doors.starts_at', '>=', f.from)
    .where('doors.starts_at', '<', f.to)
    .where((eb) =>
      eb.or([
        eb('doors.round_id', 'is', null),
        eb('doors.host_id', '=', f.viewerId),
        // A visit keeps its door's start (doors never move), so the viewer's visits in the range are enough: read
        // through visits_visitor, PostgreSQL's hashed form of this check reads those, not every visit they ever booked.
        eb.exists(
          eb
            .selectFrom('visits')
            .select('visits.id')
            .whereRef('visits.door_id', '=', 'doors.id')
            .where('visits.tenant_id', '=', scope.tenantId)
            .where('visits.visitor_id', '=', f.viewerId)
            .where('visits.starts_at', '>=', f.from)
            .where('visits.starts_at', '<', f.to),
        ),
      ]),
    );
  if (f.strategyId) q = q.where('doors.strategy_id', '=', f.strategyId);
  if (f.hostId) q = q.where('doors.host_id', '=', f.hostId);
  if (f.subject) q = q.where('strategies.subject', '=', f.subject);
  if (f.tag) {
    const tag = f.tag;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('strategy_tags')
          .select('strategy_tags.tag')
          .whereRef('strategy_tags.strategy_id', '=', 'doors.strategy_id')
          .where('strategy_tags.tag', '=', tag),
      ),
    );
  }
  if (f.after) {
    const { startsAt, id } = f.after;
    // A row comparison, which both databases read as one range of the index (an OR of two ranges sorts on PostgreSQL).
    q = q.where((eb) => eb(eb.refTuple('doors.starts_at', 'doors.id'), '>', eb.tuple(startsAt, id)));
  }
  // Kept prepared on PostgreSQL: planning its five tables took 0.5–0.7 ms against 0.25–0.35 ms to run, and after
  // five or six runs PostgreSQL keeps a generic plan through the same indexes (issue #20, docs/performance.md).
  return (
    await q.orderBy('doors.starts_at').orderBy('doors.id').limit(f.limit).modifyEnd(PREPARED).execute()
  ).map(toDoorDetail);
}

/** Takes one seat if the door is open and not full. Atomic: concurrent bookings cannot overfill a door. */
export async function takeSeat(scope: TenantScope, doorId: string, now: string): Promise<boolean> {
  const result = await scope
    .updateTable('doors')
    .set((eb) => ({ booked: eb('booked', '+', 1), updated_at: now }))
    .where('id', '=', doorId)
    .where('status', '=', 'open')
    .whereRef('booked', '<', 'capacity')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseSeat(scope: TenantScope, doorId: string, now: string): Promise<void> {
  await scope
    .updateTable('doors')
    .set((eb) => ({ booked: eb('booked', '-', 1), updated_at: now }))
    .where('id', '=', doorId)
    .where('booked', '>', 0)
    .execute();
}

export async function cancelDoorRow(scope: TenantScope, doorId: string, now: string): Promise<boolean> {
  const result = await scope
    .updateTable('doors')
    .set((eb) => ({ status: 'cancelled', booked: 0, sequence: eb('sequence', '+', 1), updated_at: now }))
    .where('id', '=', doorId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The person's booked visits and open doors that overlap [start, end): whether a door can be opened (or a round's
 * classroom placed) at that time, and whether a booking clashes; visits.ts keeps the rest of the visits' SQL.
 */
export async function overlapsFor(
  scope: TenantScope,
  personId: string,
  start: string,
  end: string,
  exceptDoorId: string,
): Promise<{ visiting: number; hosting: number }> {
  const visiting = await scope
    .selectFrom('visits')
    .select('id')
    .where('visitor_id', '=', personId)
    .where('status', '=', 'booked')
    .where('starts_at', '<', end)
    .where('ends_at', '>', start)
    .where('door_id', '!=', exceptDoorId)
    .execute();
  const hosting = await scope
    .selectFrom('doors')
    .select('id')
    .where('host_id', '=', personId)
    .where('status', '=', 'open')
    .where('starts_at', '<', end)
    .where('ends_at', '>', start)
    .where('id', '!=', exceptDoorId)
    .execute();
  return { visiting: visiting.length, hosting: hosting.length };
}

export async function doorsByIds(scope: TenantScope, ids: string[]): Promise<DoorDetail[]> {
  if (ids.length === 0) return [];
  return (await doorsWithNames(scope).where('doors.id', 'in', ids).execute()).map(toDoorDetail);
}

/** Open and recently cancelled doors a person hosts, starting at or after `since`. */
export async function hostedDoors(
  scope: TenantScope,
  personId: string,
  since: string,
): Promise<DoorDetail[]> {
  const rows = await doorsWithNames(scope)
    .where('doors.host_id', '=', personId)
    .where('doors.starts_at', '>=', since)
    .orderBy('doors.starts_at')
    .limit(500)
    .execute();
  return rows.map(toDoorDetail);
}
