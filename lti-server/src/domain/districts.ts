import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type CrossRound,
  DISTRICT_PATTERN_SCHOOLS,
  type DistrictInput,
  type DistrictInvite,
  type DistrictJoinInput,
  type DistrictPage,
  type DistrictRoundInput,
  type DistrictRoundSummary,
  type DistrictSummary,
  type DistrictVisitInput,
  type CrossCancelInput,
  type CrossDialogue,
} from '../../../shared/districts';
import type { DialogueEntryData } from '../../../shared/dialogue';
import { translator, resolveLanguage } from '../../../shared/i18n';
import { ConflictError, NotFoundError } from '../../../shared/errors';
import { EVIDENCE_THEMES } from '../../../shared/evidence-themes';
import { type NoteData, PICTURE_MIN_HOSTS, PICTURE_MIN_VISITS } from '../../../shared/notes';
import {
  acceptSchool,
  addSchool,
  allDistricts,
  crossings,
  type DistrictRound,
  findDistrict,
  findDistrictRound,
  findSeat,
  futureCrossVisits,
  guestNotes,
  guestPerson,
  guestVisits,
  insertDistrict,
  insertInvite,
  insertSeat,
  languageTagsOf,
  membershipOf,
  membershipsOf,
  narrowDoor,
  openDistrictRound,
  personName,
  removeSchool,
  roundDoors,
  roundsOfDistrict,
  roundThemes,
  schoolsOf,
  seatsOf,
  useInvite,
  widenDoor,
} from '../db/repositories/districts';
import { overlapsFor } from '../db/repositories/doors';
import { findRound, insertNotice } from '../db/repositories/rounds';
import { findTenantById, findTenantByKey, type TenantKey } from '../db/repositories/tenants';
import {
  bookedVisit,
  cancelVisits,
  findVisit,
  findVisitOf,
  insertVisits,
  lockPerson,
  rebookVisit,
} from '../db/repositories/visits';
import type { Database } from '../db/schema';
import { TenantScope } from '../db/tenant-scope';
import type { Actor } from './actor';
import { readDialogue, writeDialogue, type DialogueThread } from './dialogue';
import { CANCEL_REASON_TEXT, checkText, writeNote } from './notes';
import { acknowledgeAsVisitor, visitorBriefing } from './round-briefing';
import { authorize } from './policies';
import { hashToken } from './sessions';

/**
 * District networks across schools (issue #17 item 5). Isolation is the rule: a school reaches a district only as a
 * member (its coach accepted), another school's round only through a seat it took, and inside that round only the
 * round's doors, its own visits and its own notes. Visiting is done as a guest person in the host school, so the
 * notes land there, belong to the visited teacher and feed the host school's picture only. A district, round or seat
 * the asker's school cannot reach is 404, never 403, so nothing tells it what exists.
 */

/** How long an invitation code stays usable. */
export const DISTRICT_INVITE_DAYS = 7;

const notFound = () => new NotFoundError('errors.not-found.district');
const roundNotFound = () => new NotFoundError('errors.not-found.cross-school-round');

const tenantOf = (actor: Actor) => actor.scope.tenantId;

async function requireMember(actor: Actor, db: Kysely<Database>, districtId: string) {
  authorize(actor, 'take-part', 'district');
  if ((await membershipOf(db, districtId, tenantOf(actor))) !== 'member') throw notFound();
  const district = await findDistrict(db, districtId);
  if (!district) throw notFound();
  return district;
}

export async function myDistricts(actor: Actor, db: Kysely<Database>): Promise<DistrictSummary[]> {
  authorize(actor, 'take-part', 'district');
  return membershipsOf(db, tenantOf(actor));
}

/** A coach starts a district with their school as its first member. */
export async function startDistrict(
  actor: Actor,
  db: Kysely<Database>,
  { name }: DistrictInput,
  now: Date,
): Promise<DistrictSummary> {
  authorize(actor, 'take-part', 'district');
  const id = randomUUID();
  const stamp = now.toISOString();
  await insertDistrict(db, id, name, stamp);
  await addSchool(db, id, tenantOf(actor), 'member', stamp);
  return { id, name, status: 'member' };
}

