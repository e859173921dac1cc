import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors';
import {
  encodeVisitCursor,
  type VisitCancelData,
  type VisitInput,
  type VisitQuery,
} from '../../../shared/visits';
import { doorsByIds, overlapsFor, releaseSeat, takeSeat } from '../db/repositories/doors';
import { findRound, insertNotice } from '../db/repositories/rounds';
import {
  bookedVisit,
  cancelVisits,
  findVisit,
  findVisitOf,
  insertVisits,
  lockPerson,
  rebookVisit,
  type StoredVisit,
  visitPage,
  visitsOf,
} from '../db/repositories/visits';
import type { Actor } from './actor';
import { type DoorView, viewDoors, visibleDoor } from './doors';
import { CANCEL_REASON_TEXT, checkText } from './notes';
import { authorize, door as doorRecord } from './policies';

export interface VisitView {
  row: StoredVisit;
  door: DoorView;
}

/** How far back "my visits" and the calendar feed reach, so a recent cancellation is still seen. */
export const RECENT_DAYS = 30;

/** The asker's own visits with their doors (a visit is its door's only one for its visitor: visits_door_visitor). */
async function withDoors(actor: Actor, rows: StoredVisit[]): Promise<VisitView[]> {
  const doors = await viewDoors(
    actor,
    await doorsByIds(
      actor.scope,
      rows.map((r) => r.doorId),
    ),
    rows,
  );
  const byId = new Map(doors.map((d) => [d.row.id, d]));
  return rows.flatMap((row) => {
    const door = byId.get(row.doorId);
    return door ? [{ row, door }] : [];
  });
}

async function viewOf(actor: Actor, id: string): Promise<VisitView> {
  const row = await findVisit(actor.scope, id);
  if (!row || row.visitorId !== actor.personId) throw new NotFoundError('errors.not-found.visit');
  const [view] = await withDoors(actor, [row]);
  if (!view) throw new NotFoundError('errors.not-found.visit');
  return view;
}

/**
 * Books a seat, before the door opens; `onTheSpot` (a visitor who scanned the door's sign) also until it closes. Safe
 * under concurrency: the seat is taken by one conditional update (`booked < capacity`), so
 * parallel requests for the last seat cannot both win; one person's bookings are serialised so two overlapping
 * visits cannot both pass the overlap check. Booking a door one already holds returns that visit.
 */
export async function bookVisit(
  actor: Actor,
  { doorId }: VisitInput,
  now: Date,
  { onTheSpot = false }: { onTheSpot?: boolean } = {},
): Promise<{ view: VisitView; created: boolean }> {
  const door = await visibleDoor(actor, doorId);
  authorize(actor, 'book', doorRecord(door));
  if (door.status !== 'open') throw new ConflictError('CONFLICT', 'errors.visit.door-canceled');
  if (onTheSpot && Date.parse(door.endsAt) <= now.getTime())
    throw new ConflictError('CONFLICT', 'errors.visit.over');
  if (!onTheSpot && Date.parse(door.startsAt) <= now.getTime())
    throw new ConflictError('CONFLICT', 'errors.visit.started');
  const stamp = now.toISOString();

  const outcome = await actor.scope.transaction(async (scope) => {
    await lockPerson(scope, actor.personId);
    const existing = await findVisitOf(scope, doorId, actor.personId);
    if (existing?.status === 'booked') return { id: existing.id, created: false };
    const clash = await overlapsFor(scope, actor.personId, door.startsAt, door.endsAt, doorId);
    if (clash.visiting > 0 || clash.hosting > 0)
      throw new ConflictError(
        'VISIT_OVERLAP',
        clash.hosting > 0 ? 'errors.visit.hosting' : 'errors.visit.booked',
      );
    if (!(await takeSeat(scope, doorId, stamp))) throw new ConflictError('DOOR_FULL', 'errors.visit.full');
    if (existing) {
      await rebookVisit(scope, existing.id, stamp);
      return { id: existing.id, created: true };
    }
    const id = randomUUID();
    await insertVisits(scope, [bookedVisit(id, doorId, actor.personId, door, stamp)]);
    return { id, created: true };
  });
  return { view: await viewOf(actor, outcome.id), created: outcome.created };
}

