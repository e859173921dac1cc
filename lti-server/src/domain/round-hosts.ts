import { randomUUID } from 'node:crypto';
import { type ErrorText, NotFoundError, ValidationError, ConflictError } from '../../../shared/errors';
import {
  type DeclineInput,
  type HostLookForData,
  hostLookForText,
  type ReplanData,
  type RoundHosting,
  roundLookFors,
} from '../../../shared/round-hosts';
import type { Round } from '../../../shared/rounds';
import { utcToZoned } from '../../../shared/zoned-time';
import { cancelDoorRow, findDoor, insertDoors, overlapsFor } from '../db/repositories/doors';
import { staffOf } from '../db/repositories/people';
import {
  closeDeclineNotice,
  declineReasons,
  declinesOfRounds,
  hostChoiceOf,
  insertDecline,
  markReplanned,
  type RoundDoor,
  roundDoorsOf,
  clearHostChoice,
  saveHostChoice,
  setHostLookFor,
  visitorsCancelledByHost,
} from '../db/repositories/round-hosts';
import { findRound, insertNotice, type StoredRound } from '../db/repositories/rounds';
import { bookedVisit, cancelVisits, insertVisits } from '../db/repositories/visits';
import { type Actor, defaultLocation, someoneWhoLeft } from './actor';
import { visibleDoor } from './doors';
import { checkText } from './notes';
import { authorize, door as doorRecord } from './policies';
import { bookedThen, clashText, getRound } from './rounds';

/** A published round of the asker's network in which the asker hosts: its row and the asker's doors in it. */
async function hostedRound(
  actor: Actor,
  roundId: string,
): Promise<{ round: StoredRound; doors: RoundDoor[] }> {
  const round = await findRound(actor.scope, roundId);
  if (!round || round.networkId !== actor.networkId || round.status !== 'published')
    throw new NotFoundError('errors.not-found.round');
  const doors = await roundDoorsOf(actor.scope, roundId, actor.personId);
  // Only the round's hosts see it this way; to anyone else it does not exist.
  if (doors.length === 0) throw new NotFoundError('errors.not-found.round');
  return { round, doors };
}

const upcoming = (doors: RoundDoor[], now: Date) =>
  doors.filter((d) => d.status === 'open' && Date.parse(d.startsAt) > now.getTime());

/** A round as its host sees it: the focus, the look-fors to choose from, their choice and their own slots. */
export async function roundHosting(actor: Actor, roundId: string, now: Date): Promise<RoundHosting> {
  const { round, doors } = await hostedRound(actor, roundId);
  const [choice, reasons, staff] = await Promise.all([
    hostChoiceOf(actor.scope, roundId, actor.personId),
    declineReasons(
      actor.scope,
      doors.map((d) => d.id),
    ),
    staffOf(actor.scope),
  ]);
  const next = upcoming(doors, now);
  return {
    round: {
      id: round.id,
      title: round.title,
      focus: { kind: round.focusKind, value: round.focusValue },
      plannedBy: {
        id: round.createdBy,
        name: staff.find((p) => p.id === round.createdBy)?.name ?? someoneWhoLeft(actor),
      },
    },
    lookFors: roundLookFors(round.lookFor),
    choice: choice ? { picked: choice.picked, own: choice.own } : null,
    lookFor: (next[0] ?? doors[0])?.lookFor ?? round.lookFor,
    canChoose: next.length > 0,
    slots: doors.map((d) => {
      const reason = reasons.get(d.id) ?? null;
      const status = reason !== null ? 'declined' : d.status === 'cancelled' ? 'cancelled' : 'open';
      return {
        doorId: d.id,
        startsAt: d.startsAt,
        endsAt: d.endsAt,
        location: d.location,
        visitors: d.booked,
        status,
        declineReason: reason,
        canDecline: status === 'open' && Date.parse(d.startsAt) > now.getTime(),
      };
    }),
  };
}

/**
 * The host chooses what visitors look for in their room: some of the round's look-fors (the round's focus stays their
 * heading) and/or one of their own, which never names anyone. Their slots that have not started carry it.
 */