/** The coach of a school an operator added accepts: only then is the school a member. */
export async function acceptDistrict(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  now: Date,
): Promise<DistrictSummary> {
  authorize(actor, 'take-part', 'district');
  const status = await membershipOf(db, districtId, tenantOf(actor));
  const district = await findDistrict(db, districtId);
  if (!status || !district) throw notFound();
  if (status === 'invited') await acceptSchool(db, districtId, tenantOf(actor), now.toISOString());
  return { id: district.id, name: district.name, status: 'member' };
}

/** A member school's coach makes a single-use code for another school's coach (shown once, stored hashed). */
export async function inviteToDistrict(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  now: Date,
): Promise<DistrictInvite> {
  await requireMember(actor, db, districtId);
  const code = randomBytes(12).toString('base64url');
  const expiresAt = new Date(now.getTime() + DISTRICT_INVITE_DAYS * 86_400_000).toISOString();
  await insertInvite(db, {
    id: randomUUID(),
    districtId,
    tenantId: tenantOf(actor),
    codeHash: hashToken(code),
    createdBy: actor.personId,
    now: now.toISOString(),
    expiresAt,
  });
  return { code, expiresAt };
}

/** Another school's coach redeems a code: the code is used once, and their school becomes a member. */
export async function joinDistrict(
  actor: Actor,
  db: Kysely<Database>,
  { code }: DistrictJoinInput,
  now: Date,
): Promise<DistrictSummary> {
  authorize(actor, 'take-part', 'district');
  const stamp = now.toISOString();
  const districtId = await useInvite(db, hashToken(code), tenantOf(actor), stamp);
  if (!districtId) throw new NotFoundError('errors.not-found.invitation');
  await addSchool(db, districtId, tenantOf(actor), 'member', stamp);
  const district = await findDistrict(db, districtId);
  if (!district) throw notFound();
  return { id: district.id, name: district.name, status: 'member' };
}

function summary(row: DistrictRound, tenantId: string, seated: Set<string>): DistrictRoundSummary {
  return {
    roundId: row.roundId,
    title: row.title,
    problem: row.problem,
    hostSchool: row.hostSchool,
    date: row.date,
    mine: row.hostTenantId === tenantId,
    seated: seated.has(row.roundId),
  };
}

/**
 * One label per school, no two the same: a school's name, and where several schools share it (two schools of one
 * Canvas named after the platform), " (2)", " (3)" … after the second and later ones, in the order given (oldest
 * first). Schools are keyed by id everywhere; labels only name them.
 */
export function schoolLabels(schools: { tenantId: string; name: string }[]): Map<string, string> {
  const labels = new Map<string, string>();
  const taken = new Set<string>();
  const seen = new Map<string, number>();
  for (const { tenantId, name } of schools) {
    let n = seen.get(name) ?? 0;
    let label = name;
    while (taken.has(label)) label = `${name} (${++n + 1})`;
    seen.set(name, n);
    taken.add(label);
    labels.set(tenantId, label);
  }
  return labels;
}

/**
 * The district page: schools (never people), how many visits crossed schools and between which schools, the
 * evidence patterns its rounds' pictures show in at least three host schools (names only), and its open rounds.
 */
