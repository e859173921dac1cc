import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors';
import { localStarts } from '../../../shared/local-times';
import { type DoorData, type DoorQuery, encodeDoorCursor } from '../../../shared/visits';
import { utcToZoned } from '../../../shared/zoned-time';
import {
  cancelDoorRow,
  type DoorDetail,
  doorsByIds,
  findDoor,
  insertDoors,
  listDoors,
  overlapsFor,
  type StoredDoor,
} from '../db/repositories/doors';
import { creditsFor, findStrategy } from '../db/repositories/strategies';
import { bookedVisitors, cancelVisits, myVisitsAt, type StoredVisit } from '../db/repositories/visits';
import type { Actor } from './actor';
import { authorize, door as doorRecord, strategy as strategyRecord } from './policies';
import { requireSchoolDay, schoolDayOf } from './school-day';

/** A door as the asker sees it: their own booking, and the visitors' names when they are the host. */
export interface DoorView {
  row: DoorDetail;
  myVisit: { id: string; status: 'booked' | 'cancelled' } | null;
  visitors: Array<{ id: string; name: string }> | null;
}

/** Adds what the asker may see of each door's bookings. */
export async function viewDoors(
  actor: Actor,
  rows: DoorDetail[],
  /**
   * The asker's visits at these doors when the caller has them already (their own visits' doors: a person has at most
   * one visit per door), so they are not read again; otherwise they are looked up.
   */
  known?: ReadonlyArray<Pick<StoredVisit, 'id' | 'doorId' | 'status'>>,
): Promise<DoorView[]> {
  const ids = rows.map((r) => r.id);
  const mine = new Map(
    (known ?? (await myVisitsAt(actor.scope, actor.personId, ids))).map((v) => [v.doorId, v]),
  );
  const hostedIds = rows.filter((r) => r.hostId === actor.personId).map((r) => r.id);
  const visitors = new Map<string, Array<{ id: string; name: string }>>();
  for (const v of await bookedVisitors(actor.scope, hostedIds)) {
    visitors.set(v.doorId, [...(visitors.get(v.doorId) ?? []), { id: v.id, name: v.name }]);
  }
  return rows.map((row) => {
    const visit = mine.get(row.id);
    return {
      row,
      myVisit: visit ? { id: visit.id, status: visit.status } : null,
      visitors: row.hostId === actor.personId ? (visitors.get(row.id) ?? []) : null,
    };
  });
}

/** A door in the asker's network that they may see (round classrooms only for the people in them). */
export async function visibleDoor(actor: Actor, id: string): Promise<DoorDetail> {
  const row = await findDoor(actor.scope, id);
  if (!row || row.networkId !== actor.networkId) throw new NotFoundError('errors.not-found.door');
  if (row.roundId && row.hostId !== actor.personId) {
    const [view] = await viewDoors(actor, [row]);
    if (!view?.myVisit) throw new NotFoundError('errors.not-found.door');
  }
  return row;
}

/**
 * Opens a host's door for one of their approved strategies, once or weekly for several weeks. Each week keeps the
 * same local wall-clock time in the host's zone, so the UTC instant moves across a DST change; a week whose time the
 * clocks skip, or show twice when the host did not say which, refuses the whole request; so does a week outside the
 * school day (a day without periods, before the first bell or after the last) unless the host confirmed it.
 */
