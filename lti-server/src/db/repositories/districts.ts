import type { Kysely } from 'kysely';
import { z } from 'zod';
import { decodeJson } from '../json-column';
import type { Database, DistrictSchoolTable } from '../schema';
import { DISTRICT_GUEST_PREFIX } from './people';
import type { TenantScope } from '../tenant-scope';

/**
 * District networks across schools. Most rows here span tenants by nature (a district's schools, its rounds and seats),
 * so these functions take the database handle, and each one names the tenant or district it reads: the domain decides
 * who may ask (domain/districts.ts). What lives inside a host school (its guest people, doors, visits and notes) is
 * read through that school's TenantScope.
 */
export interface DistrictMembership {
  id: string;
  name: string;
  status: DistrictSchoolTable['status'];
}

export interface DistrictSchool {
  tenantId: string;
  /** The school's own name, or the platform's where its coach set none. */
  name: string;
  deploymentId: string;
  status: DistrictSchoolTable['status'];
}

export interface DistrictRound {
  roundId: string;
  hostTenantId: string;
  hostSchool: string;
  districtId: string;
  problem: string;
  title: string;
  date: string;
  networkId: string;
  lookFor: string | null;
}

export async function insertDistrict(db: Kysely<Database>, id: string, name: string, now: string) {
  await db.insertInto('districts').values({ id, name, created_at: now }).execute();
}

