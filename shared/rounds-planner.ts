import { z } from 'zod';
import type { MessageKey } from './i18n';
import type { Problem, ProblemParam } from './problems';

/**
 * The rounds planner: splits a round's teachers into balanced groups, then rotates the groups through the hosts'
 * classrooms, one short visit per time slot. Pure and deterministic: the same input (and seed) gives the same plan.
 * Bad input is never thrown at; it comes back as problems a coach can act on: catalog words (`rounds.problem.*`)
 * that name people by id in their `person`, `host` and `other` values (`withNames` puts names there).
 */

export interface PlanInput {
  /** Ids of every teacher in the round (distinct). Hosts may also be in this list: then they are in a group and sit out the slots where their own room has visitors. */
  participants: string[];
  /** Ids of the hosts whose classrooms are visited (distinct), 1..8. A host not in participants only hosts. */
  hosts: string[];
  /** Shuffles which people go to which group; same seed, same plan. */
  seed?: number;
  /** Group size bounds, default 4 and 5. */
  minGroup?: number;
  maxGroup?: number;
}
export interface SlotVisit {
  hostId: string;
  group: number;
  visitorIds: string[];
}
export interface RoundPlan {
  /** Person ids per group (participants only). */
  groups: string[][];
  /** slots[s] = the visits happening in time slot s (at most one per host room). visitorIds = the group's members minus anyone hosting in that slot (and never the room's own host). */
  slots: SlotVisit[][];
}
export type PlanResult = { ok: true; plan: RoundPlan } | { ok: false; problems: Problem[] };

/** The values of a planner's problem that hold a person's id. */
const PERSON_PARAMS = ['person', 'host', 'other'] as const;

/** A planner's problem with the people's names where it has their ids (an unknown id stays as it is). */
export function withNames(problem: Problem, nameOf: (id: string) => string | undefined): Problem {
  if (!problem.params) return problem;
  const params: Record<string, ProblemParam> = { ...problem.params };
  for (const name of PERSON_PARAMS) {
    const id = params[name];
    if (typeof id === 'string') params[name] = nameOf(id) ?? id;
  }
  return { key: problem.key, params };
}

const MAX_HOSTS = 8;

interface Bounds {
  min: number;
  max: number;
}

/** Makes balanced groups from the participants, then the rotation. */
export function planRound(input: PlanInput): PlanResult {
  const problems = inputProblems(input);
  if (problems.length > 0) return { ok: false, problems };
  const bounds = boundsOf(input);
  const count = groupCount(input.participants.length, bounds);
  if (count === undefined) return { ok: false, problems: [splitProblem(input.participants.length, bounds)] };
  const groups = makeGroups(input, count);
  return checked(input, { groups, slots: rotate(groups, input.hosts) });
}

/** Makes the rotation for groups a coach adjusted by hand; reports problems: a person in two groups, someone not a participant, a participant left out, a group outside the size bounds, etc. */
export function planFromGroups(input: PlanInput, groups: string[][]): PlanResult {
  const problems = inputProblems(input);
  if (problems.length > 0) return { ok: false, problems };
  if (!GroupsShape.safeParse(groups).success) {
    return { ok: false, problems: [{ key: 'rounds.problem.groups-shape' }] };
  }
  const copy = groups.map((members) => [...members]);
  return checked(input, { groups: copy, slots: rotate(copy, input.hosts) });
}

/**
 * Checks every invariant of a plan independently of how it was made; [] when it is valid. Used by the property tests
 * and by the server before a plan is stored. The checks run in stages (input, then groups, then visits) so that
 * one mistake is not reported again as a cascade of others. Balance between groups is what planRound aims for, not
 * a rule here: a coach may adjust groups by hand within the size bounds.
 */
export function planProblems(input: PlanInput, plan: RoundPlan): Problem[] {
  const problems = inputProblems(input);
  if (problems.length > 0) return problems;
  if (!PlanShape.safeParse(plan).success) {
    return [{ key: 'rounds.problem.plan-shape' }];
  }
  const groupIssues = groupProblems(input, plan.groups);
  return groupIssues.length > 0 ? groupIssues : visitProblems(input, plan);
}

/**
 * What a valid plan costs, said before it is published so the coach chooses it knowingly: a host who is also in a
 * group sits out the slots when their own room has visitors, so they see fewer of the other rooms; a room only one
 * group visits gets one set of eyes (e.g. a single group, or everyone chosen as a host).
 */
