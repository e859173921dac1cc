import { beforeAll, describe, expect, it } from 'vitest';
import { inviteSchoolAsOperator } from '../../lti-server/src/domain/districts';
import { CrossRoundSchema, DistrictPageSchema } from '../../shared/districts';
import { type Round, RoundSchema } from '../../shared/rounds';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

/**
 * District networks across schools (issue #17 item 5), on both databases: membership is explicit on both sides, a
 * visiting coach joins another school's round with a seat, visits and writes notes that land with the host school's
 * visited teacher, the picture stays with the host school, the district page holds aggregates of schools only, and
 * every district route keeps schools apart.
 */
let server: TestServer;
let coachA: ApiClient; // the host school's coach (school A: the sandbox school)
let coachB: ApiClient; // a visiting coach (school B)
let teacherB: ApiClient;
let coachC: ApiClient; // added by the operator (school C)
let coachD: ApiClient; // a school outside the district
let staffA: ApiClient[];
let staffIdsA: string[];
let districtId: string;
let roundA: Round;
let tenantOf: (c: ApiClient) => Promise<string>;

const idOf = async (c: ApiClient) => (await c.get('/api/me')).body.person.id as string;

async function publishedRound(coach: ApiClient, staffIds: string[], title: string, days = 6): Promise<Round> {
  const created = await coach.post('/api/rounds', {
    title,
    focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
    date: daysFromNow(days),
    start: '09:00',
    timeZone: 'UTC',
    participantIds: staffIds.slice(0, 8),
    hostIds: staffIds.slice(0, 3),
    // Rooms by number: a visitor from another school reads where to go, never whose room it is.
    locations: Object.fromEntries(staffIds.slice(0, 3).map((id, i) => [id, `Room ${101 + i}`])),
    confirmOutsideSchoolDay: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await coach.post(`/api/rounds/${created.body.id}/publish`, { confirmTradeoffs: true });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return RoundSchema.parse(published.body);
}

useTestServer({}, (s) => {
  server = s;
});

beforeAll(async () => {
  coachA = await launchAs(server, 'sandbox-dana-kim');
  coachB = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'school-b' });
  teacherB = await launchAs(server, 'sandbox-ben-okafor', { deploymentId: 'school-b' });
  coachC = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'school-c' });
  coachD = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'school-d' });
  staffA = await colleaguesOf(server, coachA, 8, 'Host A person');
  staffIdsA = await Promise.all(staffA.map(idOf));
  roundA = await publishedRound(coachA, staffIdsA, 'Round of school A');
  tenantOf = async (c) =>
    (
      await server.database.db
        .selectFrom('people')
        .select('tenant_id')
        .where('id', '=', await idOf(c))
        .executeTakeFirstOrThrow()
    ).tenant_id;
}, 60_000);

