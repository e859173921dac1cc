import { ConflictError, NotFoundError, UnprocessableError } from '../../../shared/errors';
import { type Language, translator } from '../../../shared/i18n';
import {
  assignRoles,
  type Briefing,
  type BriefingData,
  countRoles,
  DEFAULT_NORMS,
  type GroupRoles,
  normIn,
  ROLE_NAME_KEYS,
  ROUND_ROLES,
  type RoundRolesInput,
  rolesProblems,
} from '../../../shared/round-briefing';
import type { Round } from '../../../shared/rounds';
import type { VisitorBriefing } from '../../../shared/districts';
import { utcToZoned } from '../../../shared/zoned-time';
import {
  acksOf,
  findBriefing,
  insertBriefing,
  rolesInNetwork,
  type StoredBriefing,
  updateBriefingRoles,
  updateBriefingWords,
  upsertAck,
} from '../db/repositories/round-briefings';
import { seatGuests } from '../db/repositories/districts';
import { findRound, type StoredRound } from '../db/repositories/rounds';
import { type Actor, someoneWhoLeft } from './actor';
import { authorize, can } from './policies';
import { namesOf, present } from './rounds';

interface Access {
  row: StoredRound;
  round: Round;
  /** A coach of the round's network: edits the words and roles, sees who has read it. */
  coach: boolean;
  /** Visitors from other schools of a district (their guest people here), by id, with their names. */
  guests: Map<string, string>;
}

const membersOf = (row: StoredRound) => new Set([...row.participants, ...row.hosts.map((h) => h.id)]);
/** Who reads the briefing: its participants and hosts, and the visitors from other schools seated in it. */
const readersOf = ({ row, guests }: Pick<Access, 'row' | 'guests'>) =>
  new Set([...membersOf(row), ...guests.keys()]);

/**
 * Who may read a round's briefing: the coaches of its network (drafts too), and its participants and hosts once it is
 * published. Anyone else — another network, another school, a teacher outside the round — gets 404, as if it did not
 * exist.
 */
async function access(actor: Actor, roundId: string): Promise<Access> {
  const row = await findRound(actor.scope, roundId);
  if (!row || row.networkId !== actor.networkId) throw new NotFoundError('errors.not-found.round');
  const coach = can(actor, 'brief', 'round');
  const guests = await seatGuests(actor.scope, row.id);
  if (!coach && (row.status !== 'published' || !readersOf({ row, guests }).has(actor.personId)))
    throw new NotFoundError('errors.not-found.round');
  return { row, round: present(row, await namesOf(actor)), coach, guests };
}

/**
 * The round's briefing, made on first use: the norms prefilled, the look-fors taken from the round, and the roles
 * handed out by the planner in a fair rotation over the network's earlier rounds. Roles that no longer fit a group
 * (the coach moved people between groups) are handed out again for that group only.
 */
async function briefingOf(actor: Actor, { row, round }: Access, now: Date): Promise<StoredBriefing> {
  const hosts = row.hosts.map((h) => h.id);
  const history = async () => countRoles(await rolesInNetwork(actor.scope, row.networkId, row.id));
  const stored = await findBriefing(actor.scope, row.id);
  if (!stored) {
    const stamp = now.toISOString();
    await insertBriefing(actor.scope, {
      roundId: row.id,
      why: null,
      lookFors: row.lookFor,
      norms: [...DEFAULT_NORMS],
      roles: assignRoles(round.groups, await history(), hosts),
      createdAt: stamp,
      updatedAt: stamp,
    });
    const made = await findBriefing(actor.scope, row.id);
    if (!made) throw new NotFoundError('errors.not-found.round');
    return made;
  }
  const fits =
    stored.roles.length === round.groups.length &&
    rolesProblems(round.groups, stored.roles, String).length === 0;
  if (fits) return stored;
  const roles = assignRoles(round.groups, await history(), hosts, stored.roles);
  await updateBriefingRoles(actor.scope, row.id, roles);
  return { ...stored, roles };
}