export async function findDistrict(db: Kysely<Database>, id: string) {
  return db.selectFrom('districts').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function allDistricts(db: Kysely<Database>) {
  return db
    .selectFrom('districts')
    .select(['id', 'name', 'created_at as createdAt'])
    .orderBy('name')
    .execute();
}

/** Adds a school as invited (nothing changes for a school already listed) or as a member. */
export async function addSchool(
  db: Kysely<Database>,
  districtId: string,
  tenantId: string,
  status: DistrictSchoolTable['status'],
  now: string,
): Promise<void> {
  await db
    .insertInto('district_schools')
    .values({
      district_id: districtId,
      tenant_id: tenantId,
      status,
      invited_at: now,
      joined_at: status === 'member' ? now : null,
    })
    .onConflict((oc) =>
      status === 'member'
        ? oc.columns(['district_id', 'tenant_id']).doUpdateSet({ status: 'member', joined_at: now })
        : oc.columns(['district_id', 'tenant_id']).doNothing(),
    )
    .execute();
}

/** The invited school's coach accepts: true when it was invited and is now a member. */
export async function acceptSchool(db: Kysely<Database>, districtId: string, tenantId: string, now: string) {
  const result = await db
    .updateTable('district_schools')
    .set({ status: 'member', joined_at: now })
    .where('district_id', '=', districtId)
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'invited')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function membershipsOf(db: Kysely<Database>, tenantId: string): Promise<DistrictMembership[]> {
  return db
    .selectFrom('district_schools as s')
    .innerJoin('districts as d', 'd.id', 's.district_id')
    .select(['d.id', 'd.name', 's.status'])
    .where('s.tenant_id', '=', tenantId)
    .orderBy('d.name')
    .execute();
}

export async function membershipOf(db: Kysely<Database>, districtId: string, tenantId: string) {
  const row = await db
    .selectFrom('district_schools')
    .select('status')
    .where('district_id', '=', districtId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.status;
}

export async function schoolsOf(db: Kysely<Database>, districtId: string): Promise<DistrictSchool[]> {
  return db
    .selectFrom('district_schools as s')
    .innerJoin('tenants as t', 't.id', 's.tenant_id')
    .select((eb) => [
      't.id as tenantId',
      eb.fn.coalesce('t.school_name', 't.name').as('name'),
      't.deployment_id as deploymentId',
      's.status',
    ])
    .where('s.district_id', '=', districtId)
    .orderBy('name')
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
}

export async function insertInvite(
  db: Kysely<Database>,
  row: {
    id: string;
    districtId: string;
    tenantId: string;
    codeHash: string;
    createdBy: string;
    now: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('district_invites')
    .values({
      id: row.id,
      district_id: row.districtId,
      tenant_id: row.tenantId,
      code_hash: row.codeHash,
      created_by: row.createdBy,
      created_at: row.now,
      expires_at: row.expiresAt,
      used_at: null,
      used_by: null,
    })
    .execute();
}

/** Uses an unexpired, unused code once (one conditional update), for `tenantId`; answers its district. */
export async function useInvite(db: Kysely<Database>, codeHash: string, tenantId: string, now: string) {
  const invite = await db
    .selectFrom('district_invites')
    .select(['id', 'district_id', 'tenant_id'])
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!invite || invite.tenant_id === tenantId) return undefined;
  const result = await db
    .updateTable('district_invites')
    .set({ used_at: now, used_by: tenantId })
    .where('id', '=', invite.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? invite.district_id : undefined;
}

function districtRounds(db: Kysely<Database>) {
  return db
    .selectFrom('district_rounds as dr')
    .innerJoin('rounds as r', (j) =>
      j.onRef('r.id', '=', 'dr.round_id').onRef('r.tenant_id', '=', 'dr.tenant_id'),
    )
    .innerJoin('tenants as t', 't.id', 'dr.tenant_id')
    .select((eb) => [
      'dr.round_id as roundId',
      'dr.tenant_id as hostTenantId',
      eb.fn.coalesce('t.school_name', 't.name').as('hostSchool'),
      'dr.district_id as districtId',
      'dr.problem',
      'r.title',
      'r.date',
      'r.network_id as networkId',
      'r.look_for as lookFor',
    ]);
}

export async function findDistrictRound(db: Kysely<Database>, districtId: string, roundId: string) {
  return (await districtRounds(db)
    .where('dr.district_id', '=', districtId)
    .where('dr.round_id', '=', roundId)
    .executeTakeFirst()) as DistrictRound | undefined;
}

export async function roundsOfDistrict(db: Kysely<Database>, districtId: string): Promise<DistrictRound[]> {
  return districtRounds(db).where('dr.district_id', '=', districtId).orderBy('r.date', 'desc').execute();
}

/** Opens a host school's round to a district; false when it already is open (to this or another district). */
export async function openDistrictRound(
  scope: TenantScope,
  row: { roundId: string; districtId: string; problem: string; openedBy: string; now: string },
): Promise<boolean> {
  const result = await scope
    .insertInto('district_rounds', {
      round_id: row.roundId,
      district_id: row.districtId,
      problem: row.problem,
      opened_by: row.openedBy,
      opened_at: row.now,
    })
    .onConflict((oc) => oc.column('round_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function seatsOf(db: Kysely<Database>, districtId: string, visitorId: string) {
  return db
    .selectFrom('district_seats')
    .select(['round_id as roundId', 'guest_id as guestId'])
    .where('district_id', '=', districtId)
    .where('visitor_id', '=', visitorId)
    .execute();
}

export async function findSeat(db: Kysely<Database>, roundId: string, visitorId: string) {
  return db
    .selectFrom('district_seats')
    .select(['guest_id as guestId', 'tenant_id as hostTenantId'])
    .where('round_id', '=', roundId)
    .where('visitor_id', '=', visitorId)
    .executeTakeFirst();
}

/** The language tags a person's texts follow (their choice, then their LMS's locale). */
export async function languageTagsOf(scope: TenantScope, id: string): Promise<Array<string | null>> {
  const row = await scope
    .selectFrom('people')
    .select(['language', 'locale'])
    .where('id', '=', id)
    .executeTakeFirst();
  return [row?.language ?? null, row?.locale ?? null];
}

export async function personName(scope: TenantScope, id: string): Promise<string | undefined> {
  return (await scope.selectFrom('people').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/**
 * The visitor's guest person in the host school (created once): named with their school, so the host's notes read
 * who visited from where. Its subject cannot collide with an LMS user id of the host school's own platform.
 */
export async function guestPerson(
  scope: TenantScope,
  visitor: { tenantId: string; personId: string; name: string },
  now: string,
  newId: string,
): Promise<string> {
  const subject = `${DISTRICT_GUEST_PREFIX}${visitor.tenantId}:${visitor.personId}`;
  await scope
    .insertInto('people', {
      id: newId,
      subject,
      name: visitor.name,
      role: 'teacher',
      created_at: now,
      last_seen_at: now,
      locale: null,
      time_zone: null,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'subject']).doNothing())
    .execute();
  const row = await scope
    .selectFrom('people')
    .select('id')
    .where('subject', '=', subject)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSeat(
  scope: TenantScope,
  row: {
    roundId: string;
    districtId: string;
    visitorTenantId: string;
    visitorId: string;
    guestId: string;
    now: string;
  },
): Promise<void> {
  await scope
    .insertInto('district_seats', {
      round_id: row.roundId,
      district_id: row.districtId,
      visitor_tenant_id: row.visitorTenantId,
      visitor_id: row.visitorId,
      guest_id: row.guestId,
      joined_at: row.now,
    })
    .onConflict((oc) => oc.columns(['round_id', 'visitor_id']).doNothing())
    .execute();
}

/** A round's open doors in the host school, in time order. */
export async function roundDoors(scope: TenantScope, roundId: string) {
  return scope
    .selectFrom('doors')
    .select(['id', 'starts_at as startsAt', 'ends_at as endsAt', 'location', 'host_id as hostId'])
    .where('round_id', '=', roundId)
    .where('status', '=', 'open')
    .orderBy('starts_at')
    .orderBy('location')
    .execute();
}

/** A guest's booked visits of a round's doors. */
export async function guestVisits(scope: TenantScope, roundId: string, guestId: string) {
  return scope
    .selectFrom('visits')
    .innerJoin('doors', (j) =>
      j.onRef('doors.id', '=', 'visits.door_id').onRef('doors.tenant_id', '=', 'visits.tenant_id'),
    )
    .select(['visits.id', 'visits.door_id as doorId'])
    .where('doors.round_id', '=', roundId)
    .where('visits.visitor_id', '=', guestId)
    .where('visits.status', '=', 'booked')
    .execute();
}

/** The notes a guest wrote in a round (their own only). */
export async function guestNotes(scope: TenantScope, roundId: string, guestId: string, now: string) {
  return scope
    .selectFrom('notes')
    .innerJoin('doors', (j) =>
      j.onRef('doors.id', '=', 'notes.door_id').onRef('doors.tenant_id', '=', 'notes.tenant_id'),
    )
    .select([
      'notes.id',
      'notes.visit_id as visitId',
      'notes.prompt',
      'notes.text',
      'notes.created_at as createdAt',
    ])
    .where('doors.round_id', '=', roundId)
    .where('notes.writer_id', '=', guestId)
    .where('notes.expires_at', '>', now)
    .orderBy('notes.created_at')
    .execute();
}

/** Adds one seat to a round door for a visitor from another school; false when the door is gone or canceled. */
export async function widenDoor(scope: TenantScope, doorId: string, now: string): Promise<boolean> {
  const result = await scope
    .updateTable('doors')
    .set((eb) => ({
      capacity: eb('capacity', '+', 1),
      booked: eb('booked', '+', 1),
      sequence: eb('sequence', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', doorId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A district's guest seats with the visits their guests booked in the seat's round (one join for both readers). */
function seatedVisits(db: Kysely<Database>, districtId: string) {
  return db
    .selectFrom('district_seats as s')
    .innerJoin('visits as v', (j) =>
      j.onRef('v.tenant_id', '=', 's.tenant_id').onRef('v.visitor_id', '=', 's.guest_id'),
    )
    .innerJoin('doors as d', (j) =>
      j
        .onRef('d.id', '=', 'v.door_id')
        .onRef('d.tenant_id', '=', 'v.tenant_id')
        .onRef('d.round_id', '=', 's.round_id'),
    )
    .where('s.district_id', '=', districtId);
}

/** Visits by a guest from another school that have started, per host school and visiting school. */
export async function crossings(db: Kysely<Database>, districtId: string, now: string) {
  const rows = await seatedVisits(db, districtId)
    .select([
      's.tenant_id as host',
      's.visitor_tenant_id as visitor',
      (eb) => eb.fn.countAll<string>().as('visits'),
    ])
    .where('v.status', '=', 'booked')
    .where('v.starts_at', '<=', now)
    .groupBy(['s.tenant_id', 's.visitor_tenant_id'])
    .execute();
  return rows.map((r) => ({ host: r.host, visitor: r.visitor, visits: Number(r.visits) }));
}

const ThemeCounts = z.record(z.string(), z.number());

/** Per host school of the district, the evidence themes its cross-school rounds' pictures show over the threshold. */
export async function roundThemes(
  db: Kysely<Database>,
  districtId: string,
  minVisits: number,
  minHosts: number,
): Promise<Array<{ hostTenantId: string; themes: string[] }>> {
  const rows = await db
    .selectFrom('district_rounds as dr')
    .innerJoin('rounds as r', (j) =>
      j.onRef('r.id', '=', 'dr.round_id').onRef('r.tenant_id', '=', 'dr.tenant_id'),
    )
    .innerJoin('picture_groups as g', (j) =>
      j
        .onRef('g.tenant_id', '=', 'dr.tenant_id')
        .onRef('g.network_id', '=', 'r.network_id')
        .on('g.kind', '=', 'round')
        .onRef('g.label', '=', 'dr.round_id'),
    )
    .select(['dr.tenant_id as hostTenantId', 'g.themes'])
    .where('dr.district_id', '=', districtId)
    .where('g.visits', '>=', minVisits)
    .where('g.hosts', '>=', minHosts)
    .execute();
  return rows.map((r) => ({
    hostTenantId: r.hostTenantId,
    themes: Object.entries(decodeJson(ThemeCounts, r.themes, 'picture group'))
      .filter(([, n]) => n > 0)
      .map(([id]) => id),
  }));
}

/**
 * The round's seated visitors from other schools: their guest people in the host school, with their names. Only while
 * both schools are members of the district: a school that left takes no more part in the round.
 */
export async function seatGuests(scope: TenantScope, roundId: string): Promise<Map<string, string>> {
  const rows = await scope
    .selectFrom('district_seats')
    .innerJoin('people', (j) =>
      j
        .onRef('people.id', '=', 'district_seats.guest_id')
        .onRef('people.tenant_id', '=', 'district_seats.tenant_id'),
    )
    .innerJoin('district_schools as visiting', (j) =>
      j
        .onRef('visiting.district_id', '=', 'district_seats.district_id')
        .onRef('visiting.tenant_id', '=', 'district_seats.visitor_tenant_id')
        .on('visiting.status', '=', 'member'),
    )
    .innerJoin('district_schools as hosting', (j) =>
      j
        .onRef('hosting.district_id', '=', 'district_seats.district_id')
        .onRef('hosting.tenant_id', '=', 'district_seats.tenant_id')
        .on('hosting.status', '=', 'member'),
    )
    .select(['people.id', 'people.name'])
    .where('district_seats.round_id', '=', roundId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Takes back the seat a visitor from another school added to a round door (their visit was canceled). */
export async function narrowDoor(scope: TenantScope, doorId: string, now: string): Promise<void> {
  await scope
    .updateTable('doors')
    .set((eb) => ({
      capacity: eb('capacity', '-', 1),
      booked: eb('booked', '-', 1),
      sequence: eb('sequence', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', doorId)
    .where('booked', '>', 0)
    .where('capacity', '>', 1)
    .execute();
}

/** A school leaves a district: its membership goes (its rounds and seats stay, unreachable, as history). */
export async function removeSchool(
  db: Kysely<Database>,
  districtId: string,
  tenantId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('district_schools')
    .where('district_id', '=', districtId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  await db
    .deleteFrom('district_invites')
    .where('district_id', '=', districtId)
    .where('tenant_id', '=', tenantId)
    .where('used_at', 'is', null)
    .execute();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The booked visits across schools in a district that have not started and involve a school, as host or as visitor:
 * each with the host school, the round and the guest who booked it.
 */
export async function futureCrossVisits(
  db: Kysely<Database>,
  districtId: string,
  tenantId: string,
  now: string,
) {
  return seatedVisits(db, districtId)
    .select([
      's.tenant_id as hostTenantId',
      's.round_id as roundId',
      's.guest_id as guestId',
      'v.id as visitId',
      'v.door_id as doorId',
    ])
    .where((eb) => eb.or([eb('s.tenant_id', '=', tenantId), eb('s.visitor_tenant_id', '=', tenantId)]))
    .where('v.status', '=', 'booked')
    .where('v.starts_at', '>', now)
    .execute();
}