export async function openDoors(
  actor: Actor,
  data: DoorData,
  now: Date,
): Promise<{ views: DoorView[]; seriesId: string | null }> {
  const starts = localStarts({
    date: data.date,
    start: data.start,
    timeZone: data.timeZone,
    weeks: data.repeatWeeks,
    occurrence: data.occurrence,
  });
  const strategy = await findStrategy(actor.scope, data.strategyId);
  if (!strategy || strategy.networkId !== actor.networkId || strategy.mergedIntoId)
    throw new ValidationError('errors.door.strategy', [
      { path: 'strategyId', message: 'errors.door.strategy-field' },
    ]);
  const credited = ((await creditsFor(actor.scope, [strategy.id])).get(strategy.id) ?? []).map((c) => c.id);
  authorize(actor, 'host', strategyRecord(strategy, credited));
  if (strategy.status !== 'approved' && strategy.status !== 'featured')
    throw new ValidationError('errors.door.pending', [
      { path: 'strategyId', message: 'errors.door.pending-field' },
    ]);

  if (starts[0]!.getTime() <= now.getTime())
    throw new ValidationError('errors.time.past', [{ path: 'date', message: 'errors.door.past-field' }]);
  requireSchoolDay(
    await schoolDayOf(actor),
    data.timeZone,
    starts.map((start) => ({ start, end: new Date(start.getTime() + data.minutes * 60_000) })),
    data.confirmOutsideSchoolDay,
  );
  const stamp = now.toISOString();
  const seriesId = starts.length > 1 ? randomUUID() : null;
  const rows: StoredDoor[] = starts.map((start) => ({
    id: randomUUID(),
    networkId: actor.networkId,
    hostId: actor.personId,
    strategyId: strategy.id,
    roundId: null,
    seriesId,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + data.minutes * 60_000).toISOString(),
    minutes: data.minutes,
    timeZone: data.timeZone,
    location: data.location,
    capacity: data.capacity,
    booked: 0,
    visitorNote: data.visitorNote,
    lookFor: data.lookFor,
    status: 'open',
    sequence: 0,
    createdAt: stamp,
    updatedAt: stamp,
  }));
  for (const row of rows) {
    const clash = await overlapsFor(actor.scope, actor.personId, row.startsAt, row.endsAt, '');
    if (clash.hosting > 0 || clash.visiting > 0) {
      const local = utcToZoned(row.startsAt, data.timeZone);
      throw new ConflictError('VISIT_OVERLAP', {
        key: clash.hosting > 0 ? 'errors.door.overlap-hosting' : 'errors.door.overlap-visiting',
        params: { date: local.date, time: local.time },
      });
    }
  }
  await actor.scope.transaction((scope) => insertDoors(scope, rows));
  const created = await doorsByIds(
    actor.scope,
    rows.map((r) => r.id),
  );
  created.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { views: await viewDoors(actor, created), seriesId };
}

/**
 * One page of the doors in the asker's network starting in [from, to), in start order, and the cursor of the page
 * after it (null on the last page).
 */
export async function findDoors(
  actor: Actor,
  query: DoorQuery,
): Promise<{ views: DoorView[]; nextCursor: string | null }> {
  const after = query.cursor;
  const rows = await listDoors(actor.scope, {
    networkId: actor.networkId,
    from: new Date(query.from).toISOString(),
    to: new Date(query.to).toISOString(),
    viewerId: actor.personId,
    ...(query.strategyId ? { strategyId: query.strategyId } : {}),
    ...(query.subject ? { subject: query.subject } : {}),
    ...(query.tag ? { tag: query.tag } : {}),
    ...(query.mine ? { hostId: actor.personId } : {}),
    ...(after ? { after: { startsAt: after.s, id: after.i } } : {}),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last ? encodeDoorCursor({ s: last.startsAt, i: last.id }) : null;
  return { views: await viewDoors(actor, page), nextCursor };
}

export async function getDoor(actor: Actor, id: string): Promise<DoorView> {
  return (await viewDoors(actor, [await visibleDoor(actor, id)]))[0]!;
}

/**
 * The host cancels: the door closes and every booked visitor's visit is cancelled "by the host". A round's slot is
 * declined instead (domain/round-hosts.ts), with a reason, so the coach who planned it is told and can move the group.
 */
export async function cancelDoor(actor: Actor, id: string, now: Date): Promise<DoorView> {
  const door = await visibleDoor(actor, id);
  authorize(actor, 'cancel', doorRecord(door));
  if (door.roundId) throw new ConflictError('CONFLICT', 'errors.door.round-slot');
  const stamp = now.toISOString();
  await actor.scope.transaction(async (scope) => {
    if (await cancelDoorRow(scope, id, stamp)) await cancelVisits(scope, { doorId: id }, 'host', stamp);
  });
  return getDoor(actor, id);
}