export type Tradeoff =
  | { kind: 'host-also-visits'; personId: string; roomsVisited: number; otherRooms: number }
  | { kind: 'room-visited-once'; hostId: string; visits: number };

export function planTradeoffs(input: PlanInput, plan: RoundPlan): Tradeoff[] {
  const visitsOf = new Map<string, number>();
  const groupsIn = new Map<string, number>();
  for (const slot of plan.slots)
    for (const visit of slot) {
      if (visit.visitorIds.length === 0) continue;
      groupsIn.set(visit.hostId, (groupsIn.get(visit.hostId) ?? 0) + 1);
      for (const id of visit.visitorIds) visitsOf.set(id, (visitsOf.get(id) ?? 0) + 1);
    }
  const hosts = new Set(input.hosts);
  const otherRooms = hosts.size - 1;
  const tradeoffs: Tradeoff[] = [];
  for (const personId of input.participants) {
    if (!hosts.has(personId)) continue;
    const roomsVisited = visitsOf.get(personId) ?? 0;
    if (roomsVisited < otherRooms)
      tradeoffs.push({ kind: 'host-also-visits', personId, roomsVisited, otherRooms });
  }
  for (const hostId of input.hosts) {
    const visits = groupsIn.get(hostId) ?? 0;
    if (visits <= 1) tradeoffs.push({ kind: 'room-visited-once', hostId, visits });
  }
  return tradeoffs;
}

/** What a trade-off costs, for a coach, with names (a name may itself be words, such as "Someone who left"). */
export function tradeoffProblem(t: Tradeoff, nameOf: (id: string) => string | Problem): Problem {
  if (t.kind === 'host-also-visits')
    return {
      key: 'rounds.tradeoff.host-also-visits',
      params: { name: nameOf(t.personId), visited: t.roomsVisited, count: t.otherRooms },
    };
  return t.visits === 0
    ? { key: 'rounds.tradeoff.room-unvisited', params: { name: nameOf(t.hostId) } }
    : { key: 'rounds.tradeoff.room-visited-once', params: { name: nameOf(t.hostId) } };
}

const GroupsShape = z.array(z.array(z.string()));
const PlanShape = z.object({
  groups: GroupsShape,
  slots: z.array(
    z.array(z.object({ hostId: z.string(), group: z.number(), visitorIds: z.array(z.string()) })),
  ),
});

function checked(input: PlanInput, plan: RoundPlan): PlanResult {
  const problems = planProblems(input, plan);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan };
}

function boundsOf(input: PlanInput): Bounds {
  return { min: input.minGroup ?? 4, max: input.maxGroup ?? 5 };
}

/** Problems with the input alone: its shape, the ids, the number of hosts, the group size bounds. */
function inputProblems(input: PlanInput): Problem[] {
  if (typeof input !== 'object' || input === null) return [{ key: 'rounds.problem.no-input' }];
  const problems: Problem[] = [];
  const { participants, hosts, seed } = input;
  if (!isIdList(participants)) problems.push({ key: 'rounds.problem.participants-not-list' });
  else {
    problems.push(...idProblems(participants, ID_PROBLEMS.participant));
    if (participants.length === 0) problems.push({ key: 'rounds.problem.no-participants' });
  }
  if (!isIdList(hosts)) problems.push({ key: 'rounds.problem.hosts-not-list' });
  else {
    problems.push(...idProblems(hosts, ID_PROBLEMS.host));
    if (hosts.length === 0) problems.push({ key: 'rounds.problem.no-hosts' });
    if (hosts.length > MAX_HOSTS) {
      problems.push({
        key: 'rounds.problem.too-many-hosts',
        params: { max: MAX_HOSTS, chosen: hosts.length, remove: hosts.length - MAX_HOSTS },
      });
    }
  }
  const { min, max } = boundsOf(input);
  if (!Number.isInteger(min) || min < 1) {
    problems.push({ key: 'rounds.problem.min-size' });
  } else if (!Number.isInteger(max) || max < min) {
    problems.push({ key: 'rounds.problem.max-size', params: { min } });
  }
  if (seed !== undefined && !Number.isFinite(seed)) problems.push({ key: 'rounds.problem.seed' });
  return problems;
}