export async function districtPage(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  now: Date,
): Promise<DistrictPage> {
  const district = await requireMember(actor, db, districtId);
  const [schools, crossed, themes, rounds, seats] = await Promise.all([
    schoolsOf(db, districtId),
    crossings(db, districtId, now.toISOString()),
    roundThemes(db, districtId, PICTURE_MIN_VISITS, PICTURE_MIN_HOSTS),
    roundsOfDistrict(db, districtId),
    seatsOf(db, districtId, actor.personId),
  ]);
  const names = schoolLabels(schools);
  const schoolsPerTheme = new Map<string, Set<string>>();
  for (const { hostTenantId, themes: shown } of themes)
    for (const theme of shown) {
      const set = schoolsPerTheme.get(theme) ?? new Set<string>();
      set.add(hostTenantId);
      schoolsPerTheme.set(theme, set);
    }
  const seated = new Set(seats.map((s) => s.roundId));
  return {
    id: district.id,
    name: district.name,
    schools: schools.map((s) => ({ id: s.tenantId, name: names.get(s.tenantId)!, status: s.status })),
    crossedVisits: crossed.reduce((sum, c) => sum + c.visits, 0),
    connections: crossed
      .filter((c) => names.has(c.host) && names.has(c.visitor))
      .map((c) => ({
        hostId: c.host,
        host: names.get(c.host)!,
        visitorId: c.visitor,
        visitor: names.get(c.visitor)!,
        visits: c.visits,
      }))
      .sort((a, b) => a.host.localeCompare(b.host) || a.visitor.localeCompare(b.visitor)),
    patterns: EVIDENCE_THEMES.filter(
      (t) => (schoolsPerTheme.get(t.id)?.size ?? 0) >= DISTRICT_PATTERN_SCHOOLS,
    ).map((t) => t.label),
    rounds: rounds
      .filter((r) => names.has(r.hostTenantId))
      .map((r) => summary({ ...r, hostSchool: names.get(r.hostTenantId)! }, tenantOf(actor), seated)),
  };
}

/** A host school's coach opens one of its published rounds to the district, with its problem of practice. */
export async function openRoundToDistrict(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  { roundId, problem }: DistrictRoundInput,
  now: Date,
): Promise<DistrictRoundSummary> {
  await requireMember(actor, db, districtId);
  const round = await findRound(actor.scope, roundId);
  if (!round || round.networkId !== actor.networkId) throw new NotFoundError('errors.not-found.round');
  if (round.status !== 'published') throw new ConflictError('CONFLICT', 'errors.district.publish-first');
  const opened = await openDistrictRound(actor.scope, {
    roundId,
    districtId,
    problem,
    openedBy: actor.personId,
    now: now.toISOString(),
  });
  if (!opened) throw new ConflictError('CONFLICT', 'errors.district.open-already');
  const row = await findDistrictRound(db, districtId, roundId);
  if (!row) throw roundNotFound();
  return summary(row, tenantOf(actor), new Set());
}

/** The round, when the asker's school and the host school are both members and the round is another school's. */
async function reachableRound(actor: Actor, db: Kysely<Database>, districtId: string, roundId: string) {
  await requireMember(actor, db, districtId);
  const round = await findDistrictRound(db, districtId, roundId);
  if (!round || round.hostTenantId === tenantOf(actor)) throw roundNotFound();
  if ((await membershipOf(db, districtId, round.hostTenantId)) !== 'member') throw roundNotFound();
  return round;
}

/** The asker acting as their guest person in the host school: that school's scope, the round's network. */
function guestActor(actor: Actor, db: Kysely<Database>, round: DistrictRound, guestId: string): Actor {
  return {
    scope: new TenantScope(db, round.hostTenantId, actor.scope.dialect),
    personId: guestId,
    networkId: round.networkId,
    role: 'teacher',
  };
}

async function seated(actor: Actor, db: Kysely<Database>, districtId: string, roundId: string) {
  const round = await reachableRound(actor, db, districtId, roundId);
  const seat = await findSeat(db, roundId, actor.personId);
  if (!seat || seat.hostTenantId !== round.hostTenantId) throw roundNotFound();
  return { round, guest: guestActor(actor, db, round, seat.guestId) };
}

async function view(round: DistrictRound, guest: Actor, now: Date): Promise<CrossRound> {
  const [doors, visits, notes, briefing] = await Promise.all([
    roundDoors(guest.scope, round.roundId),
    guestVisits(guest.scope, round.roundId, guest.personId),
    guestNotes(guest.scope, round.roundId, guest.personId, now.toISOString()),
    visitorBriefing(guest, round.roundId, now),
  ]);
  const visitOf = new Map(visits.map((v) => [v.doorId, v.id]));
  return {
    roundId: round.roundId,
    title: round.title,
    problem: round.problem,
    hostSchool: round.hostSchool,
    lookFor: round.lookFor,
    briefing,
    // The rooms, never whose: the host school's people stay its own.
    doors: doors.map((d) => ({
      id: d.id,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      location: d.location,
      visitId: visitOf.get(d.id) ?? null,
    })),
    notes,
  };
}