export async function chooseLookFor(
  actor: Actor,
  roundId: string,
  data: HostLookForData,
  now: Date,
): Promise<RoundHosting> {
  const { round, doors } = await hostedRound(actor, roundId);
  authorize(actor, 'choose-look-for', doorRecord(doors[0]!));
  if (upcoming(doors, now).length === 0)
    throw new ConflictError('CONFLICT', 'errors.round-host.look-for-closed');
  const offered = roundLookFors(round.lookFor);
  const unknown = data.picked.filter((p) => !offered.includes(p));
  if (unknown.length > 0)
    throw new ValidationError(
      'errors.round-host.look-for-unknown',
      unknown.map((lookFor) => ({
        path: 'picked',
        message: { key: 'errors.round-host.look-for-unknown-field', params: { lookFor } },
      })),
    );
  if (data.own)
    await checkText(actor, data.own, true, {
      neverNames: 'errors.look-for.never-names',
      readsAs: 'errors.look-for.reads-as',
      namesOnly: true,
    });
  const stamp = now.toISOString();
  await actor.scope.transaction(async (scope) => {
    await saveHostChoice(scope, {
      roundId,
      hostId: actor.personId,
      picked: data.picked,
      own: data.own,
      updatedAt: stamp,
    });
    await setHostLookFor(scope, roundId, actor.personId, hostLookForText(data.picked, data.own), stamp);
  });
  return roundHosting(actor, roundId, now);
}

/**
 * The host goes back to the round's look-for: their choice is forgotten, and their slots that have not started carry
 * the round's look-for again (visitors' calendars move on, as for any change).
 */
export async function resetLookFor(actor: Actor, roundId: string, now: Date): Promise<RoundHosting> {
  const { round, doors } = await hostedRound(actor, roundId);
  authorize(actor, 'choose-look-for', doorRecord(doors[0]!));
  if (upcoming(doors, now).length === 0)
    throw new ConflictError('CONFLICT', 'errors.round-host.look-for-closed');
  const stamp = now.toISOString();
  await actor.scope.transaction(async (scope) => {
    await clearHostChoice(scope, roundId, actor.personId);
    await setHostLookFor(scope, roundId, actor.personId, round.lookFor, stamp);
  });
  return roundHosting(actor, roundId, now);
}

/**
 * The host declines one slot of their room before it starts, saying why: the slot closes (its visitors see it
 * canceled by the host), and the coach who planned the round reads the reason under "Needs your attention", where
 * they can move the group to another room. The reason never names anyone (no student names are saved).
 */
export async function declineSlot(
  actor: Actor,
  doorId: string,
  { reason }: DeclineInput,
  now: Date,
): Promise<RoundHosting> {
  const door = await visibleDoor(actor, doorId);
  if (!door.roundId) throw new ConflictError('CONFLICT', 'errors.round-host.open-door');
  authorize(actor, 'decline', doorRecord(door));
  if (door.status !== 'open') throw new ConflictError('CONFLICT', 'errors.round-host.declined');
  if (Date.parse(door.startsAt) <= now.getTime())
    throw new ConflictError('CONFLICT', 'errors.round-host.decline-started');
  await checkText(actor, reason, true, {
    neverNames: 'errors.decline-reason.never-names',
    readsAs: 'errors.decline-reason.reads-as',
    namesOnly: true,
  });
  const round = await findRound(actor.scope, door.roundId);
  if (!round) throw new NotFoundError('errors.not-found.round');
  const stamp = now.toISOString();
  await actor.scope.transaction(async (scope) => {
    if (!(await cancelDoorRow(scope, door.id, stamp)))
      throw new ConflictError('CONFLICT', 'errors.round-host.declined');
    await cancelVisits(scope, { doorId: door.id }, 'host', stamp);
    await insertDecline(scope, {
      id: randomUUID(),
      roundId: round.id,
      doorId: door.id,
      hostId: actor.personId,
      reason,
      createdAt: stamp,
      replannedDoorId: null,
      replannedAt: null,
    });
    await insertNotice(scope, {
      id: randomUUID(),
      roundId: round.id,
      coachId: round.createdBy,
      personId: actor.personId,
      doorId: door.id,
      kind: 'slot_declined',
      reason,
      createdAt: stamp,
      seenAt: null,
    });
  });
  return roundHosting(actor, round.id, now);
}