/** The words for empty and repeated ids, among the participants or the hosts. */
const ID_PROBLEMS = {
  participant: { empty: 'rounds.problem.participant-empty', repeated: 'rounds.problem.participant-repeated' },
  host: { empty: 'rounds.problem.host-empty', repeated: 'rounds.problem.host-repeated' },
} as const satisfies Record<string, { empty: MessageKey; repeated: MessageKey }>;

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string');
}

function idProblems(ids: string[], words: { empty: MessageKey; repeated: MessageKey }): Problem[] {
  const problems: Problem[] = [];
  const empty = ids.filter((id) => id.trim() === '').length;
  if (empty > 0) problems.push({ key: words.empty, params: { count: empty } });
  for (const [id, count] of countsOf(ids.filter((id) => id.trim() !== ''))) {
    if (count > 1) problems.push({ key: words.repeated, params: { person: id, times: count } });
  }
  return problems;
}

/** The fewest groups that fit n teachers within the bounds (fewest groups, fewest slots), if any number does. */
function groupCount(n: number, { min, max }: Bounds): number | undefined {
  const fewest = Math.ceil(n / max);
  return fewest * min <= n ? fewest : undefined;
}

/** n cannot be split: name the nearest numbers of teachers that can be, above and (if there is one) below. */
function splitProblem(n: number, bounds: Bounds): Problem {
  let up = n + 1;
  while (groupCount(up, bounds) === undefined) up++;
  let down = n - 1;
  while (down > 0 && groupCount(down, bounds) === undefined) down--;
  const params = {
    teachers: teachers(n),
    size: sizeText(bounds),
    more: { key: 'rounds.problem.more-teachers', params: { count: up - n } },
  } as const;
  return down > 0
    ? { key: 'rounds.problem.split', params: { ...params, remove: n - down } }
    : { key: 'rounds.problem.split-add', params };
}

/**
 * Group sizes differ by at most 1. The participants who host are dealt out first, round-robin, so that each group
 * loses about as many members to hosting; the others fill the groups in order.
 */
function makeGroups(input: PlanInput, count: number): string[][] {
  const hosts = new Set(input.hosts);
  const order =
    input.seed === undefined ? input.participants : shuffled(input.participants, mulberry32(input.seed));
  const n = order.length;
  const sizes = Array.from({ length: count }, (_, g) => Math.floor(n / count) + (g < n % count ? 1 : 0));
  const groups: string[][] = sizes.map(() => []);
  order
    .filter((id) => hosts.has(id))
    .forEach((id, i) => {
      groups[i % count]!.push(id);
    });
  let g = 0;
  for (const id of order.filter((id) => !hosts.has(id))) {
    while (groups[g]!.length >= sizes[g]!) g++;
    groups[g]!.push(id);
  }
  return groups;
}

/**
 * A Latin-square rotation over S = max(groups, hosts) slots: in slot s group g visits room (g + s) mod S, or has no
 * visit when that index is past the last host. No two groups meet in a room and each group sees each room once.
 */
function rotate(groups: string[][], hosts: string[]): SlotVisit[][] {
  const slotCount = Math.max(groups.length, hosts.length);
  return Array.from({ length: slotCount }, (_, s) => {
    const visits = groups.flatMap((members, group) => {
      const hostId = hosts[(group + s) % slotCount];
      return hostId === undefined ? [] : [{ hostId, group, visitorIds: members }];
    });
    const hosting = new Set(visits.map((visit) => visit.hostId));
    return visits.map((visit) => ({
      ...visit,
      visitorIds: visit.visitorIds.filter((id) => !hosting.has(id)),
    }));
  });
}

function groupProblems(input: PlanInput, groups: string[][]): Problem[] {
  if (groups.length === 0) return [{ key: 'rounds.problem.no-groups' }];
  const bounds = boundsOf(input);
  const participants = new Set(input.participants);
  const problems: Problem[] = [];
  const groupsOf = new Map<string, number[]>();
  groups.forEach((members, g) => {
    if (members.length < bounds.min || members.length > bounds.max) {
      problems.push({
        key: 'rounds.problem.group-size',
        params: { group: g + 1, teachers: teachers(members.length), size: sizeText(bounds) },
      });
    }
    for (const id of members) groupsOf.set(id, [...(groupsOf.get(id) ?? []), g + 1]);
  });
  for (const [id, numbers] of groupsOf) {
    const distinct = [...new Set(numbers)];
    if (!participants.has(id)) {
      problems.push({
        key: 'rounds.problem.not-participant',
        params: { person: id, groups: groupText(distinct) },
      });
    } else if (distinct.length > 1) {
      problems.push({
        key: 'rounds.problem.two-groups',
        params: { person: id, groups: groupText(distinct) },
      });
    } else if (numbers.length > 1)
      problems.push({
        key: 'rounds.problem.repeated-in-group',
        params: { person: id, times: numbers.length, group: distinct[0]! },
      });
  }
  for (const id of participants)
    if (!groupsOf.has(id)) problems.push({ key: 'rounds.problem.no-group', params: { person: id } });
  return problems;
}

