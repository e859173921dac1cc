import { beforeAll, describe, expect, it } from 'vitest';
import { FinishedRoundPicturesSchema } from '../../shared/round-pictures';
import { HostNoticeListSchema, RoundHostingSchema } from '../../shared/round-hosts';
import { type Round, RoundNoticeListSchema, RoundSchema } from '../../shared/rounds';
import { VisitListSchema } from '../../shared/visits';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

let server: TestServer;
let dana: ApiClient; // coach who plans
let ana: ApiClient; // teacher outside the rounds
let teachers: ApiClient[];
let ids: string[];

const LOOK_FORS = 'What do students say when they build on an idea?\nWho asks the questions?';
const idOf = async (c: ApiClient) => (await c.get('/api/me')).body.person.id as string;

async function publishedRound(over: Record<string, unknown>): Promise<Round> {
  const created = await dana.post('/api/rounds', {
    title: 'Host choices round',
    focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
    date: daysFromNow(6),
    start: '09:00',
    timeZone: 'UTC',
    participantIds: ids.slice(0, 12),
    hostIds: ids.slice(0, 4),
    lookFor: LOOK_FORS,
    confirmOutsideSchoolDay: true,
    ...over,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await dana.post(`/api/rounds/${created.body.id}/publish`, { confirmTradeoffs: true });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return RoundSchema.parse(published.body);
}

const teacherOf = (id: string) => teachers[ids.indexOf(id)]!;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  dana = await launchAs(server, 'sandbox-dana-kim');
  ana = await launchAs(server, 'sandbox-ana-rivera');
  teachers = await colleaguesOf(server, dana, 16, 'Round host');
  ids = await Promise.all(teachers.map(idOf));
}, 60_000);

