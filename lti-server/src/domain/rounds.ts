import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  ConflictError,
  type ErrorText,
  InternalError,
  NotFoundError,
  renderWords,
  UnprocessableError,
  ValidationError,
} from '../../../shared/errors';
import { type Problem, problemText } from '../../../shared/problems';
import { localStarts } from '../../../shared/local-times';
import type {
  Round,
  RoundData,
  RoundGroupsInput,
  RoundNotice,
  RoundPublishData,
} from '../../../shared/rounds';
import {
  type PlanInput,
  planFromGroups,
  planRound,
  planTradeoffs,
  type RoundPlan,
  tradeoffProblem,
  withNames,
} from '../../../shared/rounds-planner';
import { readLocalTime, utcToZoned, zonedToUtc } from '../../../shared/zoned-time';
import { insertDoors, overlapsFor, type StoredDoor } from '../db/repositories/doors';
import { staffOf } from '../db/repositories/people';
import {
  deleteDraft,
  findRound,
  insertRound,
  markNoticeSeen,
  openNoticesOf,
  roundsOf,
  type StoredRound,
  updateDraft,
} from '../db/repositories/rounds';
import { type DeclineDetail, declinesOfRounds } from '../db/repositories/round-hosts';
import { bookedVisit, insertVisits } from '../db/repositories/visits';
import type { Database } from '../db/schema';
import { type Actor, defaultLocation, Names, someoneWhoLeft } from './actor';
import { requireActiveCycle } from './cycles';
import { authorize } from './policies';
import { courseColleagues, type MemberSource } from './roster';
import { requireSchoolDay, schoolDayOf } from './school-day';

/** Everyone's name in the asker's school (person id → name), and the name said for someone who left. */
export async function namesOf(actor: Actor): Promise<Names> {
  return new Names(
    (await staffOf(actor.scope)).map((p) => [p.id, p.name]),
    someoneWhoLeft(actor),
  );
}

/**
 * The planner speaks in ids; a coach reads names. Each problem goes whole with its field (`fields[].problem`), so the
 * app says it in its reader's language; the messages are in the asker's.
 */
function unplannable(problems: Problem[], names: Names): UnprocessableError {
  const named = problems.map((p) => ({ problem: withNames(p, (id) => names.get(id)) }));
  return new UnprocessableError(
    'ROUND_UNPLANNABLE',
    { key: 'errors.round.unplannable', params: { problems: { items: named, separator: ' ' } } },
    named.map((message) => ({ path: 'plan', message })),
  );
}

/** What the plan costs, with names; someone no longer in the school is said as such in each reader's language. */
function tradeoffsOf(row: StoredRound, plan: RoundPlan, names: Names) {
  return planTradeoffs(planInput(row), plan).map((t) => ({
    kind: t.kind,
    problem: tradeoffProblem(
      t,
      (id): string | Problem => names.get(id) ?? { key: 'errors.round.someone-left' },
    ),
  }));
}

/** "Ana is already hosting at 09:00." */
export function clashText(name: string | ErrorText, hosting: boolean, time: string): ErrorText {
  return {
    key: hosting ? 'errors.round.clash-hosting' : 'errors.round.clash-visiting',
    params: { name, time },
  };
}

/** VISIT_OVERLAP naming who is booked then, each once. */
export function bookedThen(clashes: readonly ErrorText[], path: string): ConflictError {
  const once = [...new Map(clashes.map((c) => [renderWords(c, 'en'), c])).values()];
  return new ConflictError(
    'VISIT_OVERLAP',
    { key: 'errors.round.booked-then', params: { clashes: { items: once, separator: ' ' } } },
    once.map((message) => ({ path, message })),
  );
}

function planInput(row: StoredRound): PlanInput {
  return {
    participants: row.participants,
    hosts: row.hosts.map((h) => h.id),
  };
}