/** A visiting coach takes a seat in another member school's round (once; taking it again changes nothing). */
export async function takeDistrictSeat(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  roundId: string,
  now: Date,
): Promise<CrossRound> {
  const round = await reachableRound(actor, db, districtId, roundId);
  const stamp = now.toISOString();
  const me = await personName(actor.scope, actor.personId);
  const school = await findTenantById(db, tenantOf(actor));
  if (!me || !school) throw roundNotFound();
  const hostScope = new TenantScope(db, round.hostTenantId, actor.scope.dialect);
  const guestId = await hostScope.transaction(async (scope) => {
    const id = await guestPerson(
      scope,
      { tenantId: school.id, personId: actor.personId, name: `${me} (${school.schoolName ?? school.name})` },
      stamp,
      randomUUID(),
    );
    await insertSeat(scope, {
      roundId,
      districtId,
      visitorTenantId: school.id,
      visitorId: actor.personId,
      guestId: id,
      now: stamp,
    });
    return id;
  });
  return view(round, guestActor(actor, db, round, guestId), now);
}

export async function crossRound(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  roundId: string,
  now: Date,
): Promise<CrossRound> {
  const { round, guest } = await seated(actor, db, districtId, roundId);
  return view(round, guest, now);
}

/** A seated visitor visits one of the round's rooms: the room gets one more seat, booked for their guest person. */
export async function visitCrossRound(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  roundId: string,
  { doorId }: DistrictVisitInput,
  now: Date,
): Promise<CrossRound> {
  const { round, guest } = await seated(actor, db, districtId, roundId);
  const door = (await roundDoors(guest.scope, roundId)).find((d) => d.id === doorId);
  if (!door) throw new NotFoundError('errors.not-found.round-room');
  if (Date.parse(door.startsAt) <= now.getTime()) throw new ConflictError('CONFLICT', 'errors.visit.started');
  const stamp = now.toISOString();
  await guest.scope.transaction(async (scope) => {
    await lockPerson(scope, guest.personId);
    const existing = await findVisitOf(scope, doorId, guest.personId);
    if (existing?.status === 'booked') return;
    const clash = await overlapsFor(scope, guest.personId, door.startsAt, door.endsAt, doorId);
    if (clash.visiting > 0) throw new ConflictError('VISIT_OVERLAP', 'errors.district.overlap');
    if (!(await widenDoor(scope, doorId, stamp))) throw new NotFoundError('errors.not-found.round-room');
    if (existing) return rebookVisit(scope, existing.id, stamp);
    await insertVisits(scope, [bookedVisit(randomUUID(), doorId, guest.personId, door, stamp)]);
  });
  return view(round, guest, now);
}

/**
 * A seated visitor writes a note on their visit of this round. It is written in the host school, like every note:
 * it belongs to the visited teacher, goes through the same checks, and counts in the host school's picture only.
 */
export async function writeCrossNote(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  roundId: string,
  data: NoteData,
  now: Date,
): Promise<CrossRound> {
  const { round, guest } = await seated(actor, db, districtId, roundId);
  const mine = await guestVisits(guest.scope, roundId, guest.personId);
  if (!mine.some((v) => v.id === data.visitId)) throw new NotFoundError('errors.not-found.visit');
  await writeNote(guest, data, now);
  return view(round, guest, now);
}

/** A seated visitor says they have read the host round's briefing; the host coach's list shows them by name. */
export async function acknowledgeCrossBriefing(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  roundId: string,
  now: Date,
): Promise<CrossRound> {
  const { round, guest } = await seated(actor, db, districtId, roundId);
  await acknowledgeAsVisitor(guest, roundId, now);
  return view(round, guest, now);
}

