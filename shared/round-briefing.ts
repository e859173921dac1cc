import { z } from 'zod';
import { type MessageKey, type Translate, translator } from './i18n';
import type { Problem } from './problems';
import { FOCUS_KINDS, ROUND_STATUSES } from './rounds';
import { PersonRefSchema } from './strategy';
import { safeText } from './text';

/**
 * A round's briefing: the why, what and how everyone reads before the round (issue #17 item 1). The problem of
 * practice and why the school chose it, what visitors look for, the norms, the schedule (derived from the round's
 * visits) and the roles in each group. Participants acknowledge it; the coach sees who has read it — participation,
 * never a judgement.
 */

/** The three roles in every group, in the order the planner hands them out. */
export const ROUND_ROLES = ['facilitator', 'timekeeper', 'noteTaker'] as const;
export type RoundRole = (typeof ROUND_ROLES)[number];

/** The roles' names, in the catalog (shared/i18n): the app, the calendar's briefing and the server's messages say them. */
export const ROLE_NAME_KEYS: Record<RoundRole, MessageKey> = {
  facilitator: 'briefing.role.facilitator',
  timekeeper: 'briefing.role.timekeeper',
  noteTaker: 'briefing.role.note-taker',
};

/** The norms every briefing starts with, one message each; the coach may edit them. */
const DEFAULT_NORM_KEYS: readonly MessageKey[] = [
  'briefing.norm.describe',
  'briefing.norm.no-names',
  'briefing.norm.no-gotchas',
  'briefing.norm.not-evaluation',
  'briefing.norm.no-talk',
];

const english = translator('en');

/** The default norms as a new briefing stores them: in US English, the catalog's source language. */
export const DEFAULT_NORMS: readonly string[] = DEFAULT_NORM_KEYS.map((key) => english(key));

/**
 * A stored norm in the reader's language: a default norm left as it was is said with `t` (the app's, or the
 * calendar's); a norm the coach wrote stays as written.
 */
export function normIn(norm: string, t: Translate): string {
  const key = DEFAULT_NORM_KEYS.find((k) => english(k) === norm);
  return key ? t(key) : norm;
}

/** The inverse for the coach's editor: a line that is a default norm in `t`'s language is stored in English. */
export function storedNorm(line: string, t: Translate): string {
  const key = DEFAULT_NORM_KEYS.find((k) => t(k) === line);
  return key ? english(key) : line;
}

const roleHolder = (missing: MessageKey) => safeText({ error: missing }).min(1, missing);

/** The three role holders of one group (person ids). */
export const GroupRolesSchema = z.object({
  facilitator: roleHolder('errors.field.briefing.facilitator'),
  timekeeper: roleHolder('errors.field.briefing.timekeeper'),
  noteTaker: roleHolder('errors.field.briefing.note-taker'),
});
export type GroupRoles = z.infer<typeof GroupRolesSchema>;

/** PUT /api/rounds/:id/roles (coaches of the round's network): one entry per group, in the groups' order. */
export const RoundRolesInputSchema = z.object({
  roles: z
    .array(GroupRolesSchema, { error: 'errors.field.briefing.roles-list' })
    .min(1, 'errors.field.briefing.roles-none')
    .max(20, 'errors.field.briefing.roles-many'),
});
export type RoundRolesInput = z.infer<typeof RoundRolesInputSchema>;

const optionalText = (tooLong: MessageKey, max: number) =>
  safeText()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((s) => (s ? s : null));

/** PUT /api/rounds/:id/briefing (coaches of the round's network): the words of the briefing. */
export const BriefingInputSchema = z.object({
  why: optionalText('errors.field.briefing.why-long', 2000),
  lookFors: optionalText('errors.field.briefing.look-fors-long', 2000),
  norms: z
    .array(
      safeText({ error: 'errors.field.briefing.norm-text' })
        .trim()
        .min(1, 'errors.field.briefing.norm-empty')
        .max(300, 'errors.field.briefing.norm-long'),
      { error: 'errors.field.briefing.norms-list' },
    )
    .min(1, 'errors.field.briefing.norms-none')
    .max(12, 'errors.field.briefing.norms-many'),
});
export type BriefingInput = z.input<typeof BriefingInputSchema>;
export type BriefingData = z.output<typeof BriefingInputSchema>;

/** The stored briefing's JSON columns, validated when read back. */
export const StoredNormsSchema = z.array(z.string());
export const StoredRolesSchema = z.array(GroupRolesSchema);