function visitProblems(input: PlanInput, { groups, slots }: RoundPlan): Problem[] {
  const hosts = new Set(input.hosts);
  const problems: Problem[] = [];
  const visitCounts = new Map<string, number>(); // `${group}|${hostId}` → how often the group visits that room
  slots.forEach((visits, s) => {
    const slot = s + 1;
    const hosting = new Set(visits.map((visit) => visit.hostId));
    const groupInRoom = new Map<string, number>();
    const roomOfGroup = new Map<number, string>();
    for (const { hostId, group, visitorIds } of visits) {
      const members = groups[group];
      const host = hostId;
      if (!hosts.has(hostId)) {
        problems.push({ key: 'rounds.problem.slot.not-host', params: { slot, host } });
        continue;
      }
      if (members === undefined) {
        problems.push({ key: 'rounds.problem.slot.no-such-group', params: { slot, host, group: group + 1 } });
        continue;
      }
      const other = groupInRoom.get(hostId);
      if (other !== undefined) {
        problems.push({
          key: 'rounds.problem.slot.two-groups',
          params: { slot, host, first: other + 1, second: group + 1 },
        });
      }
      groupInRoom.set(hostId, group);
      const elsewhere = roomOfGroup.get(group);
      if (elsewhere !== undefined) {
        problems.push({
          key: 'rounds.problem.slot.two-rooms',
          params: { slot, group: group + 1, other: elsewhere, host },
        });
      }
      roomOfGroup.set(group, hostId);
      const key = `${group}|${hostId}`;
      visitCounts.set(key, (visitCounts.get(key) ?? 0) + 1);

      for (const [person, count] of countsOf(visitorIds)) {
        if (person === hostId)
          problems.push({ key: 'rounds.problem.slot.own-room', params: { slot, person } });
        else if (hosting.has(person))
          problems.push({ key: 'rounds.problem.slot.while-hosting', params: { slot, person, host } });
        else if (!members.includes(person)) {
          problems.push({
            key: 'rounds.problem.slot.not-in-group',
            params: { slot, person, host, group: group + 1 },
          });
        }
        if (count > 1)
          problems.push({
            key: 'rounds.problem.slot.repeated',
            params: { slot, person, host, times: count },
          });
      }
      const free = members.filter((id) => !hosting.has(id));
      if (free.length === 0) {
        problems.push({ key: 'rounds.problem.slot.all-hosting', params: { slot, group: group + 1, host } });
      }
      for (const person of free) {
        if (!visitorIds.includes(person)) {
          problems.push({
            key: 'rounds.problem.slot.left-out',
            params: { slot, person, group: group + 1, host },
          });
        }
      }
    }
  });
  groups.forEach((_, group) => {
    for (const host of input.hosts) {
      const count = visitCounts.get(`${group}|${host}`) ?? 0;
      if (count === 0)
        problems.push({ key: 'rounds.problem.never-visits', params: { group: group + 1, host } });
      if (count > 1)
        problems.push({
          key: 'rounds.problem.visits-again',
          params: { group: group + 1, host, times: count },
        });
    }
  });
  return problems;
}

function countsOf(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

function teachers(n: number): Problem {
  return { key: 'rounds.problem.teachers', params: { count: n } };
}

function sizeText({ min, max }: Bounds): string {
  return min === max ? `${min}` : `${min}–${max}`;
}

/** "group 2", or "groups 1, 2 and 3" (the list in the reader's language). */
function groupText(numbers: number[]): Problem {
  return { key: 'rounds.problem.groups', params: { count: numbers.length, list: numbers } };
}

/** A small seeded PRNG (mulberry32): deterministic, so the same seed always gives the same groups. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