/** Cancels one booked visit of a guest: the seat the visit added goes, and the round's coach gets a notice. */
async function cancelGuestVisit(
  scope: TenantScope,
  visit: { id: string; doorId: string; guestId: string; roundId: string },
  reason: string,
  stamp: string,
) {
  if ((await cancelVisits(scope, { visitId: visit.id }, 'visitor', stamp)) !== 1) return;
  await narrowDoor(scope, visit.doorId, stamp);
  const round = await findRound(scope, visit.roundId);
  if (round)
    await insertNotice(scope, {
      id: randomUUID(),
      roundId: round.id,
      coachId: round.createdBy,
      personId: visit.guestId,
      doorId: visit.doorId,
      kind: 'visit_cancelled',
      reason,
      createdAt: stamp,
      seenAt: null,
    });
}

/**
 * A seated visitor cancels their visit of a room before it starts, saying why (as every round visit requires, and
 * checked for names the same way): the room's extra seat goes, and the host round's coach reads the reason under
 * "Needs your attention".
 */
export async function cancelCrossVisit(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  roundId: string,
  visitId: string,
  { reason }: CrossCancelInput,
  now: Date,
): Promise<CrossRound> {
  const { round, guest } = await seated(actor, db, districtId, roundId);
  const visit = (await guestVisits(guest.scope, roundId, guest.personId)).find((v) => v.id === visitId);
  if (!visit) throw new NotFoundError('errors.not-found.visit');
  const row = await findVisit(guest.scope, visitId);
  if (!row) throw new NotFoundError('errors.not-found.visit');
  if (Date.parse(row.startsAt) <= now.getTime())
    throw new ConflictError('CONFLICT', 'errors.visit.cancel-started');
  await checkText(guest, reason, false, CANCEL_REASON_TEXT);
  await guest.scope.transaction((scope) =>
    cancelGuestVisit(
      scope,
      { id: visitId, doorId: visit.doorId, guestId: guest.personId, roundId },
      reason,
      now.toISOString(),
    ),
  );
  return view(round, guest, now);
}

/** The visitor's thread, as they read it: entries by role (the host, themselves, another visitor), never by name. */
function presentCrossDialogue(thread: DialogueThread, readerId: string): CrossDialogue {
  return {
    doorId: thread.door.id,
    location: thread.door.location,
    startsAt: thread.door.startsAt,
    endsAt: thread.door.endsAt,
    open: thread.open,
    canWrite: thread.canWrite,
    entries: thread.entries.map((e) => ({
      id: e.id,
      part: e.part,
      text: e.text,
      by: e.authorId === readerId ? 'me' : e.authorId === thread.door.hostId ? 'host' : 'visitor',
      createdAt: e.createdAt,
    })),
    expiresOn: thread.expiresOn,
  };
}

/** The room of the round the seated visitor visited (a room of another round, or one they did not visit, is 404). */
async function visitedDoor(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  roundId: string,
  doorId: string,
) {
  const { guest } = await seated(actor, db, districtId, roundId);
  const visits = await guestVisits(guest.scope, roundId, guest.personId);
  if (!visits.some((v) => v.doorId === doorId)) throw new NotFoundError('errors.not-found.visit');
  return guest;
}

/**
 * The reflective dialogue after a seated visitor's visit: the same private exchange as a local visitor's (only that
 * room's host and its visitors), written in the host school.
 */
export async function crossDialogue(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  roundId: string,
  doorId: string,
  now: Date,
): Promise<CrossDialogue> {
  const guest = await visitedDoor(actor, db, districtId, roundId, doorId);
  return presentCrossDialogue(await readDialogue(guest, doorId, now), guest.personId);
}

export async function writeCrossDialogue(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  roundId: string,
  doorId: string,
  data: DialogueEntryData,
  now: Date,
): Promise<CrossDialogue> {
  const guest = await visitedDoor(actor, db, districtId, roundId, doorId);
  return presentCrossDialogue(await writeDialogue(guest, doorId, data, now), guest.personId);
}