const RoleHoldersSchema = z.object({
  facilitator: PersonRefSchema,
  timekeeper: PersonRefSchema,
  noteTaker: PersonRefSchema,
});

/** One time slot of the schedule: which group is in which room. */
export const BriefingSlotSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  rooms: z.array(z.object({ group: z.number().int(), host: PersonRefSchema, location: z.string() })),
});
export type BriefingSlot = z.infer<typeof BriefingSlotSchema>;

export const BriefingSchema = z.object({
  roundId: z.string(),
  title: z.string(),
  status: z.enum(ROUND_STATUSES),
  focus: z.object({ kind: z.enum(FOCUS_KINDS), value: z.string() }),
  why: z.string().nullable(),
  lookFors: z.string().nullable(),
  norms: z.array(z.string()),
  timeZone: z.string(),
  slotMinutes: z.number().int(),
  /** Derived from the round's plan: every slot, every room, which group. */
  schedule: z.array(BriefingSlotSchema),
  /** Groups are numbered from 1. */
  groups: z.array(
    z.object({ number: z.number().int(), members: z.array(PersonRefSchema), roles: RoleHoldersSchema }),
  ),
  /** When the words last changed (roles changing does not ask people to read it again). */
  updatedAt: z.string(),
  /** The asker: their group (null for a host who only hosts, or a coach outside the round), roles and reading. */
  me: z.object({
    inRound: z.boolean(),
    group: z.number().int().nullable(),
    roles: z.array(z.enum(ROUND_ROLES)),
    acknowledgedAt: z.string().nullable(),
    /** The acknowledgement covers the current words (false when they changed after it). */
    current: z.boolean(),
  }),
  /** The asker may change the words and the roles (a coach of the round's network). */
  canEdit: z.boolean(),
  /**
   * Who has read it: coaches only (null for everyone else). `read` counts acknowledgements of the current words; the
   * list, by name, also shows who read an earlier version. A count and a list; no ranking, no score.
   */
  reading: z
    .object({
      read: z.number().int(),
      total: z.number().int(),
      people: z.array(
        PersonRefSchema.extend({
          acknowledgedAt: z.string().nullable(),
          current: z.boolean(),
        }),
      ),
    })
    .nullable(),
});
export type Briefing = z.infer<typeof BriefingSchema>;

/** Counts of the roles a person held in earlier rounds: the planner's memory for a fair rotation. */
export type RoleCounts = Map<string, Record<RoundRole, number>>;

const zero = (): Record<RoundRole, number> => ({ facilitator: 0, timekeeper: 0, noteTaker: 0 });

/** Adds the roles of earlier rounds up, person by person. */
export function countRoles(rounds: readonly (readonly GroupRoles[])[]): RoleCounts {
  const counts: RoleCounts = new Map();
  for (const groups of rounds)
    for (const g of groups)
      for (const role of ROUND_ROLES) {
        const c = counts.get(g[role]) ?? zero();
        c[role] += 1;
        counts.set(g[role], c);
      }
  return counts;
}

/** "Ana is not in group 2, so cannot be its facilitator", one message per role. */
const OUTSIDE_GROUP_KEYS: Record<RoundRole, MessageKey> = {
  facilitator: 'briefing.roles.problem.outside.facilitator',
  timekeeper: 'briefing.roles.problem.outside.timekeeper',
  noteTaker: 'briefing.roles.problem.outside.note-taker',
};

/**
 * Why a group's roles do not fit it (catalog words naming people with `nameOf`), [] when they do: every holder must
 * be a member of that group, and in a group of three or more nobody holds two roles.
 */
export function rolesProblems(
  groups: readonly (readonly string[])[],
  roles: readonly GroupRoles[],
  nameOf: (id: string) => string | Problem,
): Problem[] {
  if (roles.length !== groups.length)
    return [{ key: 'briefing.roles.problem.count', params: { count: groups.length, given: roles.length } }];
  const problems: Problem[] = [];
  roles.forEach((r, i) => {
    const members = new Set(groups[i]);
    for (const role of ROUND_ROLES)
      if (!members.has(r[role]))
        problems.push({ key: OUTSIDE_GROUP_KEYS[role], params: { name: nameOf(r[role]), group: i + 1 } });
    const holders = ROUND_ROLES.map((role) => r[role]);
    if (members.size >= 3 && new Set(holders).size < holders.length)
      problems.push({ key: 'briefing.roles.problem.same-person', params: { group: i + 1 } });
  });
  return problems;
}