function view(
  actor: Actor,
  { row, round, coach, guests }: Access,
  b: StoredBriefing,
  acks: Map<string, string>,
): Briefing {
  const name = (id: string) =>
    round.participants.find((p) => p.id === id)?.name ??
    round.hosts.find((h) => h.id === id)?.name ??
    guests.get(id) ??
    someoneWhoLeft(actor);
  const person = (id: string) => ({ id, name: name(id) });
  const hostOf = new Map(round.hosts.map((h) => [h.id, h]));
  const groupIndex = round.groups.findIndex((g) => g.includes(actor.personId));
  const myRoles =
    groupIndex < 0 ? [] : ROUND_ROLES.filter((r) => b.roles[groupIndex]?.[r] === actor.personId);
  const current = (at: string | undefined) => at !== undefined && at >= b.updatedAt;
  const members = [...readersOf({ row, guests })];
  return {
    roundId: row.id,
    title: row.title,
    status: row.status,
    focus: round.focus,
    why: b.why,
    lookFors: b.lookFors,
    norms: b.norms,
    timeZone: row.timeZone,
    slotMinutes: row.slotMinutes,
    schedule: round.slots.map((slot) => ({
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      rooms: slot.visits
        .filter((v) => v.visitorIds.length > 0)
        .map((v) => ({
          group: v.group + 1,
          host: person(v.hostId),
          location: hostOf.get(v.hostId)?.location ?? '',
        })),
    })),
    groups: round.groups.map((g, i) => {
      const roles = b.roles[i]!;
      return {
        number: i + 1,
        members: g.map(person),
        roles: {
          facilitator: person(roles.facilitator),
          timekeeper: person(roles.timekeeper),
          noteTaker: person(roles.noteTaker),
        },
      };
    }),
    updatedAt: b.updatedAt,
    me: {
      inRound: membersOf(row).has(actor.personId),
      group: groupIndex < 0 ? null : groupIndex + 1,
      roles: myRoles,
      acknowledgedAt: acks.get(actor.personId) ?? null,
      current: current(acks.get(actor.personId)),
    },
    canEdit: coach,
    reading: coach
      ? {
          // Read means the words as they are now: after a change, people are asked to read it again.
          read: members.filter((id) => current(acks.get(id))).length,
          total: members.length,
          people: members
            .map((id) => ({
              ...person(id),
              acknowledgedAt: acks.get(id) ?? null,
              current: current(acks.get(id)),
            }))
            // By name: a list of who, never a ranking of when.
            .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })),
        }
      : null,
  };
}

export async function getBriefing(actor: Actor, roundId: string, now: Date): Promise<Briefing> {
  const a = await access(actor, roundId);
  const briefing = await briefingOf(actor, a, now);
  return view(actor, a, briefing, await acksOf(actor.scope, roundId));
}

/** A coach of the round's network changes the words; participants are asked to read it again. */
export async function updateBriefing(
  actor: Actor,
  roundId: string,
  data: BriefingData,
  now: Date,
): Promise<Briefing> {
  authorize(actor, 'brief', 'round');
  const a = await access(actor, roundId);
  await briefingOf(actor, a, now);
  await updateBriefingWords(actor.scope, roundId, { ...data, updatedAt: now.toISOString() });
  return getBriefing(actor, roundId, now);
}

/** A coach of the round's network changes who holds which role; every holder must be in that group. */
export async function updateRoles(
  actor: Actor,
  roundId: string,
  { roles }: RoundRolesInput,
  now: Date,
): Promise<Briefing> {
  authorize(actor, 'brief', 'round');
  const a = await access(actor, roundId);
  await briefingOf(actor, a, now);
  const names = new Map([...a.round.participants, ...a.round.hosts].map((p) => [p.id, p.name]));
  const problems = rolesProblems(
    a.round.groups,
    roles,
    (id) => names.get(id) ?? { key: 'briefing.roles.problem.someone' },
  );
  if (problems.length > 0)
    throw new UnprocessableError(
      'ROUND_ROLES_INVALID',
      {
        key: 'errors.briefing.roles',
        params: { problems: { items: problems.map((problem) => ({ problem })), separator: ' ' } },
      },
      problems.map((problem) => ({ path: 'roles', message: { problem } })),
    );
  await updateBriefingRoles(actor.scope, roundId, roles);
  return getBriefing(actor, roundId, now);
}

/** A participant or host says they have read the briefing (one click; again after it changed). */
export async function acknowledgeBriefing(actor: Actor, roundId: string, now: Date): Promise<Briefing> {
  const a = await access(actor, roundId);
  if (!readersOf(a).has(actor.personId)) throw new NotFoundError('errors.not-found.round');
  if (a.row.status !== 'published') throw new ConflictError('CONFLICT', 'errors.briefing.not-published');
  await briefingOf(actor, a, now);
  await upsertAck(actor.scope, roundId, actor.personId, now.toISOString());
  return getBriefing(actor, roundId, now);
}