describe('district membership', () => {
  it('when a coach starts a district and invites another school, then that school is a member only once its coach redeems the code', async () => {
    const started = await coachA.post('/api/districts', { name: 'North Valley District' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body).toMatchObject({ name: 'North Valley District', status: 'member' });
    districtId = started.body.id;
    // Before B redeems anything, B has no district and cannot read A's.
    expect((await coachB.get('/api/districts')).body.items).toEqual([]);
    expect((await coachB.get(`/api/districts/${districtId}`)).status).toBe(404);

    const invite = await coachA.post(`/api/districts/${districtId}/invites`);
    expect(invite.status).toBe(201);
    // A teacher cannot redeem it; a code from one's own school does not work; a wrong code is unknown.
    expect((await teacherB.post('/api/districts/join', { code: invite.body.code })).status).toBe(403);
    expect((await coachA.post('/api/districts/join', { code: invite.body.code })).status).toBe(404);
    expect((await coachB.post('/api/districts/join', { code: 'not-the-code-at-all' })).status).toBe(404);

    const joined = await coachB.post('/api/districts/join', { code: invite.body.code });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body).toMatchObject({ id: districtId, status: 'member' });
    // Single use: the same code does not let a third school in.
    expect((await coachD.post('/api/districts/join', { code: invite.body.code })).status).toBe(404);
    expect((await coachD.get('/api/districts')).body.items).toEqual([]);
  });

  it('when an operator adds a school, then it is invited and sees nothing of the district until its coach accepts', async () => {
    await inviteSchoolAsOperator(server.database.db, districtId, await tenantOf(coachC), new Date());
    expect((await coachC.get('/api/districts')).body.items).toEqual([
      { id: districtId, name: 'North Valley District', status: 'invited' },
    ]);
    expect((await coachC.get(`/api/districts/${districtId}`)).status).toBe(404);
    expect((await coachC.post(`/api/districts/${districtId}/invites`)).status).toBe(404);
    const accepted = await coachC.post(`/api/districts/${districtId}/accept`);
    expect(accepted.body).toMatchObject({ status: 'member' });
    const page = DistrictPageSchema.parse((await coachC.get(`/api/districts/${districtId}`)).body);
    expect(page.schools.map((s) => s.status)).toEqual(['member', 'member', 'member']);
    // A school never invited cannot accept its way in.
    expect((await coachD.post(`/api/districts/${districtId}/accept`)).status).toBe(404);
  });
});