/** The rotation is not stored: it is made again from the stored groups, so it always follows the planner's rules. */
function planOf(row: StoredRound): RoundPlan {
  const result = planFromGroups(planInput(row), row.groups);
  if (!result.ok) throw new InternalError('errors.round.stored-unplannable');
  return result.plan;
}

function slotTimes(row: StoredRound, slot: number): { startsAt: string; endsAt: string } {
  // Checked when the round was made; rounds stored before that read a skipped time forward and a repeated one early.
  const first = zonedToUtc(row.date, row.start, row.timeZone, row.startOccurrence ?? 'earlier').getTime();
  const start = first + slot * (row.slotMinutes + row.gapMinutes) * 60_000;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + row.slotMinutes * 60_000).toISOString(),
  };
}

/** A stored round as everyone reads it: names, the groups and the rotation with its times, what the plan costs. */
export function present(row: StoredRound, names: Names, declines: DeclineDetail[] = []): Round {
  const plan = planOf(row);
  const person = (id: string) => ({ id, name: names.of(id) });
  return {
    id: row.id,
    title: row.title,
    focus: { kind: row.focusKind, value: row.focusValue },
    date: row.date,
    start: row.start,
    timeZone: row.timeZone,
    occurrence: row.startOccurrence,
    slotMinutes: row.slotMinutes,
    gapMinutes: row.gapMinutes,
    lookFor: row.lookFor,
    status: row.status,
    cycleId: row.cycleId,
    participants: row.participants.map(person),
    hosts: row.hosts.map((h) => ({ ...person(h.id), location: h.location })),
    groups: plan.groups,
    slots: plan.slots.map((visits, s) => ({
      ...slotTimes(row, s),
      visits: visits.map((v) => ({ hostId: v.hostId, group: v.group, visitorIds: v.visitorIds })),
    })),
    // In US English, like a debrief's `needs`: the app says each `problem` in its reader's language.
    tradeoffs: tradeoffsOf(row, plan, names).map((t) => ({
      kind: t.kind,
      message: problemText(t.problem, 'en'),
      problem: t.problem,
    })),
    declines: declines.map((d) => ({
      id: d.id,
      hostId: d.hostId,
      startsAt: d.startsAt,
      reason: d.reason,
      declinedAt: d.createdAt,
      replanned: d.replanned
        ? {
            host: { id: d.replanned.hostId, name: d.replanned.hostName ?? names.left },
            location: d.replanned.location,
          }
        : null,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function draftOf(actor: Actor, id: string): Promise<StoredRound> {
  authorize(actor, 'plan', 'round');
  const row = await findRound(actor.scope, id);
  if (!row || row.networkId !== actor.networkId) throw new NotFoundError('errors.not-found.round');
  return row;
}

/** Staff a coach can choose from: everyone who opened the tool, and the course roster's staff when the LMS offers it. */
export async function people(actor: Actor, db: Kysely<Database>, lms: MemberSource) {
  authorize(actor, 'plan', 'round');
  // Reading the roster stores its staff as people. When the LMS cannot be reached, or the menu is school-wide
  // (no single course roster), the people who opened the tool are still a useful list.
  await courseColleagues(actor, db, lms).catch(() => undefined);
  return staffOf(actor.scope);
}

export async function createRound(actor: Actor, data: RoundData, now: Date): Promise<Round> {
  authorize(actor, 'plan', 'round');
  const [first] = localStarts(data);
  const names = await namesOf(actor);
  const unknown = [...data.participantIds, ...data.hostIds].filter((id) => !names.has(id));
  if (unknown.length > 0)
    throw new ValidationError('errors.people.unknown', [
      {
        path: 'participantIds',
        message: { key: 'errors.people.unknown-field', params: { count: unknown.length } },
      },
    ]);
  if (first!.getTime() <= now.getTime())
    throw new ValidationError('errors.time.past', [{ path: 'date', message: 'errors.round.future-field' }]);
  if (data.cycleId) await requireActiveCycle(actor, data.cycleId);
  const result = planRound({
    participants: data.participantIds,
    hosts: data.hostIds,
    seed: randomInt(1, 2 ** 31),
  });
  if (!result.ok) throw unplannable(result.problems, names);
  // The whole morning, first visit to last, on the school's clock; across periods is fine, outside the day is asked.
  const span = (result.plan.slots.length - 1) * (data.slotMinutes + data.gapMinutes) + data.slotMinutes;
  requireSchoolDay(
    await schoolDayOf(actor),
    data.timeZone,
    [{ start: first!, end: new Date(first!.getTime() + span * 60_000) }],
    data.confirmOutsideSchoolDay,
  );
  const stamp = now.toISOString();
  const row: StoredRound = {
    id: randomUUID(),
    networkId: actor.networkId,
    createdBy: actor.personId,
    title: data.title,
    focusKind: data.focus.kind,
    focusValue: data.focus.value,
    date: data.date,
    start: data.start,
    timeZone: data.timeZone,
    // Kept only where it matters, so a stored choice always means the start happens twice.
    startOccurrence:
      readLocalTime(data.date, data.start, data.timeZone).kind === 'repeated'
        ? (data.occurrence ?? null)
        : null,
    slotMinutes: data.slotMinutes,
    gapMinutes: data.gapMinutes,
    lookFor: data.lookFor,
    status: 'draft',
    participants: data.participantIds,
    hosts: data.hostIds.map((id) => ({
      id,
      location: data.locations[id]?.trim() || defaultLocation(actor, names.of(id)),
    })),
    groups: result.plan.groups,
    createdAt: stamp,
    updatedAt: stamp,
    debriefPhase: 'description',
    prediction: null,
    nextLevel: null,
    summarizedAt: null,
    cycleId: data.cycleId || null,
  };
  await insertRound(actor.scope, row);
  return present(row, names);
}

export async function listRounds(actor: Actor): Promise<Round[]> {
  authorize(actor, 'plan', 'round');
  const names = await namesOf(actor);
  const rows = await roundsOf(actor.scope, actor.networkId);
  const declines = await declinesOfRounds(
    actor.scope,
    rows.filter((r) => r.status === 'published').map((r) => r.id),
  );
  return rows.map((r) => present(r, names, declines.get(r.id)));
}

export async function getRound(actor: Actor, id: string): Promise<Round> {
  const row = await draftOf(actor, id);
  const declines = row.status === 'published' ? await declinesOfRounds(actor.scope, [id]) : new Map();
  return present(row, await namesOf(actor), declines.get(id));
}

const published = () => new ConflictError('CONFLICT', 'errors.round.published');

/** The coach moved people between groups: the rotation is made again from the new groups, or the problems said. */
export async function regroupRound(
  actor: Actor,
  id: string,
  { groups }: RoundGroupsInput,
  now: Date,
): Promise<Round> {
  const row = await draftOf(actor, id);
  if (row.status !== 'draft') throw published();
  const names = await namesOf(actor);
  const result = planFromGroups(planInput(row), groups);
  if (!result.ok) throw unplannable(result.problems, names);
  const patch = { groups: result.plan.groups, updatedAt: now.toISOString() };
  if (!(await updateDraft(actor.scope, id, patch))) throw published();
  return present({ ...row, ...patch }, names);
}

/**
 * Publishes the plan as bookings: one door per host and slot, already holding its group's seats. Refused, with
 * who and when, if anyone in it already visits or hosts at one of its times; refused with the plan's trade-offs
 * (422 ROUND_TRADEOFFS_UNCONFIRMED) until the coach confirms them.
 */
export async function publishRound(
  actor: Actor,
  id: string,
  { confirmTradeoffs }: RoundPublishData,
  now: Date,
): Promise<Round> {
  const row = await draftOf(actor, id);
  if (row.status !== 'draft') throw published();
  const staff = await namesOf(actor);
  const round = present(row, staff);
  const tradeoffs = tradeoffsOf(row, planOf(row), staff).map((t) => ({ problem: t.problem }));
  if (tradeoffs.length > 0 && !confirmTradeoffs)
    throw new UnprocessableError(
      'ROUND_TRADEOFFS_UNCONFIRMED',
      { key: 'errors.round.tradeoffs', params: { tradeoffs: { items: tradeoffs, separator: ' ' } } },
      tradeoffs.map((message) => ({ path: 'confirmTradeoffs', message })),
    );
  if (Date.parse(round.slots[0]?.startsAt ?? '') <= now.getTime())
    throw new ValidationError('errors.round.past', [{ path: 'date', message: 'errors.round.future-field' }]);
  const stamp = now.toISOString();
  const locations = new Map(round.hosts.map((h) => [h.id, h.location]));
  const names = new Map(round.participants.concat(round.hosts).map((p) => [p.id, p.name]));
  await actor.scope.transaction(async (scope) => {
    const clashes: ErrorText[] = [];
    const doors: StoredDoor[] = [];
    const visits: Parameters<typeof insertVisits>[1] = [];
    for (const slot of round.slots) {
      for (const v of slot.visits) {
        if (v.visitorIds.length === 0) continue;
        for (const person of [v.hostId, ...v.visitorIds]) {
          const clash = await overlapsFor(scope, person, slot.startsAt, slot.endsAt, '');
          if (clash.visiting + clash.hosting > 0) {
            const local = utcToZoned(slot.startsAt, row.timeZone);
            clashes.push(clashText(names.get(person) ?? '', clash.hosting > 0, local.time));
          }
        }
        const doorId = randomUUID();
        doors.push({
          id: doorId,
          networkId: row.networkId,
          hostId: v.hostId,
          strategyId: null,
          roundId: row.id,
          seriesId: null,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          minutes: row.slotMinutes,
          timeZone: row.timeZone,
          location: locations.get(v.hostId) ?? '',
          capacity: v.visitorIds.length,
          booked: v.visitorIds.length,
          visitorNote: `Round: ${row.title} (focus: ${row.focusValue})`,
          lookFor: row.lookFor,
          status: 'open',
          sequence: 0,
          createdAt: stamp,
          updatedAt: stamp,
        });
        for (const visitorId of v.visitorIds)
          visits.push(bookedVisit(randomUUID(), doorId, visitorId, slot, stamp));
      }
    }
    if (clashes.length > 0) throw bookedThen(clashes, 'plan');
    if (!(await updateDraft(scope, row.id, { status: 'published', updatedAt: stamp }))) throw published();
    await insertDoors(scope, doors);
    await insertVisits(scope, visits);
  });
  return getRound(actor, id);
}

export async function deleteRound(actor: Actor, id: string): Promise<void> {
  const row = await draftOf(actor, id);
  if (row.status !== 'draft' || !(await deleteDraft(actor.scope, id))) throw published();
}

/** The asking coach's open notices about the rounds they planned, newest first. */
export async function roundNotices(actor: Actor): Promise<RoundNotice[]> {
  authorize(actor, 'plan', 'round');
  return (await openNoticesOf(actor.scope, actor.personId)).map((n) => ({
    id: n.id,
    kind: n.kind,
    round: { id: n.roundId, title: n.roundTitle },
    person: { id: n.personId, name: n.personName },
    host: { name: n.hostName },
    decline: n.decline,
    startsAt: n.startsAt,
    reason: n.reason,
    createdAt: n.createdAt,
  }));
}

/** The coach has dealt with a notice: it leaves their list. */
export async function dismissNotice(actor: Actor, id: string, now: Date): Promise<void> {
  authorize(actor, 'plan', 'round');
  if (!(await markNoticeSeen(actor.scope, actor.personId, id, now.toISOString())))
    throw new NotFoundError('errors.not-found.notice');
}