/**
 * Cancels the asker's visit. A round visit needs a short reason, checked for names like a note, and leaves a notice
 * with it for the coach who planned the round; an open door's visit cancels without one (a reason given is not kept).
 */
export async function cancelVisit(
  actor: Actor,
  id: string,
  { reason }: VisitCancelData,
  now: Date,
): Promise<VisitView> {
  const view = await viewOf(actor, id);
  if (view.row.status === 'booked') {
    const stamp = now.toISOString();
    const roundId = view.door.row.roundId;
    if (roundId) {
      if (!reason)
        throw new ValidationError('errors.visit.reason', [
          { path: 'reason', message: 'errors.visit.reason-field' },
        ]);
      await checkText(actor, reason, false, CANCEL_REASON_TEXT);
    }
    await actor.scope.transaction(async (scope) => {
      if ((await cancelVisits(scope, { visitId: id }, 'visitor', stamp)) !== 1) return;
      await releaseSeat(scope, view.row.doorId, stamp);
      // A round visit was planned for a group: its coach is told, on their rounds page, that the group is one short.
      const round = roundId ? await findRound(scope, roundId) : undefined;
      if (round)
        await insertNotice(scope, {
          id: randomUUID(),
          roundId: round.id,
          coachId: round.createdBy,
          personId: actor.personId,
          doorId: view.row.doorId,
          kind: 'visit_cancelled',
          reason,
          createdAt: stamp,
          seenAt: null,
        });
    });
  }
  return viewOf(actor, id);
}

/**
 * One page of the asker's visits (GET /api/visits): the upcoming ones (not over at `now`, or at the instant the first
 * page fixed) soonest end first, then the past ones newest first, and the cursor of the page after it (null on the
 * last page). A page reads at most two index ranges: the rest of the upcoming ones, then the start of the past ones.
 */
export async function myVisitPage(
  actor: Actor,
  query: VisitQuery,
  now: Date,
): Promise<{ views: VisitView[]; nextCursor: string | null }> {
  const cursor = query.cursor;
  const at = cursor?.a ?? now.toISOString();
  const rows: Array<{ part: 'upcoming' | 'past'; row: StoredVisit }> = [];
  const after = (part: 'upcoming' | 'past') =>
    cursor?.p === part ? { after: { endsAt: cursor.e, id: cursor.i } } : {};
  if (cursor?.p !== 'past') {
    const upcoming = await visitPage(actor.scope, actor.personId, {
      part: 'upcoming',
      at,
      ...after('upcoming'),
      limit: query.limit + 1,
    });
    rows.push(...upcoming.map((row) => ({ part: 'upcoming' as const, row })));
  }
  if (rows.length <= query.limit) {
    const past = await visitPage(actor.scope, actor.personId, {
      part: 'past',
      at,
      ...after('past'),
      limit: query.limit + 1 - rows.length,
    });
    rows.push(...past.map((row) => ({ part: 'past' as const, row })));
  }
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeVisitCursor({ a: at, p: last.part, e: last.row.endsAt, i: last.row.id })
      : null;
  return {
    views: await withDoors(
      actor,
      page.map((r) => r.row),
    ),
    nextCursor,
  };
}

/** The asker's visits starting at or after RECENT_DAYS ago (at most 500): what the calendar feed lists. */
export async function myVisits(actor: Actor, now: Date): Promise<VisitView[]> {
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  return withDoors(actor, await visitsOf(actor.scope, actor.personId, since));
}

export async function getVisit(actor: Actor, id: string): Promise<VisitView> {
  return viewOf(actor, id);
}