describe('a cross-school round', () => {
  let doorId: string;
  let visitId: string;

  it('when the host school opens its round, then a visiting coach takes a seat and sees its rooms, never its people', async () => {
    const opened = await coachA.post(`/api/districts/${districtId}/rounds`, {
      roundId: roundA.id,
      problem: 'How do students build on each other’s ideas?',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ roundId: roundA.id, mine: true });
    // A visiting school cannot open the host's round, nor open it twice.
    expect(
      (await coachB.post(`/api/districts/${districtId}/rounds`, { roundId: roundA.id, problem: 'Mine now' }))
        .status,
    ).toBe(404);
    expect(
      (await coachA.post(`/api/districts/${districtId}/rounds`, { roundId: roundA.id, problem: 'Again' }))
        .status,
    ).toBe(409);

    // Before a seat, the round's rooms are not B's to read.
    expect((await coachB.get(`/api/districts/${districtId}/rounds/${roundA.id}`)).status).toBe(404);
    const seat = await coachB.post(`/api/districts/${districtId}/rounds/${roundA.id}/seat`);
    expect(seat.status, JSON.stringify(seat.body)).toBe(200);
    const view = CrossRoundSchema.parse(seat.body);
    expect(view.doors.length).toBeGreaterThan(0);
    expect(view.notes).toEqual([]);
    expect(JSON.stringify(seat.body)).not.toContain('Host A person');
    doorId = view.doors[0]!.id;
    // The visitor's guest person in the host school is not the host school's staff: no round form offers it.
    const people = await coachA.get('/api/people');
    expect(people.status).toBe(200);
    expect(JSON.stringify(people.body)).not.toContain(' (');
  });

  it('when the visiting coach visits a room and writes a note, then the note belongs to the visited teacher of the host school', async () => {
    const visited = await coachB.post(`/api/districts/${districtId}/rounds/${roundA.id}/visits`, { doorId });
    expect(visited.status, JSON.stringify(visited.body)).toBe(200);
    visitId = CrossRoundSchema.parse(visited.body).doors.find((d) => d.id === doorId)!.visitId!;
    expect(visitId).toBeTruthy();
    // Writing before the visit started is refused, as for everyone.
    const early = await coachB.post(`/api/districts/${districtId}/rounds/${roundA.id}/notes`, {
      visitId,
      prompt: 'students',
      text: 'Students explained their steps to a partner.',
    });
    expect(early.status).toBe(409);
    await visitHappened(server, doorId);
    const note = await coachB.post(`/api/districts/${districtId}/rounds/${roundA.id}/notes`, {
      visitId,
      prompt: 'students',
      text: 'Students explained their steps to a partner.',
    });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    expect(CrossRoundSchema.parse(note.body).notes.map((n) => n.text)).toEqual([
      'Students explained their steps to a partner.',
    ]);

    const db = server.database.db;
    const row = await db
      .selectFrom('notes')
      .innerJoin('doors', 'doors.id', 'notes.door_id')
      .select(['notes.tenant_id', 'notes.host_id', 'doors.host_id as doorHost'])
      .where('notes.visit_id', '=', visitId)
      .executeTakeFirstOrThrow();
    expect(row.tenant_id).toBe(await tenantOf(coachA));
    expect(row.host_id).toBe(row.doorHost);
    // The visited teacher reads it among the notes about their room, with the visitor's school in the name.
    const host = staffA[staffIdsA.indexOf(row.host_id)]!;
    const about = await host.get('/api/notes?which=about');
    const mine = about.body.items.find((n: { text: string }) =>
      n.text.startsWith('Students explained their'),
    );
    expect(mine, JSON.stringify(about.body)).toBeTruthy();
  });

  it('when the note is written, then the picture counts it in the host school only', async () => {
    const db = server.database.db;
    const counted = await db
      .selectFrom('picture_visits')
      .select(['tenant_id'])
      .where('visit_id', '=', visitId)
      .execute();
    expect(counted.map((r) => r.tenant_id)).toEqual([await tenantOf(coachA)]);
    const inB = await db
      .selectFrom('picture_groups')
      .select('tenant_id')
      .where('tenant_id', '=', await tenantOf(coachB))
      .execute();
    expect(inB).toEqual([]);
    const notesInB = await db
      .selectFrom('notes')
      .select('id')
      .where('tenant_id', '=', await tenantOf(coachB))
      .execute();
    expect(notesInB).toEqual([]);
  });

  it('when the district page is read, then it shows crossed visits between schools and no people or notes', async () => {
    const res = await coachC.get(`/api/districts/${districtId}`);
    const page = DistrictPageSchema.parse(res.body);
    expect(page.crossedVisits).toBe(1);
    expect(page.connections).toHaveLength(1);
    expect(page.connections[0]!.visits).toBe(1);
    const names = new Map(page.schools.map((s) => [s.id, s.name]));
    expect(page.connections[0]!.host).toBe(names.get(await tenantOf(coachA)));
    expect(page.connections[0]!.visitor).toBe(names.get(await tenantOf(coachB)));
    expect(page.rounds.map((r) => r.roundId)).toEqual([roundA.id]);
    expect(page.patterns).toEqual([]);
    const text = JSON.stringify(res.body);
    for (const word of ['Dana Kim', 'Host A person', 'Students explained', 'Ben Okafor'])
      expect(text).not.toContain(word);
  });
});

