import type { VisitTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

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

/** A new booking as first stored: booked, event sequence 0, no thanks yet. */
export function bookedVisit(
  id: string,
  doorId: string,
  visitorId: string,
  times: { startsAt: string; endsAt: string },
  stamp: string,
): StoredVisit {
  return {
    id,
    doorId,
    visitorId,
    status: 'booked',
    cancelledBy: null,
    sequence: 0,
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    createdAt: stamp,
    updatedAt: stamp,
    thanksMessage: null,
    thankedAt: null,
  };
}

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

/** Serialises one person's bookings on PostgreSQL (SQLite runs one write transaction at a time anyway). */
export async function lockPerson(scope: TenantScope, personId: string): Promise<void> {
  if (scope.dialect !== 'postgres') return;
  await scope.selectFrom('people').select('id').where('id', '=', personId).forUpdate().execute();
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

/**
 * One page of a person's visits on one side of `at`: upcoming (ending after `at`) in (ends_at, id) order, or past
 * (ended by `at`) in the reverse order, newest first; `after` is the last visit of the page before. Each reads one
 * range of visits_visitor_end (tenant, visitor, ends_at, id), forwards or backwards, so no sort runs.
 */
export async function visitPage(
  scope: TenantScope,
  personId: string,
  f: { part: 'upcoming' | 'past'; at: string; after?: { endsAt: string; id: string }; limit: number },
): Promise<StoredVisit[]> {
  const upcoming = f.part === 'upcoming';
  let q = scope
    .selectFrom('visits')
    .selectAll()
    .where('visitor_id', '=', personId)
    .where('ends_at', upcoming ? '>' : '<=', f.at);
  if (f.after) {
    const { endsAt, id } = f.after;
    // (ends_at, id) after the cursor, written as a bound on ends_at (the index range) and a filter on the rows at that
    // bound: SQLite answers a row comparison read backwards (`(ends_at, id) < (?, ?)`) with a sort.
    q = q
      .where('ends_at', upcoming ? '>=' : '<=', endsAt)
      .where((eb) =>
        eb.or([eb('ends_at', upcoming ? '>' : '<', endsAt), eb('id', upcoming ? '>' : '<', id)]),
      );
  }
  const direction = upcoming ? 'asc' : 'desc';
  const rows = await q.orderBy('ends_at', direction).orderBy('id', direction).limit(f.limit).execute();
  return rows.map(toVisit);
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
