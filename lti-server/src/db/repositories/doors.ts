import type { DoorTable, VisitTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

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
}

/** A visitor's booking of a door. */
export interface StoredVisit {
  id: string;
  doorId: string;
  visitorId: string;
  status: VisitTable['status'];
  cancelledBy: VisitTable['cancelled_by'];
  /** iCalendar SEQUENCE of the visitor's event. */
  sequence: number;
  startsAt: string;
  endsAt: string;
  createdAt: string;
  updatedAt: string;
  /** The host's thank-you to this visitor. */
  thanksMessage: string | null;
  thankedAt: string | null;
}

type DoorDetailRow = DoorTable & { strategy_title: string | null; host_name: string };

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
});

const toVisit = (row: VisitTable): StoredVisit => ({
  id: row.id,
  doorId: row.door_id,
  visitorId: row.visitor_id,
  status: row.status,
  cancelledBy: row.cancelled_by,
  sequence: row.sequence,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  thanksMessage: row.thanks_message,
  thankedAt: row.thanked_at,
});

function doorsWithNames(scope: TenantScope) {
  return scope
    .selectFrom('doors')
    .innerJoin('people', 'people.id', 'doors.host_id')
    .leftJoin('strategies', 'strategies.id', 'doors.strategy_id')
    .selectAll('doors')
    .select(['people.name as host_name', 'strategies.title as strategy_title']);
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
}

export async function listDoors(scope: TenantScope, f: DoorFilter): Promise<DoorDetail[]> {
  let q = doorsWithNames(scope)
    .where('doors.network_id', '=', f.networkId)
    .where('doors.starts_at', '>=', f.from)
    .where('doors.starts_at', '<', f.to)
    .where((eb) =>
      eb.or([
        eb('doors.round_id', 'is', null),
        eb('doors.host_id', '=', f.viewerId),
        eb.exists(
          eb
            .selectFrom('visits')
            .select('visits.id')
            .whereRef('visits.door_id', '=', 'doors.id')
            .where('visits.visitor_id', '=', f.viewerId),
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
  return (await q.orderBy('doors.starts_at').orderBy('doors.id').limit(500).execute()).map(toDoorDetail);
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

/** Serialises one person's bookings on PostgreSQL (SQLite runs one write transaction at a time anyway). */
export async function lockPerson(scope: TenantScope, personId: string): Promise<void> {
  if (scope.dialect !== 'postgres') return;
  await scope.selectFrom('people').select('id').where('id', '=', personId).forUpdate().execute();
}

/** The person's booked visits and open doors that overlap [start, end). */
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

export async function findVisitOf(
  scope: TenantScope,
  doorId: string,
  visitorId: string,
): Promise<StoredVisit | undefined> {
  const row = await scope
    .selectFrom('visits')
    .selectAll()
    .where('door_id', '=', doorId)
    .where('visitor_id', '=', visitorId)
    .executeTakeFirst();
  return row && toVisit(row);
}

export async function findVisit(scope: TenantScope, id: string): Promise<StoredVisit | undefined> {
  const row = await scope.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toVisit(row);
}

export async function insertVisits(scope: TenantScope, visits: StoredVisit[]): Promise<void> {
  if (visits.length === 0) return;
  await scope
    .insertInto(
      'visits',
      visits.map((v) => ({
        id: v.id,
        door_id: v.doorId,
        visitor_id: v.visitorId,
        status: v.status,
        cancelled_by: v.cancelledBy,
        sequence: v.sequence,
        starts_at: v.startsAt,
        ends_at: v.endsAt,
        created_at: v.createdAt,
        updated_at: v.updatedAt,
        thanks_message: v.thanksMessage,
        thanked_at: v.thankedAt,
      })),
    )
    .execute();
}

export async function rebookVisit(scope: TenantScope, id: string, now: string): Promise<void> {
  await scope
    .updateTable('visits')
    .set((eb) => ({
      status: 'booked',
      cancelled_by: null,
      sequence: eb('sequence', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
}

/** Cancels one visit (by its id) or every booked visit of a door; returns how many changed. */
export async function cancelVisits(
  scope: TenantScope,
  which: { visitId: string } | { doorId: string },
  by: 'visitor' | 'host',
  now: string,
): Promise<number> {
  let q = scope
    .updateTable('visits')
    .set((eb) => ({
      status: 'cancelled',
      cancelled_by: by,
      sequence: eb('sequence', '+', 1),
      updated_at: now,
    }))
    .where('status', '=', 'booked');
  q = 'visitId' in which ? q.where('id', '=', which.visitId) : q.where('door_id', '=', which.doorId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Visits of one person (with their doors), newest start first, starting at or after `since`. */
export async function visitsOf(scope: TenantScope, personId: string, since: string): Promise<StoredVisit[]> {
  const rows = await scope
    .selectFrom('visits')
    .selectAll()
    .where('visitor_id', '=', personId)
    .where('starts_at', '>=', since)
    .orderBy('starts_at', 'desc')
    .limit(500)
    .execute();
  return rows.map(toVisit);
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

/** The asker's own visit per door, for the doors listed. */
export async function myVisitsAt(scope: TenantScope, personId: string, doorIds: string[]) {
  if (doorIds.length === 0) return [];
  return scope
    .selectFrom('visits')
    .select(['id', 'door_id as doorId', 'status'])
    .where('visitor_id', '=', personId)
    .where('door_id', 'in', doorIds)
    .execute();
}

/** Booked visitors of doors (names), for their host. */
export async function bookedVisitors(scope: TenantScope, doorIds: string[]) {
  if (doorIds.length === 0) return [];
  return scope
    .selectFrom('visits')
    .innerJoin('people', 'people.id', 'visits.visitor_id')
    .select(['visits.door_id as doorId', 'people.id as id', 'people.name as name'])
    .where('visits.door_id', 'in', doorIds)
    .where('visits.status', '=', 'booked')
    .orderBy('people.name')
    .execute();
}