describe('evidence patterns across schools', () => {
  it('when a pattern shows in the round pictures of three host schools, then the district names it; two are not enough', async () => {
    const db = server.database.db;
    const label = (await import('../../shared/evidence-themes')).EVIDENCE_THEMES.find(
      (t) => t.id === 'student-talk',
    )!.label;
    // Rounds of B and C opened to the district; each round's picture is set as the picture's writes would leave it
    // once 3 visits in 3 classrooms showed the theme (A's round counts its one real visit, below the threshold).
    const hostRounds: Array<[ApiClient, Round]> = [];
    for (const coach of [coachB, coachC]) {
      const staff = await colleaguesOf(server, coach, 8, 'Other school person');
      const round = await publishedRound(coach, await Promise.all(staff.map(idOf)), 'Another school’s round');
      expect(
        (await coach.post(`/api/districts/${districtId}/rounds`, { roundId: round.id, problem: 'Talk' }))
          .status,
      ).toBe(201);
      hostRounds.push([coach, round]);
    }
    const setPicture = async (coach: ApiClient, round: Round, visits: number) => {
      const tenant = await tenantOf(coach);
      const networkId = (
        await db
          .selectFrom('rounds')
          .select('network_id')
          .where('id', '=', round.id)
          .executeTakeFirstOrThrow()
      ).network_id;
      await db
        .deleteFrom('picture_groups')
        .where('tenant_id', '=', tenant)
        .where('kind', '=', 'round')
        .where('label', '=', round.id)
        .execute();
      await db
        .insertInto('picture_groups')
        .values({
          tenant_id: tenant,
          network_id: networkId,
          kind: 'round',
          label: round.id,
          visits,
          hosts: 3,
          themes: JSON.stringify({ 'student-talk': 2 }),
        })
        .execute();
    };
    for (const [coach, round] of hostRounds) await setPicture(coach, round, 3);
    const two = DistrictPageSchema.parse((await coachB.get(`/api/districts/${districtId}`)).body);
    expect(two.patterns).toEqual([]);
    // A third school under the picture's threshold does not count either.
    await setPicture(coachA, roundA, 2);
    expect(
      DistrictPageSchema.parse((await coachB.get(`/api/districts/${districtId}`)).body).patterns,
    ).toEqual([]);
    await setPicture(coachA, roundA, 3);
    const three = DistrictPageSchema.parse((await coachB.get(`/api/districts/${districtId}`)).body);
    expect(three.patterns).toEqual([label]);
  });
});

describe('isolation of every district route', () => {
  it('when a school outside the district, a teacher, or a member without a seat calls a district route, then nothing is read or changed', async () => {
    const d = `/api/districts/${districtId}`;
    const r = `${d}/rounds/${roundA.id}`;
    const calls: Array<[string, string, unknown?]> = [
      ['get', d],
      ['post', `${d}/accept`],
      ['post', `${d}/invites`],
      ['post', `${d}/rounds`, { roundId: roundA.id, problem: 'Taken over' }],
      ['get', r],
      ['post', `${r}/seat`],
      ['post', `${r}/visits`, { doorId: roundA.id }],
      ['post', `${r}/notes`, { visitId: 'x', prompt: 'students', text: 'Students wrote.' }],
    ];
    for (const [method, path, body] of calls) {
      const outside = await (
        coachD as unknown as Record<
          string,
          (p: string, b?: unknown) => Promise<{ status: number; body: unknown }>
        >
      )[method]!(path, body);
      expect(outside.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(outside.body)).not.toContain('North Valley');
      const teacher = await (
        teacherB as unknown as Record<string, (p: string, b?: unknown) => Promise<{ status: number }>>
      )[method]!(path, body);
      expect(teacher.status, `${method} ${path}`).toBe(403);
    }
    // C is a member without a seat in A's round: it reads neither the round's rooms nor B's notes.
    expect((await coachC.get(r)).status).toBe(404);
    expect((await coachC.post(`${r}/visits`, { doorId: roundA.id })).status).toBe(404);
    // The host school reaches its own round through its own pages, not as a visitor.
    expect((await coachA.get(r)).status).toBe(404);
    expect((await coachA.post(`${r}/seat`)).status).toBe(404);
  });

  it('when a seated visitor names a room of another round, or a visit that is not theirs, then it is not found', async () => {
    const other = await publishedRound(coachA, staffIdsA.slice().reverse(), 'A round not opened', 8);
    const otherDoor = await server.database.db
      .selectFrom('doors')
      .select('id')
      .where('round_id', '=', other.id)
      .executeTakeFirstOrThrow();
    const r = `/api/districts/${districtId}/rounds/${roundA.id}`;
    expect((await coachB.post(`${r}/visits`, { doorId: otherDoor.id })).status).toBe(404);
    expect((await coachB.get(`/api/districts/${districtId}/rounds/${other.id}`)).status).toBe(404);
    expect((await coachB.post(`/api/districts/${districtId}/rounds/${other.id}/seat`)).status).toBe(404);
    const hostVisit = await server.database.db
      .selectFrom('visits')
      .innerJoin('doors', 'doors.id', 'visits.door_id')
      .select('visits.id')
      .where('doors.round_id', '=', roundA.id)
      .where('visits.visitor_id', 'in', staffIdsA)
      .executeTakeFirstOrThrow();
    const note = await coachB.post(`${r}/notes`, {
      visitId: hostVisit.id,
      prompt: 'students',
      text: 'Students wrote.',
    });
    expect(note.status).toBe(404);
    // Notes the host school's own visitors write in the round never show in the seated visitor's view.
    const view = CrossRoundSchema.parse((await coachB.get(r)).body);
    expect(view.notes.map((n) => n.text)).toEqual(['Students explained their steps to a partner.']);
  });
});