/**
 * Hands out the roles of each group in a fair rotation: each role goes to a member who has held it least in earlier
 * rounds, so over a few rounds everyone facilitates, keeps time and takes notes before anyone does it twice. A host
 * who is also in a group sits out the slots when their own room has visitors, so they are asked to facilitate or keep
 * time only when nobody else can. Among equally fair choices: fewer roles held in all, then the group's order.
 * `keep` holds roles chosen before (by the planner or a coach): a group whose roles still fit it keeps them.
 * Pure and deterministic.
 */
export function assignRoles(
  groups: readonly (readonly string[])[],
  history: RoleCounts,
  hosts: readonly string[] = [],
  keep: readonly GroupRoles[] = [],
): GroupRoles[] {
  const hosting = new Set(hosts);
  const countsOf = (id: string) => history.get(id) ?? zero();
  return groups.map((members, i) => {
    const kept = keep[i];
    if (kept && rolesProblems([members], [kept], String).length === 0) return kept;
    const least = Object.fromEntries(
      ROUND_ROLES.map((role) => [role, Math.min(...members.map((m) => countsOf(m)[role]))]),
    ) as Record<RoundRole, number>;
    // Every way to give the three roles to distinct members (all of them when the group is smaller than three):
    // at most 5 × 4 × 3 = 60 for a group of five, so the fairest is found by trying each.
    let best: { roles: GroupRoles; cost: number[] } | null = null;
    for (const holders of arrangements(members, Math.min(3, members.length))) {
      const at = (k: number) => holders[k % holders.length]!;
      const roles: GroupRoles = { facilitator: at(0), timekeeper: at(1), noteTaker: at(2) };
      const cost = [
        ROUND_ROLES.filter((role) => role !== 'noteTaker' && hosting.has(roles[role])).length,
        ROUND_ROLES.filter((role) => countsOf(roles[role])[role] > least[role]).length,
        ROUND_ROLES.reduce((sum, role) => sum + countsOf(roles[role])[role], 0),
        ROUND_ROLES.reduce((sum, role) => {
          const c = countsOf(roles[role]);
          return sum + c.facilitator + c.timekeeper + c.noteTaker;
        }, 0),
      ];
      if (!best || lexLess(cost, best.cost)) best = { roles, cost };
    }
    return best!.roles;
  });
}

/** Ordered choices of `k` distinct items, in the items' order. */
function* arrangements(items: readonly string[], k: number, chosen: string[] = []): Generator<string[]> {
  if (chosen.length === k) {
    yield chosen;
    return;
  }
  for (const item of items) if (!chosen.includes(item)) yield* arrangements(items, k, [...chosen, item]);
}

const lexLess = (a: number[], b: number[]) => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! < b[k]!;
  return false;
};

/** One room on a group's path through the round. */
export interface ClockStop {
  startsAt: string;
  endsAt: string;
  location: string;
  host: string;
}

export type GroupClock =
  /** Before the first room, or between two rooms: counting down to the next one. */
  | { kind: 'waiting'; next: ClockStop; minutes: number; first: boolean }
  /** In a room: the minutes left there, and where the group goes next (null after the last room). */
  | { kind: 'in-room'; stop: ClockStop; minutes: number; next: ClockStop | null }
  | { kind: 'done' };

/** Whole minutes until `target`, rounded up (1 in the last minute). */
const minutesUntil = (target: number, now: number) => Math.ceil((target - now) / 60_000);

/**
 * The group clock at `now`: time left in the room and the next room, or how long until the next room starts.
 * `stops` are the group's rooms in any order.
 */
export function groupClock(stops: readonly ClockStop[], now: number): GroupClock {
  const sorted = [...stops].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const [i, stop] of sorted.entries()) {
    const start = Date.parse(stop.startsAt);
    const end = Date.parse(stop.endsAt);
    if (now < start)
      return { kind: 'waiting', next: stop, minutes: minutesUntil(start, now), first: i === 0 };
    if (now < end)
      return { kind: 'in-room', stop, minutes: minutesUntil(end, now), next: sorted[i + 1] ?? null };
  }
  return { kind: 'done' };
}

/**
 * When what the clock shows next changes (epoch ms): the next whole minute of its countdown, which is also when a
 * room starts or ends. Null when the round is over. The view sets one timer to it, never polls the server.
 */
export function nextClockChange(stops: readonly ClockStop[], now: number): number | null {
  const clock = groupClock(stops, now);
  if (clock.kind === 'done') return null;
  const target = Date.parse(clock.kind === 'in-room' ? clock.stop.endsAt : clock.next.startsAt);
  return target - (clock.minutes - 1) * 60_000;
}
