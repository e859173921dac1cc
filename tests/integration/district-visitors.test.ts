import { beforeAll, describe, expect, it } from 'vitest';
import { MeSchema } from '../../shared/api';
import { CrossDialogueSchema, CrossRoundSchema, DistrictPageSchema } from '../../shared/districts';
import { BriefingSchema } from '../../shared/round-briefing';
import { RoundHostingSchema } from '../../shared/round-hosts';
import { type Round, RoundNoticeListSchema, RoundSchema } from '../../shared/rounds';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

/**
 * A visitor from another school in a cross-school round (issue #17 item 5), on both databases: they read and
 * acknowledge the host round's briefing (the host coach sees them by name, with their school), take part in the
 * reflective dialogue after their visit (only that room's host and its visitors), cancel a visit with a reason (the
 * host coach is told), and a school leaves the district (its future visits across schools are canceled with a notice;
 * what happened stays with the host school). Every step checks that the visitor reads nothing else of the host school.
 */
let server: TestServer;
let coachA: ApiClient; // the host school's coach
let coachB: ApiClient; // a visiting coach (school B, named "Maple Grove Middle")
let teacherB: ApiClient;
let coachC: ApiClient; // another member school, seated later
let coachD: ApiClient; // a school outside the district
let staffA: ApiClient[];
let staffIdsA: string[];
let districtId: string;
let roundA: Round;
let base: string;
let doors: Array<{ id: string; startsAt: string; location: string }>;

const VISITOR = 'Dana Kim (Maple Grove Middle)';
const idOf = async (c: ApiClient) => (await c.get('/api/me')).body.person.id as string;
const hostOf = async (doorId: string) => {
  const row = await server.database.db
    .selectFrom('doors')
    .select('host_id')
    .where('id', '=', doorId)
    .executeTakeFirstOrThrow();
  return staffA[staffIdsA.indexOf(row.host_id)]!;
};
const noticesOfA = async () =>
  RoundNoticeListSchema.parse((await coachA.get('/api/round-notices')).body).items;

useTestServer({}, (s) => {
  server = s;
});