describe('schools that share a name', () => {
  it('when member schools share the platform’s name, then every school has a dot and a row of its own, labeled apart', async () => {
    // Every school here is a deployment of the sandbox LMS: each launch names its tenant "Sandbox LMS".
    const page = DistrictPageSchema.parse((await coachB.get(`/api/districts/${districtId}`)).body);
    const labels = page.schools.map((s) => s.name);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('Sandbox LMS');
    expect(labels).toContain('Sandbox LMS (2)');
    const [a, b] = [await tenantOf(coachA), await tenantOf(coachB)];
    const crossing = page.connections.find((c) => c.hostId === a && c.visitorId === b);
    expect(crossing, JSON.stringify(page.connections)).toBeDefined();
    expect(crossing!.host).not.toBe(crossing!.visitor);
    const label = new Map(page.schools.map((s) => [s.id, s.name]));
    expect(crossing!.host).toBe(label.get(a));
    expect(page.rounds.find((r) => r.roundId === roundA.id)?.hostSchool).toBe(label.get(a));
  });

  it('when a coach names their school, then the district shows that name, and a new launch keeps it', async () => {
    const tooLong = await coachA.put('/api/settings/school-name', { schoolName: 'x'.repeat(81) });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('80 characters');
    expect((await staffA[0]!.put('/api/settings/school-name', { schoolName: 'Not mine' })).status).toBe(403);
    const named = await coachA.put('/api/settings/school-name', {
      schoolName: '  Cedar Hill Middle School ',
    });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body).toMatchObject({ name: 'Sandbox LMS', schoolName: 'Cedar Hill Middle School' });

    // A launch sets the platform's name again, never the school's own.
    const again = await launchAs(server, 'sandbox-dana-kim');
    const page = DistrictPageSchema.parse((await again.get(`/api/districts/${districtId}`)).body);
    const a = await tenantOf(coachA);
    expect(page.schools.find((s) => s.id === a)?.name).toBe('Cedar Hill Middle School');
    expect(page.connections.find((c) => c.hostId === a)?.host).toBe('Cedar Hill Middle School');
    expect(page.rounds.find((r) => r.roundId === roundA.id)?.hostSchool).toBe('Cedar Hill Middle School');
    expect((await again.get('/api/settings/platform')).body).toMatchObject({
      name: 'Sandbox LMS',
      schoolName: 'Cedar Hill Middle School',
    });
    // Another school's page of the same district reads the new name too; its own name is untouched.
    const seenByB = DistrictPageSchema.parse((await coachB.get(`/api/districts/${districtId}`)).body);
    expect(seenByB.schools.find((s) => s.id === a)?.name).toBe('Cedar Hill Middle School');
    const b = await tenantOf(coachB);
    expect(seenByB.schools.find((s) => s.id === b)?.name).toMatch(/^Sandbox LMS/);

    // An empty name clears it: the platform's name shows again.
    const cleared = await coachA.put('/api/settings/school-name', { schoolName: '   ' });
    expect(cleared.body).toMatchObject({ schoolName: null });
  });
});