describe('a host chooses what visitors look for in their room', () => {
  let round: Round;
  beforeAll(async () => {
    round = await publishedRound({ date: daysFromNow(6) });
  });

  it('when a host picks one of the round’s look-fors and adds their own, then their visitors read it on the visit', async () => {
    const host = teachers[0]!;
    const before = RoundHostingSchema.parse((await host.get(`/api/rounds/${round.id}/host`)).body);
    expect(before.lookFors).toEqual([
      'What do students say when they build on an idea?',
      'Who asks the questions?',
    ]);
    expect(before.choice).toBeNull();
    expect(before.canChoose).toBe(true);
    expect(before.round.plannedBy.name).toBe('Dana Kim');
    expect(before.slots.length).toBeGreaterThan(0);

    const res = await host.put(`/api/rounds/${round.id}/host/look-for`, {
      picked: ['Who asks the questions?'],
      own: 'What do students write on the mini whiteboards?',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = RoundHostingSchema.parse(res.body);
    expect(after.choice).toEqual({
      picked: ['Who asks the questions?'],
      own: 'What do students write on the mini whiteboards?',
    });
    expect(after.lookFor).toBe('Who asks the questions? · What do students write on the mini whiteboards?');

    const visitorId = round.slots.flatMap((s) => s.visits).find((v) => v.hostId === ids[0])!.visitorIds[0]!;
    const visits = VisitListSchema.parse((await teacherOf(visitorId).get('/api/visits')).body).items;
    const toHost = visits.filter((v) => v.door.roundId === round.id && v.door.host.id === ids[0]);
    expect(toHost.length).toBeGreaterThan(0);
    for (const v of toHost) expect(v.door.lookFor).toBe(after.lookFor);
    // Another host's room keeps the round's look-for.
    const other = visits.find((v) => v.door.roundId === round.id && v.door.host.id !== ids[0]);
    if (other) expect(other.door.lookFor).toBe(LOOK_FORS);
  });

  it('when the choice is out of bounds, then it is refused and the saved choice stays', async () => {
    const host = teachers[1]!;
    const url = `/api/rounds/${round.id}/host/look-for`;
    const notOffered = await host.put(url, { picked: ['Are students quiet?'] });
    expect(notOffered.status).toBe(400);
    expect(notOffered.body.error.fields[0]).toMatchObject({ path: 'picked' });
    expect((await host.put(url, {})).status).toBe(400);
    expect((await host.put(url, { picked: [], own: '   ' })).status).toBe(400);
    expect((await host.put(url, { own: 'x'.repeat(201) })).status).toBe(400);
    expect((await host.put(url, { picked: ['a', 'b', 'c', 'd'] })).status).toBe(400);
    const twice = await host.put(url, { picked: ['Who asks the questions?', 'Who asks the questions?'] });
    expect(twice.status).toBe(400);
    const named = await host.put(url, { own: 'Watch how Maria answers' });
    expect(named.status).toBe(422);
    expect(named.body.error.code).toBe('NOTE_FLAGGED');
    const hosting = RoundHostingSchema.parse((await host.get(`/api/rounds/${round.id}/host`)).body);
    expect(hosting.choice).toBeNull();
    expect(hosting.lookFor).toBe(LOOK_FORS);
  });

  it('when someone who does not host in the round asks, then the round is not found to them', async () => {
    const visitorOnly = teachers[8]!; // a participant, not a host
    expect((await visitorOnly.get(`/api/rounds/${round.id}/host`)).status).toBe(404);
    expect(
      (
        await visitorOnly.put(`/api/rounds/${round.id}/host/look-for`, {
          picked: ['Who asks the questions?'],
        })
      ).status,
    ).toBe(404);
    expect((await ana.get(`/api/rounds/${round.id}/host`)).status).toBe(404);
    expect((await dana.get(`/api/rounds/${round.id}/host`)).status).toBe(404);
  });

  it('when the host’s slots have all started, then the choice can no longer change', async () => {
    const late = await publishedRound({ date: daysFromNow(7), title: 'Started round' });
    const host = teachers[2]!;
    const hosting = RoundHostingSchema.parse((await host.get(`/api/rounds/${late.id}/host`)).body);
    for (const s of hosting.slots) await visitHappened(server, s.doorId, 30);
    const res = await host.put(`/api/rounds/${late.id}/host/look-for`, {
      picked: ['Who asks the questions?'],
    });
    expect(res.status).toBe(409);
    const after = RoundHostingSchema.parse((await host.get(`/api/rounds/${late.id}/host`)).body);
    expect(after.canChoose).toBe(false);
    expect(after.slots.every((s) => !s.canDecline)).toBe(true);
  });
});

describe('a host declines a slot, and the coach re-plans it', () => {
  let round: Round;
  beforeAll(async () => {
    round = await publishedRound({ date: daysFromNow(8), title: 'Decline round' });
  });

  it('when a host declines with a reason, then the slot closes, its visitors are told, the coach reads why and moves the group', async () => {
    const host = teachers[1]!;
    const hosting = RoundHostingSchema.parse((await host.get(`/api/rounds/${round.id}/host`)).body);
    const slot = hosting.slots.find((s) => s.canDecline)!;
    const planned = round.slots.flatMap((s) => s.visits.map((v) => ({ ...v, startsAt: s.startsAt })));
    const group = planned.find((v) => v.hostId === ids[1] && v.startsAt === slot.startsAt)!.visitorIds;

    // A round slot is declined with a reason, never canceled silently.
    const cancel = await host.post(`/api/doors/${slot.doorId}/cancel`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.message).toMatch(/decline it with a reason/);
    // A reason naming a student is refused, and nothing changes.
    const named = await host.post(`/api/doors/${slot.doorId}/decline`, {
      reason: 'Maria has a dentist visit with my class at that time',
    });
    expect(named.status).toBe(422);
    expect(named.body.error.code).toBe('NOTE_FLAGGED');
    expect((await host.post(`/api/doors/${slot.doorId}/decline`, { reason: 'no' })).status).toBe(400);
    // A visitor of that slot, a colleague outside it and the coach cannot decline it.
    expect(
      (await teacherOf(group[0]!).post(`/api/doors/${slot.doorId}/decline`, { reason: 'Not mine' })).status,
    ).toBe(403);
    expect((await ana.post(`/api/doors/${slot.doorId}/decline`, { reason: 'Not mine' })).status).toBe(404);
    expect((await dana.post(`/api/doors/${slot.doorId}/decline`, { reason: 'Not mine' })).status).toBe(404);

    const declined = await host.post(`/api/doors/${slot.doorId}/decline`, {
      reason: 'Our class has a fire drill then',
    });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    const after = RoundHostingSchema.parse(declined.body);
    expect(after.slots.find((s) => s.doorId === slot.doorId)).toMatchObject({
      status: 'declined',
      declineReason: 'Our class has a fire drill then',
      canDecline: false,
    });
    expect((await host.post(`/api/doors/${slot.doorId}/decline`, { reason: 'Again' })).status).toBe(409);

    for (const visitorId of group) {
      const visit = VisitListSchema.parse((await teacherOf(visitorId).get('/api/visits')).body).items.find(
        (v) => v.door.id === slot.doorId,
      );
      expect(visit).toMatchObject({ status: 'cancelled', cancelledBy: 'host' });
    }

    const notice = RoundNoticeListSchema.parse((await dana.get('/api/round-notices')).body).items.find(
      (n) => n.round.id === round.id && n.kind === 'slot_declined',
    );
    expect(notice).toMatchObject({
      person: { id: ids[1] },
      host: { name: 'Round host 2' },
      startsAt: slot.startsAt,
      reason: 'Our class has a fire drill then',
      decline: { reason: 'Our class has a fire drill then', replanned: false },
    });
    const planner = RoundSchema.parse((await dana.get(`/api/rounds/${round.id}`)).body);
    expect(planner.declines).toEqual([
      expect.objectContaining({
        id: notice!.decline!.id,
        hostId: ids[1],
        startsAt: slot.startsAt,
        reason: 'Our class has a fire drill then',
        replanned: null,
      }),
    ]);

    // Re-planning: the coach only, never back to the host who declined, never into a member of the group.
    const url = `/api/rounds/${round.id}/declines/${notice!.decline!.id}/replan`;
    const anaId = await idOf(ana);
    expect((await host.post(url, { hostId: anaId })).status).toBe(403);
    expect((await dana.post(url, { hostId: ids[1] })).status).toBe(400);
    expect((await dana.post(url, { hostId: group[0] })).status).toBe(400);
    expect((await dana.post(url, { hostId: 'nobody' })).status).toBe(400);
    const moved = await dana.post(url, { hostId: anaId, location: 'Library' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(RoundSchema.parse(moved.body).declines[0]!.replanned).toEqual({
      host: { id: anaId, name: 'Ana Rivera' },
      location: 'Library',
    });
    expect((await dana.post(url, { hostId: anaId })).status).toBe(409);

    for (const visitorId of group) {
      const visit = VisitListSchema.parse((await teacherOf(visitorId).get('/api/visits')).body).items.find(
        (v) => v.door.roundId === round.id && v.door.host.id === anaId,
      );
      expect(visit).toMatchObject({
        status: 'booked',
        door: { location: 'Library', startsAt: slot.startsAt },
      });
    }
    // The new host sees the slot as theirs; the notice has left the coach's list.
    const anaHosting = RoundHostingSchema.parse((await ana.get(`/api/rounds/${round.id}/host`)).body);
    expect(anaHosting.slots).toHaveLength(1);
    expect(anaHosting.lookFor).toBe(LOOK_FORS);
    expect((await ana.get(`/api/rounds/${round.id}/debrief`)).status).toBe(200); // she hosts in it now
    const open = RoundNoticeListSchema.parse((await dana.get('/api/round-notices')).body).items;
    expect(open.some((n) => n.id === notice!.id)).toBe(false);
  });

  it('when the new host is busy at that time, then re-planning names them and books nothing', async () => {
    const host = teachers[2]!;
    const hosting = RoundHostingSchema.parse((await host.get(`/api/rounds/${round.id}/host`)).body);
    const slot = hosting.slots.find((s) => s.canDecline)!;
    expect(
      (await host.post(`/api/doors/${slot.doorId}/decline`, { reason: 'Our class has a test' })).status,
    ).toBe(200);
    const planned = round.slots.find((s) => s.startsAt === slot.startsAt)!;
    // Someone visiting another room in that same slot.
    const busy = planned.visits.find((v) => v.hostId !== ids[2])!.visitorIds[0]!;
    const decline = RoundSchema.parse((await dana.get(`/api/rounds/${round.id}`)).body).declines.find(
      (d) => d.startsAt === slot.startsAt && d.hostId === ids[2],
    )!;
    const res = await dana.post(`/api/rounds/${round.id}/declines/${decline.id}/replan`, { hostId: busy });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VISIT_OVERLAP');
    expect(res.body.error.message).toContain(`Round host ${ids.indexOf(busy) + 1} is already visiting`);
    const still = RoundSchema.parse((await dana.get(`/api/rounds/${round.id}`)).body).declines.find(
      (d) => d.id === decline.id,
    );
    expect(still?.replanned).toBeNull();
  });
});

describe('the picture of finished rounds, shared with teachers', () => {
  const NOTE = 'Students explained each step to a partner, then the partner asked a question.';
  let wide: Round; // 3 rooms with notes
  let narrow: Round; // 2 rooms, one with notes

  /** Each door of the round has happened; one visitor per door writes a note, for the hosts in `withNotes`. */
  async function visitsWithNotes(round: Round, withNotes: string[]) {
    const doors = await server.database.db
      .selectFrom('doors')
      .select(['id', 'host_id'])
      .where('round_id', '=', round.id)
      .execute();
    for (const [i, d] of doors.entries()) await visitHappened(server, d.id, 600 - i * 15);
    for (const d of doors) {
      if (!withNotes.includes(d.host_id)) continue;
      const visit = await server.database.db
        .selectFrom('visits')
        .select(['id', 'visitor_id'])
        .where('door_id', '=', d.id)
        .where('status', '=', 'booked')
        .executeTakeFirstOrThrow();
      const res = await teacherOf(visit.visitor_id).post('/api/notes', {
        visitId: visit.id,
        prompt: 'students',
        text: NOTE,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  }

  const finish = (round: Round) =>
    dana.put(`/api/rounds/${round.id}/debrief`, {
      phase: 'done',
      prediction: 'Students here would explain their steps to a partner.',
      nextLevel: 'Partners ask one question each.',
      skipReason: 'We talked it through aloud',
    });

  beforeAll(async () => {
    // Hosts who only host: teachers 13–15 (wide), 13–14 (narrow); visitors 1–8.
    wide = await publishedRound({
      date: daysFromNow(10),
      title: 'Wide finished round',
      participantIds: ids.slice(0, 8),
      hostIds: ids.slice(12, 15),
    });
    narrow = await publishedRound({
      date: daysFromNow(11),
      title: 'Narrow finished round',
      participantIds: ids.slice(0, 8),
      hostIds: ids.slice(12, 14),
    });
    await visitsWithNotes(wide, ids.slice(12, 15));
    await visitsWithNotes(narrow, [ids[12]!]);
  }, 60_000);

  it('when a round’s debrief is not finished, then teachers do not see it', async () => {
    const picture = FinishedRoundPicturesSchema.parse((await ana.get('/api/picture/rounds')).body);
    expect(picture.items.map((r) => r.title)).not.toContain('Wide finished round');
    expect((await ana.get('/api/picture')).status).toBe(403); // the coaches' picture stays theirs
  });

  it('when debriefs finish, then every teacher sees them, with evidence only above the thresholds and nothing per teacher', async () => {
    expect((await finish(wide)).status).toBe(200);
    expect((await finish(narrow)).status).toBe(200);
    for (const reader of [ana, teachers[3]!, dana]) {
      const res = await reader.get('/api/picture/rounds');
      expect(res.status).toBe(200);
      const picture = FinishedRoundPicturesSchema.parse(res.body);
      expect(picture).toMatchObject({ minVisits: 3, minHosts: 3 });
      const w = picture.items.find((r) => r.id === wide.id)!;
      expect(w).toMatchObject({
        title: 'Wide finished round',
        prediction: 'Students here would explain their steps to a partner.',
        nextLevel: 'Partners ask one question each.',
      });
      expect(w.evidence).not.toBeNull();
      const talk = w.evidence!.find((t) => t.theme === 'student-talk');
      expect(talk?.share).toBe('most');
      // Two rooms only: the round's summary is there, its evidence is held back.
      expect(picture.items.find((r) => r.id === narrow.id)?.evidence).toBeNull();
      const raw = JSON.stringify(res.body);
      expect(raw).not.toContain('Round host');
      expect(raw).not.toContain(NOTE);
      expect(raw).not.toMatch(/hostId|visitorId|writer|location/);
      for (const id of ids) expect(raw).not.toContain(id);
    }
  });

  it('when a debrief finishes, then each host whose room’s visits fed it is told once, and nobody else', async () => {
    for (const hostId of ids.slice(12, 15)) {
      const notices = HostNoticeListSchema.parse(
        (await teacherOf(hostId).get('/api/host-notices')).body,
      ).items;
      expect(notices.filter((n) => n.round.id === wide.id)).toEqual([
        expect.objectContaining({
          kind: 'picture_fed',
          round: { id: wide.id, title: 'Wide finished round' },
        }),
      ]);
    }
    // In the narrow round only the room with notes fed the picture.
    const told = async (c: ApiClient) =>
      HostNoticeListSchema.parse((await c.get('/api/host-notices')).body).items.filter(
        (n) => n.round.id === narrow.id,
      ).length;
    expect(await told(teacherOf(ids[12]!))).toBe(1);
    expect(await told(teacherOf(ids[13]!))).toBe(0);
    expect(HostNoticeListSchema.parse((await ana.get('/api/host-notices')).body).items).toEqual([]);
    expect(HostNoticeListSchema.parse((await teachers[0]!.get('/api/host-notices')).body).items).toEqual([]);

    // Finishing again tells nobody twice.
    await dana.put(`/api/rounds/${wide.id}/debrief`, { phase: 'next' });
    expect((await finish(wide)).status).toBe(200);
    const host = teacherOf(ids[14]!);
    const mine = HostNoticeListSchema.parse((await host.get('/api/host-notices')).body).items;
    expect(mine.filter((n) => n.round.id === wide.id)).toHaveLength(1);
    const raw = JSON.stringify(mine);
    expect(raw).not.toContain(NOTE);

    const notice = mine.find((n) => n.round.id === wide.id)!;
    expect((await ana.post(`/api/host-notices/${notice.id}/seen`)).status).toBe(404);
    expect((await host.post(`/api/host-notices/${notice.id}/seen`)).status).toBe(204);
    expect((await host.post(`/api/host-notices/${notice.id}/seen`)).status).toBe(404);
    expect(
      HostNoticeListSchema.parse((await host.get('/api/host-notices')).body).items.some(
        (n) => n.id === notice.id,
      ),
    ).toBe(false);
  });

  it('when another school asks, then it sees none of these rounds, slots or notices', async () => {
    const otherTeacher = await launchAs(server, 'sandbox-ben-okafor', { deploymentId: 'school-b' });
    const otherCoach = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'school-b' });
    for (const c of [otherTeacher, otherCoach]) {
      const picture = await c.get('/api/picture/rounds');
      expect(picture.status).toBe(200);
      expect(JSON.stringify(picture.body)).not.toMatch(/finished round|Host choices|Decline round/);
      expect(HostNoticeListSchema.parse((await c.get('/api/host-notices')).body).items).toEqual([]);
      expect((await c.get(`/api/rounds/${wide.id}/host`)).status).toBe(404);
    }
    const door = await server.database.db
      .selectFrom('doors')
      .select('id')
      .where('round_id', '=', wide.id)
      .executeTakeFirstOrThrow();
    expect((await otherTeacher.post(`/api/doors/${door.id}/decline`, { reason: 'Not ours' })).status).toBe(
      404,
    );
    const decline = await server.database.db
      .selectFrom('round_declines')
      .select(['id', 'round_id'])
      .executeTakeFirst();
    if (decline)
      expect(
        (
          await otherCoach.post(`/api/rounds/${decline.round_id}/declines/${decline.id}/replan`, {
            hostId: await idOf(otherTeacher),
          })
        ).status,
      ).toBe(404);
  });
});