beforeAll(async () => {
  coachA = await launchAs(server, 'sandbox-dana-kim');
  coachB = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'visitor-b' });
  teacherB = await launchAs(server, 'sandbox-ben-okafor', { deploymentId: 'visitor-b' });
  coachC = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'visitor-c' });
  coachD = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'visitor-d' });
  staffA = await colleaguesOf(server, coachA, 8, 'Host A person');
  staffIdsA = await Promise.all(staffA.map(idOf));
  const created = await coachA.post('/api/rounds', {
    title: 'Round of school A',
    focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
    date: daysFromNow(6),
    start: '09:00',
    timeZone: 'UTC',
    participantIds: staffIdsA,
    hostIds: staffIdsA.slice(0, 3),
    lookFor: 'What do students say to each other?',
    locations: Object.fromEntries(staffIdsA.slice(0, 3).map((id, i) => [id, `Room ${101 + i}`])),
    confirmOutsideSchoolDay: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await coachA.post(`/api/rounds/${created.body.id}/publish`, { confirmTradeoffs: true });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  roundA = RoundSchema.parse(published.body);

  expect((await coachB.put('/api/settings/school-name', { schoolName: 'Maple Grove Middle' })).status).toBe(
    200,
  );
  districtId = (await coachA.post('/api/districts', { name: 'Lake District' })).body.id;
  for (const coach of [coachB, coachC]) {
    const invite = await coachA.post(`/api/districts/${districtId}/invites`);
    expect((await coach.post('/api/districts/join', { code: invite.body.code })).status).toBe(200);
  }
  const opened = await coachA.post(`/api/districts/${districtId}/rounds`, {
    roundId: roundA.id,
    problem: 'How do students build on each other’s ideas?',
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  base = `/api/districts/${districtId}/rounds/${roundA.id}`;
  const seat = await coachB.post(`${base}/seat`);
  expect(seat.status, JSON.stringify(seat.body)).toBe(200);
  doors = CrossRoundSchema.parse(seat.body).doors;
}, 60_000);

describe('the host round’s briefing, for a visitor from another school', () => {
  it('when a seated visitor reads and acknowledges it, then the host coach’s list shows them with their school’s name', async () => {
    const before = CrossRoundSchema.parse((await coachB.get(base)).body);
    expect(before.briefing.norms.length).toBeGreaterThan(0);
    expect(before.briefing.lookFors).toBe('What do students say to each other?');
    expect(before.briefing).toMatchObject({ acknowledgedAt: null, current: false });

    const acked = await coachB.post(`${base}/briefing/ack`);
    expect(acked.status, JSON.stringify(acked.body)).toBe(200);
    expect(CrossRoundSchema.parse(acked.body).briefing.current).toBe(true);

    const coachView = BriefingSchema.parse((await coachA.get(`/api/rounds/${roundA.id}/briefing`)).body);
    const visitor = coachView.reading?.people.find((p) => p.name === VISITOR);
    expect(visitor, JSON.stringify(coachView.reading)).toMatchObject({ current: true });
    expect(coachView.reading?.total).toBe(staffIdsA.length + 1);
    expect(coachView.reading?.read).toBe(1);
  });

  it('when the visitor reads the briefing, then nothing of the host school’s people shows: no groups, roles or whose room', async () => {
    const text = JSON.stringify((await coachB.get(base)).body);
    expect(text).not.toContain('Host A person');
    expect(text).not.toContain('facilitator');
    // Only a seated visitor acknowledges: a member without a seat, a school outside, a teacher cannot.
    expect((await coachC.post(`${base}/briefing/ack`)).status).toBe(404);
    expect((await coachD.post(`${base}/briefing/ack`)).status).toBe(404);
    expect((await teacherB.post(`${base}/briefing/ack`)).status).toBe(403);
    // The host school's own briefing route stays its own: the visitor's session reads nothing through it.
    expect((await coachB.get(`/api/rounds/${roundA.id}/briefing`)).status).toBe(404);
  });
});

describe('the reflective dialogue after a visit across schools', () => {
  it('when the visit has ended, then the visitor and that room’s host write to each other, by role and never by name', async () => {
    const door = doors[0]!;
    expect((await coachB.post(`${base}/visits`, { doorId: door.id })).status).toBe(200);
    const early = CrossDialogueSchema.parse((await coachB.get(`${base}/dialogue/${door.id}`)).body);
    expect(early).toMatchObject({ open: false, canWrite: [] });
    expect(
      (
        await coachB.post(`${base}/dialogue/${door.id}`, {
          part: 'noticed',
          text: 'Students asked questions.',
        })
      ).status,
    ).toBe(409);

    await visitHappened(server, door.id);
    const wrote = await coachB.post(`${base}/dialogue/${door.id}`, {
      part: 'noticed',
      text: 'Students asked each other how they knew.',
    });
    expect(wrote.status, JSON.stringify(wrote.body)).toBe(201);
    expect(CrossDialogueSchema.parse(wrote.body).canWrite).toEqual(['wondering']);

    const host = await hostOf(door.id);
    const hostView = await host.get(`/api/doors/${door.id}/dialogue`);
    expect(hostView.status).toBe(200);
    expect(hostView.body.entries).toMatchObject([{ part: 'noticed', author: { name: VISITOR } }]);
    const replied = await host.post(`/api/doors/${door.id}/dialogue`, {
      part: 'reply',
      text: 'We practiced that question all week.',
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(201);

    const seen = await coachB.get(`${base}/dialogue/${door.id}`);
    const thread = CrossDialogueSchema.parse(seen.body);
    expect(thread.entries.map((e) => [e.part, e.by])).toEqual([
      ['noticed', 'me'],
      ['reply', 'host'],
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('Host A person');
  });

  it('when anyone else asks for that thread, then it does not exist for them', async () => {
    const door = doors[0]!;
    const host = await hostOf(door.id);
    const other = staffA.find((s) => s !== host && s !== staffA[3])!;
    // Another teacher of the host school and its coach: the thread is the host's and the visitors' only.
    expect((await other.get(`/api/doors/${door.id}/dialogue`)).status).toBe(404);
    expect((await coachA.get(`/api/doors/${door.id}/dialogue`)).status).toBe(404);
    // Another member school, a school outside, a teacher, and the visitor on a room they did not visit.
    expect((await coachC.get(`${base}/dialogue/${door.id}`)).status).toBe(404);
    expect((await coachD.get(`${base}/dialogue/${door.id}`)).status).toBe(404);
    expect((await teacherB.get(`${base}/dialogue/${door.id}`)).status).toBe(403);
    const unvisited = doors.find((d) => d.startsAt !== door.startsAt)!;
    expect((await coachB.get(`${base}/dialogue/${unvisited.id}`)).status).toBe(404);
    // The visitor's session cannot read it through the host school's own route either.
    expect((await coachB.get(`/api/doors/${door.id}/dialogue`)).status).toBe(404);
  });
});

describe('a visitor from another school cancels a visit', () => {
  it('when they cancel with a reason, then the room’s extra seat goes and the host coach reads it under Needs your attention', async () => {
    const door = doors.find((d) => d.startsAt !== doors[0]!.startsAt)!;
    const capacity = async () =>
      (
        await server.database.db
          .selectFrom('doors')
          .select(['capacity', 'booked'])
          .where('id', '=', door.id)
          .executeTakeFirstOrThrow()
      ).capacity;
    const before = await capacity();
    const booked = CrossRoundSchema.parse((await coachB.post(`${base}/visits`, { doorId: door.id })).body);
    const visitId = booked.doors.find((d) => d.id === door.id)!.visitId!;
    expect(await capacity()).toBe(before + 1);

    const noReason = await coachB.post(`${base}/visits/${visitId}/cancel`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('VALIDATION_FAILED');
    // Someone else cannot cancel it: another member school, a school outside, a teacher.
    expect((await coachC.post(`${base}/visits/${visitId}/cancel`, { reason: 'Mine now' })).status).toBe(404);
    expect((await coachD.post(`${base}/visits/${visitId}/cancel`, { reason: 'Mine now' })).status).toBe(404);
    expect((await teacherB.post(`${base}/visits/${visitId}/cancel`, { reason: 'Mine now' })).status).toBe(
      403,
    );

    const canceled = await coachB.post(`${base}/visits/${visitId}/cancel`, {
      reason: 'Our own school has a fire drill then',
    });
    expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
    expect(CrossRoundSchema.parse(canceled.body).doors.find((d) => d.id === door.id)?.visitId).toBeNull();
    expect(await capacity()).toBe(before);
    const notice = (await noticesOfA()).find((n) => n.reason === 'Our own school has a fire drill then');
    expect(notice, JSON.stringify(await noticesOfA())).toMatchObject({
      kind: 'visit_cancelled',
      person: { name: VISITOR },
      round: { id: roundA.id },
    });
    // Canceling twice leaves one notice.
    expect((await coachB.post(`${base}/visits/${visitId}/cancel`, { reason: 'Again' })).status).toBe(404);
    expect((await noticesOfA()).filter((n) => n.person.name === VISITOR)).toHaveLength(1);
  });

  it('when the visit has started, then it can no longer be canceled', async () => {
    const view = CrossRoundSchema.parse((await coachB.get(base)).body);
    const started = view.doors.find((d) => d.id === doors[0]!.id)!;
    const res = await coachB.post(`${base}/visits/${started.visitId}/cancel`, { reason: 'Too late now' });
    expect(res.status).toBe(409);
  });
});

describe('a school leaves the district', () => {
  it('when a visiting school leaves, then its future visits are canceled with a notice, and what happened stays with the host school', async () => {
    const future = doors.find((d) => d.startsAt !== doors[0]!.startsAt)!;
    expect((await coachB.post(`${base}/visits`, { doorId: future.id })).status).toBe(200);
    // C is seated too, with a visit of its own that B's leaving does not touch.
    expect((await coachC.post(`${base}/seat`)).status).toBe(200);
    const third = doors.filter((d) => d.startsAt !== doors[0]!.startsAt).at(-1)!;
    expect((await coachC.post(`${base}/visits`, { doorId: third.id })).status).toBe(200);

    expect((await teacherB.post(`/api/districts/${districtId}/leave`)).status).toBe(403);
    expect((await coachD.post(`/api/districts/${districtId}/leave`)).status).toBe(404);
    const left = await coachB.post(`/api/districts/${districtId}/leave`);
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect(left.body).toEqual({ canceledVisits: 1 });

    expect((await coachB.get('/api/districts')).body.items).toEqual([]);
    expect((await coachB.get(`/api/districts/${districtId}`)).status).toBe(404);
    expect((await coachB.get(base)).status).toBe(404);
    expect((await coachB.get(`${base}/dialogue/${doors[0]!.id}`)).status).toBe(404);
    expect((await coachB.post(`/api/districts/${districtId}/leave`)).status).toBe(404);

    const notice = (await noticesOfA()).find((n) => n.reason === 'Their school left the district network');
    expect(notice, JSON.stringify(await noticesOfA())).toMatchObject({ person: { name: VISITOR } });
    const page = DistrictPageSchema.parse((await coachA.get(`/api/districts/${districtId}`)).body);
    expect(page.schools).toHaveLength(2);
    // A visitor whose school left is no longer among the briefing's readers (C's coach, seated since, is).
    const reading = BriefingSchema.parse(
      (await coachA.get(`/api/rounds/${roundA.id}/briefing`)).body,
    ).reading;
    expect(reading?.people.map((p) => p.name)).not.toContain(VISITOR);
    expect(reading?.total).toBe(staffIdsA.length + 1);
    // The finished visit's dialogue stays with the host, and C's visit is still booked.
    const host = await hostOf(doors[0]!.id);
    expect((await host.get(`/api/doors/${doors[0]!.id}/dialogue`)).body.entries).toHaveLength(2);
    const cView = CrossRoundSchema.parse((await coachC.get(base)).body);
    expect(cView.doors.find((d) => d.id === third.id)?.visitId).toBeTruthy();
  });

  it('when the host school leaves, then visits to its rooms are canceled and its round is no longer open to the district', async () => {
    const left = await coachA.post(`/api/districts/${districtId}/leave`);
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect(left.body).toEqual({ canceledVisits: 1 });
    expect((await coachC.get(base)).status).toBe(404);
    const page = DistrictPageSchema.parse((await coachC.get(`/api/districts/${districtId}`)).body);
    expect(page.rounds).toEqual([]);
    expect(page.schools).toHaveLength(1);
    const notice = (await noticesOfA()).find((n) => n.reason === 'Your school left the district network');
    expect(notice).toBeDefined();
  });
});

describe('a host goes back to the round’s look-for', () => {
  it('when a host who chose their own look-for resets it, then their room carries the round’s look-for again', async () => {
    const door = doors.find((d) => d.startsAt !== doors[0]!.startsAt)!;
    const host = await hostOf(door.id);
    const chose = await host.put(`/api/rounds/${roundA.id}/host/look-for`, { own: 'How do students start?' });
    expect(chose.status, JSON.stringify(chose.body)).toBe(200);
    expect(RoundHostingSchema.parse(chose.body).lookFor).toBe('How do students start?');

    const reset = await host.delete(`/api/rounds/${roundA.id}/host/look-for`);
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    const hosting = RoundHostingSchema.parse(reset.body);
    expect(hosting.choice).toBeNull();
    expect(hosting.lookFor).toBe('What do students say to each other?');
    const row = await server.database.db
      .selectFrom('doors')
      .select('look_for')
      .where('id', '=', door.id)
      .executeTakeFirstOrThrow();
    expect(row.look_for).toBe('What do students say to each other?');
    // Someone who does not host in the round, and another school, cannot reach it.
    expect((await staffA[7]!.delete(`/api/rounds/${roundA.id}/host/look-for`)).status).toBe(404);
    expect((await coachB.delete(`/api/rounds/${roundA.id}/host/look-for`)).status).toBe(404);
  });
});

describe('the school’s name in the user bar', () => {
  it('when a coach named their school, then /api/me carries the name; a school without one carries null', async () => {
    expect(MeSchema.parse((await teacherB.get('/api/me')).body).platform.schoolName).toBe(
      'Maple Grove Middle',
    );
    expect(MeSchema.parse((await coachC.get('/api/me')).body).platform.schoolName).toBeNull();
  });
});