/**
 * The briefing as plain text for a calendar event's description (the person's own visit or hosted room in a
 * published round): what, why, the norms, their group's roles, and where to acknowledge it, in the calendar's
 * language (the norms and the coach's words stay as written). Null when the person is not in the round or it is not
 * published.
 */
export async function briefingText(
  actor: Actor,
  roundId: string,
  now: Date,
  language: Language = 'en',
): Promise<{ text: string; updatedAt: string } | null> {
  const row = await findRound(actor.scope, roundId);
  if (row?.status !== 'published' || !membersOf(row).has(actor.personId)) return null;
  const a: Access = { row, round: present(row, await namesOf(actor)), coach: false, guests: new Map() };
  const b = await briefingOf(actor, a, now);
  const v = view(actor, a, b, new Map());
  const name = (id: string) => v.groups.flatMap((g) => g.members).find((p) => p.id === id)?.name ?? '';
  const group = v.me.group ? v.groups[v.me.group - 1] : undefined;
  const t = translator(language);
  const and = new Intl.ListFormat(language, { type: 'conjunction' });
  const roleLine = (r: GroupRoles) =>
    ROUND_ROLES.map((role) =>
      t('ics.briefing.holder', {
        role: t(ROLE_NAME_KEYS[role]).toLocaleLowerCase(language),
        name: name(r[role]),
      }),
    ).join(', ');
  const mine = and.format(v.me.roles.map((r) => t(ROLE_NAME_KEYS[r])));
  const lines = [
    t('ics.briefing.title', { title: row.title }),
    t(row.focusKind === 'problem' ? 'ics.briefing.problem' : 'ics.briefing.focus', { value: row.focusValue }),
    b.why ? t('ics.briefing.why', { text: b.why }) : '',
    b.lookFors ? t('ics.briefing.look-fors', { text: b.lookFors }) : '',
    t('ics.briefing.norms'),
    ...b.norms.map((n) => `- ${normIn(n, t)}`),
    group && b.roles[group.number - 1]
      ? t('ics.briefing.group', { number: group.number, roles: roleLine(b.roles[group.number - 1]!) })
      : '',
    mine ? t('ics.briefing.your-role', { roles: mine }) : '',
    t('ics.briefing.schedule'),
    ...v.schedule.flatMap((slot) =>
      slot.rooms
        .filter((room) => !v.me.group || room.group === v.me.group || room.host.id === actor.personId)
        .map((room) =>
          t('ics.briefing.stop', {
            time: utcToZoned(slot.startsAt, row.timeZone).time,
            location: room.location,
            host: room.host.name,
            group: room.group,
          }),
        ),
    ),
    t('ics.briefing.read'),
  ];
  return { text: lines.filter(Boolean).join('\n'), updatedAt: b.updatedAt };
}

/**
 * The briefing as a visitor from another school reads it (their guest person in the host school): the words, the
 * norms and their own reading, never the host school's people (no groups, roles or whose room).
 */
export async function visitorBriefing(guest: Actor, roundId: string, now: Date): Promise<VisitorBriefing> {
  const a = await access(guest, roundId);
  if (!a.guests.has(guest.personId)) throw new NotFoundError('errors.not-found.round');
  const b = await briefingOf(guest, a, now);
  const at = (await acksOf(guest.scope, roundId)).get(guest.personId) ?? null;
  // No focus either: a strategy focus names one of the host school's strategies; visitors read the problem of
  // practice the host school opened the round with.
  return {
    why: b.why,
    lookFors: b.lookFors,
    norms: b.norms,
    updatedAt: b.updatedAt,
    acknowledgedAt: at,
    current: at !== null && at >= b.updatedAt,
  };
}

/** A visitor from another school says they have read the briefing; the host coach's list shows them. */
export async function acknowledgeAsVisitor(
  guest: Actor,
  roundId: string,
  now: Date,
): Promise<VisitorBriefing> {
  const a = await access(guest, roundId);
  if (!a.guests.has(guest.personId) || a.row.status !== 'published')
    throw new NotFoundError('errors.not-found.round');
  await briefingOf(guest, a, now);
  await upsertAck(guest.scope, roundId, guest.personId, now.toISOString());
  return visitorBriefing(guest, roundId, now);
}