/**
 * The coach re-plans a declined slot: the group that was booked into it visits another colleague's room at the same
 * time. Refused, naming who, when the new host or one of the visitors is already booked then.
 */
export async function replanDecline(
  actor: Actor,
  roundId: string,
  declineId: string,
  data: ReplanData,
  now: Date,
): Promise<Round> {
  await getRound(actor, roundId); // coaches only, and the round must be this network's
  const decline = (await declinesOfRounds(actor.scope, [roundId]))
    .get(roundId)
    ?.find((d) => d.id === declineId);
  if (!decline) throw new NotFoundError('errors.not-found.declined-slot');
  if (decline.replanned || decline.replannedAt)
    throw new ConflictError('CONFLICT', 'errors.round-host.replanned');
  const door = await findDoor(actor.scope, decline.doorId);
  const round = await findRound(actor.scope, roundId);
  if (!door || !round) throw new NotFoundError('errors.not-found.declined-slot');
  if (Date.parse(door.startsAt) <= now.getTime())
    throw new ConflictError('CONFLICT', 'errors.round-host.replan-started');
  const names = new Map((await staffOf(actor.scope)).map((p) => [p.id, p.name]));
  const hostName = names.get(data.hostId);
  if (!hostName)
    throw new ValidationError('errors.round-host.colleague', [
      { path: 'hostId', message: 'errors.round-host.colleague-field' },
    ]);
  if (data.hostId === decline.hostId)
    throw new ValidationError('errors.round-host.same-host', [
      { path: 'hostId', message: 'errors.round-host.same-host-field' },
    ]);
  const visitors = await visitorsCancelledByHost(actor.scope, door.id);
  if (visitors.includes(data.hostId))
    throw new ValidationError({ key: 'errors.round-host.visitor', params: { name: hostName } }, [
      { path: 'hostId', message: 'errors.round-host.visitor-field' },
    ]);
  if (visitors.length === 0) throw new ConflictError('CONFLICT', 'errors.round-host.no-group');
  const stamp = now.toISOString();
  const choice = await hostChoiceOf(actor.scope, roundId, data.hostId);
  const newDoorId = randomUUID();
  await actor.scope.transaction(async (scope) => {
    const clashes: ErrorText[] = [];
    for (const person of [data.hostId, ...visitors]) {
      const clash = await overlapsFor(scope, person, door.startsAt, door.endsAt, '');
      if (clash.visiting + clash.hosting > 0)
        clashes.push(
          clashText(
            names.get(person) ?? { key: 'errors.round.someone-left' },
            clash.hosting > 0,
            utcToZoned(door.startsAt, door.timeZone).time,
          ),
        );
    }
    if (clashes.length > 0) throw bookedThen(clashes, 'hostId');
    await insertDoors(scope, [
      {
        id: newDoorId,
        networkId: round.networkId,
        hostId: data.hostId,
        strategyId: null,
        roundId,
        seriesId: null,
        startsAt: door.startsAt,
        endsAt: door.endsAt,
        minutes: door.minutes,
        timeZone: door.timeZone,
        location: data.location ?? defaultLocation(actor, hostName),
        capacity: visitors.length,
        booked: visitors.length,
        visitorNote: door.visitorNote,
        lookFor: choice ? hostLookForText(choice.picked, choice.own) : round.lookFor,
        status: 'open',
        sequence: 0,
        createdAt: stamp,
        updatedAt: stamp,
      },
    ]);
    await insertVisits(
      scope,
      visitors.map((visitorId) => bookedVisit(randomUUID(), newDoorId, visitorId, door, stamp)),
    );
    // Last, once the door it points to exists; a second coach re-planning at the same moment rolls back here.
    if (!(await markReplanned(scope, decline.id, newDoorId, stamp)))
      throw new ConflictError('CONFLICT', 'errors.round-host.replanned');
    await closeDeclineNotice(scope, door.id, stamp);
  });
  return getRound(actor, roundId);
}