/**
 * A school leaves a district (or turns down an invitation). Its visits across schools that have not started — its
 * coaches' visits in other schools' rounds, and other schools' visits in its rounds — are canceled, each with a notice
 * to the coach who planned the round, in that coach's language. What happened stays where it is: notes and pictures
 * of finished visits stay with the host school. The school reaches nothing of the district afterwards (404).
 */
async function withdrawSchool(
  db: Kysely<Database>,
  dialect: Actor['scope']['dialect'],
  districtId: string,
  tenantId: string,
  now: Date,
) {
  const stamp = now.toISOString();
  const visits = await futureCrossVisits(db, districtId, tenantId, stamp);
  if (!(await removeSchool(db, districtId, tenantId))) throw notFound();
  for (const v of visits) {
    const scope = new TenantScope(db, v.hostTenantId, dialect);
    await scope.transaction(async (inner) => {
      const round = await findRound(inner, v.roundId);
      const tags = round ? await languageTagsOf(inner, round.createdBy) : [];
      const t = translator(resolveLanguage(tags).language);
      const key = v.hostTenantId === tenantId ? 'district.notice.host-left' : 'district.notice.visitor-left';
      await cancelGuestVisit(
        inner,
        { id: v.visitId, doorId: v.doorId, guestId: v.guestId, roundId: v.roundId },
        t(key),
        stamp,
      );
    });
  }
  return visits.length;
}

/** A member (or invited) school's coach takes their school out of the district (the page asks them to confirm). */
export async function leaveDistrict(
  actor: Actor,
  db: Kysely<Database>,
  districtId: string,
  now: Date,
): Promise<{ canceledVisits: number }> {
  authorize(actor, 'take-part', 'district');
  if (!(await membershipOf(db, districtId, tenantOf(actor)))) throw notFound();
  return { canceledVisits: await withdrawSchool(db, actor.scope.dialect, districtId, tenantOf(actor), now) };
}

/** The operator's side (npm run platform -- district …): districts, and schools added as invited. */
export async function createDistrictAsOperator(db: Kysely<Database>, name: string, now: Date) {
  const id = randomUUID();
  await insertDistrict(db, id, name, now.toISOString());
  return { id, name };
}

export async function inviteSchoolAsOperator(
  db: Kysely<Database>,
  districtId: string,
  tenantId: string,
  now: Date,
) {
  if (!(await findDistrict(db, districtId))) throw notFound();
  if (!(await findTenantById(db, tenantId))) throw new NotFoundError('errors.not-found.tenant');
  await addSchool(db, districtId, tenantId, 'invited', now.toISOString());
}

/** The school an operator names by its LMS deployment; it exists once someone there has launched the tool. */
export async function inviteDeploymentAsOperator(
  db: Kysely<Database>,
  districtId: string,
  key: TenantKey,
  now: Date,
) {
  const tenant = await findTenantByKey(db, key);
  if (!tenant) throw new NotFoundError('errors.not-found.tenant-launch');
  await inviteSchoolAsOperator(db, districtId, tenant.id, now);
  return tenant;
}

export async function districtsForOperator(db: Kysely<Database>) {
  const districts = await allDistricts(db);
  return Promise.all(districts.map(async (d) => ({ ...d, schools: await schoolsOf(db, d.id) })));
}

/** npm run platform -- district-remove: the school named by its deployment leaves the district, as if its coach left. */
export async function removeDeploymentAsOperator(
  db: Kysely<Database>,
  dialect: Actor['scope']['dialect'],
  districtId: string,
  key: TenantKey,
  now: Date,
) {
  if (!(await findDistrict(db, districtId))) throw notFound();
  const tenant = await findTenantByKey(db, key);
  if (!tenant || !(await membershipOf(db, districtId, tenant.id)))
    throw new NotFoundError('errors.not-found.district-school');
  const canceledVisits = await withdrawSchool(db, dialect, districtId, tenant.id, now);
  return { tenant, canceledVisits };
}
