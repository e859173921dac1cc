import { beforeAll, describe, expect, it } from 'vitest';
import { PeopleSchema, type Round, RoundNoticeListSchema, RoundSchema } from '../../shared/rounds';
import { DoorListSchema, VisitListSchema } from '../../shared/visits';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
let dana: ApiClient; // coach
let ana: ApiClient; // teacher, not in the round
let teachers: ApiClient[];
let ids: string[];

const idOf = async (c: ApiClient) => (await c.get('/api/me')).body.person.id as string;

const roundInput = (over: Record<string, unknown> = {}) => ({
  title: 'Discussion moves round',
  focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
  date: daysFromNow(6),
  start: '09:00',
  timeZone: 'America/Chicago',
  participantIds: ids,
  hostIds: ids.slice(0, 4),
  locations: { [ids[0]!]: 'Room 101' },
  lookFor: 'What do students say when they build on an idea?',
  ...over,
});

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  dana = await launchAs(server, 'sandbox-dana-kim');
  ana = await launchAs(server, 'sandbox-ana-rivera');
  teachers = await colleaguesOf(server, dana, 12, 'Round teacher');
  ids = await Promise.all(teachers.map(idOf));
}, 60_000);
function expectValidRotation(round: Round) {
  const hosts = new Set(round.hosts.map((h) => h.id));
  for (const slot of round.slots) {
    const rooms = slot.visits.map((v) => v.hostId);
    expect(new Set(rooms).size).toBe(rooms.length); // no two groups in one room at once
    const hosting = new Set(rooms);
    for (const v of slot.visits) {
      expect(hosts.has(v.hostId)).toBe(true);
      expect(v.visitorIds).not.toContain(v.hostId); // no self-visit
      for (const visitor of v.visitorIds) expect(hosting.has(visitor)).toBe(false); // nobody visits while hosting
    }
  }
}

/** Runs `asks` while `client`'s person has chosen Spanish (the first thing the server's language follows). */
async function inSpanish(client: ApiClient, asks: () => Promise<void>) {
  expect((await client.put('/api/me/language', { language: 'es' })).status).toBe(200);
  try {
    await asks();
  } finally {
    await client.put('/api/me/language', { language: null });
  }
}

describe('planning a round', () => {
  it('when a coach plans 12 teachers and 4 hosts, then 3 groups of 4 rotate through 4 rooms with no self-visit', async () => {
    const res = await dana.post('/api/rounds', roundInput());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const round = RoundSchema.parse(res.body);
    expect(round.status).toBe('draft');
    expect(round.groups.map((g) => g.length)).toEqual([4, 4, 4]);
    expect(round.groups.flat().sort()).toEqual([...ids].sort());
    expect(round.slots).toHaveLength(4);
    expect(round.slots[1]!.startsAt).toBe(
      new Date(Date.parse(round.slots[0]!.startsAt) + 15 * 60_000).toISOString(),
    );
    expect(round.hosts.find((h) => h.id === ids[0])?.location).toBe('Room 101');
    expect(round.hosts.find((h) => h.id === ids[1])?.location).toBe('Round teacher 2’s classroom');
    expectValidRotation(round);
  });

  it('when a coach who reads Spanish names no room for a host, then the host’s classroom is named in Spanish', async () => {
    expect((await dana.put('/api/me/language', { language: 'es' })).status).toBe(200);
    try {
      const res = await dana.post('/api/rounds', roundInput());
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const round = RoundSchema.parse(res.body);
      expect(round.hosts.find((h) => h.id === ids[1])?.location).toBe('El aula de Round teacher 2');
      expect((await dana.delete(`/api/rounds/${round.id}`)).status).toBe(204);
    } finally {
      await dana.put('/api/me/language', { language: null });
    }
  });

  it('when the teachers cannot form groups of 4–5, then the answer is 422 with sentences naming what to change', async () => {
    const res = await dana.post('/api/rounds', roundInput({ participantIds: ids.slice(0, 7) }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ROUND_UNPLANNABLE');
    expect(res.body.error.fields[0].path).toBe('plan');
    expect(res.body.error.fields[0].message).toMatch(/7 teachers cannot be split into groups of 4–5/);
    expect(res.body.error.fields[0].problem).toMatchObject({
      key: 'rounds.problem.split',
      params: { remove: 2 },
    });
  });

  it('when a coach who reads Spanish plans a round that cannot be split or regroups it badly, then the problems are in Spanish with names', async () => {
    await inSpanish(dana, async () => {
      const res = await dana.post('/api/rounds', roundInput({ participantIds: ids.slice(0, 7) }));
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('ROUND_UNPLANNABLE');
      const said = 'No se puede dividir a 7 docentes en grupos de 4–5: añade 1 docente más o quita 2.';
      expect(res.body.error.message).toBe(`Esta ronda no se puede planificar: ${said}`);
      expect(res.body.error.fields).toEqual([{ path: 'plan', message: said, problem: expect.anything() }]);
      const round = RoundSchema.parse((await dana.post('/api/rounds', roundInput())).body);
      const [g0, g1, ...rest] = round.groups;
      const bad = await dana.put(`/api/rounds/${round.id}/groups`, {
        groups: [g0!, [...g1!, g0![0]!], ...rest],
      });
      expect(bad.status).toBe(422);
      const name = round.participants.find((p) => p.id === g0![0])!.name;
      expect(bad.body.error.fields.map((f: { message: string }) => f.message)).toContain(
        `«${name}» está en los grupos 1 y 2; cada docente pertenece a un solo grupo.`,
      );
    });
  });

  it('when a teacher tries to plan or list rounds, then it is forbidden', async () => {
    expect((await ana.post('/api/rounds', roundInput())).status).toBe(403);
    expect((await ana.get('/api/rounds')).status).toBe(403);
    expect((await ana.get('/api/people')).status).toBe(403);
  });

  it('when the input is bad, then each field says what is wrong', async () => {
    const res = await dana.post('/api/rounds', { title: '', focus: { kind: 'vibes' }, date: 'soon' });
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'focus.kind', 'date', 'participantIds', 'hostIds']),
    );
    const stranger = await dana.post(
      '/api/rounds',
      roundInput({ participantIds: [...ids.slice(0, 11), 'nobody'] }),
    );
    expect(stranger.status).toBe(400);
  });

  it('when the coach lists people, then staff who opened the tool are there by name', async () => {
    const people = PeopleSchema.parse((await dana.get('/api/people')).body);
    expect(people.items.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Ana Rivera', 'Round teacher 12']),
    );
  });
});

describe('adjusting and publishing', () => {
  it('when a coach who reads Spanish publishes a plan with trade-offs unconfirmed, then the trade-offs are in Spanish', async () => {
    const round = RoundSchema.parse(
      (await dana.post('/api/rounds', roundInput({ date: daysFromNow(9) }))).body,
    );
    expect(round.tradeoffs[0]).toMatchObject({
      kind: 'host-also-visits',
      message: expect.stringMatching(/^Round teacher \d+ hosts and is also in a group/),
      problem: { key: 'rounds.tradeoff.host-also-visits' },
    });
    await inSpanish(dana, async () => {
      const res = await dana.post(`/api/rounds/${round.id}/publish`);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('ROUND_TRADEOFFS_UNCONFIRMED');
      expect(res.body.error.message).toMatch(
        /^Este plan tiene concesiones: Round teacher \d+ recibe visitas en su aula y también está en un grupo: visita \d de las otras 3 aulas/,
      );
      expect(res.body.error.fields[0]).toEqual({
        path: 'confirmTradeoffs',
        message: expect.stringMatching(/^Round teacher \d+ recibe visitas en su aula/),
        problem: round.tradeoffs[0]!.problem,
      });
    });
    expect((await dana.delete(`/api/rounds/${round.id}`)).status).toBe(204);
  });

  it('when the coach swaps two people between groups, then the rotation is made again; a lopsided move is refused', async () => {
    const round = RoundSchema.parse((await dana.post('/api/rounds', roundInput())).body);
    const [g0, g1] = round.groups;
    const swapped = [[g1![0]!, ...g0!.slice(1)], [g0![0]!, ...g1!.slice(1)], ...round.groups.slice(2)];
    const res = await dana.put(`/api/rounds/${round.id}/groups`, { groups: swapped });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const regrouped = RoundSchema.parse(res.body);
    expect(regrouped.groups[0]).toContain(g1![0]);
    expectValidRotation(regrouped);
    const lopsided = [g0!.slice(1), [...g1!, g0![0]!], ...round.groups.slice(2)];
    const bad = await dana.put(`/api/rounds/${round.id}/groups`, { groups: lopsided });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].message).toMatch(/Round teacher|group/);
    expect(JSON.stringify(bad.body)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // names, not ids
  });

  it('when a round is published, then everyone finds their visits, hosts see their doors, others do not see them, and it is frozen', async () => {
    const round = RoundSchema.parse(
      (await dana.post('/api/rounds', roundInput({ date: daysFromNow(5) }))).body,
    );
    // Its hosts are also in groups: publishing lists those trade-offs and books nothing until the coach confirms.
    expect(round.tradeoffs.length).toBeGreaterThan(0);
    const unconfirmed = await dana.post(`/api/rounds/${round.id}/publish`);
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.error.code).toBe('ROUND_TRADEOFFS_UNCONFIRMED');
    expect(unconfirmed.body.error.fields).toEqual(
      round.tradeoffs.map((t) => ({ path: 'confirmTradeoffs', message: t.message, problem: t.problem })),
    );
    expect(unconfirmed.body.error.message).toMatch(/^This plan has trade-offs: Round teacher \d+ hosts/);
    expect((await dana.get(`/api/rounds/${round.id}`)).body.status).toBe('draft');
    const notYet = VisitListSchema.parse((await teachers[5]!.get('/api/visits')).body).items;
    expect(notYet.filter((v) => v.door.roundId === round.id)).toHaveLength(0);
    expect(
      (await dana.post(`/api/rounds/${round.id}/publish`, { confirmTradeoffs: false })).body.error.code,
    ).toBe('ROUND_TRADEOFFS_UNCONFIRMED');
    expect((await dana.post(`/api/rounds/${round.id}/publish`, { confirmTradeoffs: 'yes' })).status).toBe(
      400,
    );
    const published = await dana.post(`/api/rounds/${round.id}/publish`, { confirmTradeoffs: true });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.status).toBe('published');

    const expected = new Map<string, number>();
    for (const slot of round.slots)
      for (const v of slot.visits) for (const p of v.visitorIds) expected.set(p, (expected.get(p) ?? 0) + 1);
    for (const [i, teacher] of teachers.entries()) {
      const visits = VisitListSchema.parse((await teacher.get('/api/visits')).body).items.filter(
        (v) => v.door.roundId === round.id,
      );
      expect(visits).toHaveLength(expected.get(ids[i]!) ?? 0);
      for (const v of visits) {
        expect(v.status).toBe('booked');
        expect(v.door.lookFor).toBe('What do students say when they build on an idea?');
      }
    }
    const window = `from=${round.slots[0]!.startsAt}&to=${new Date(Date.parse(round.slots[3]!.endsAt) + 1).toISOString()}`;
    const hostDoors = DoorListSchema.parse((await teachers[0]!.get(`/api/doors?${window}&mine=true`)).body);
    expect(hostDoors.items.filter((d) => d.roundId === round.id).length).toBeGreaterThan(0);
    expect(hostDoors.items[0]!.location).toBe('Room 101');
    const outsider = DoorListSchema.parse((await ana.get(`/api/doors?${window}`)).body);
    expect(outsider.items.filter((d) => d.roundId === round.id)).toHaveLength(0);

    expect((await dana.post(`/api/rounds/${round.id}/publish`)).status).toBe(409);
    expect((await dana.put(`/api/rounds/${round.id}/groups`, { groups: round.groups })).status).toBe(409);
    expect((await dana.delete(`/api/rounds/${round.id}`)).status).toBe(409);
  });

  it('when a plan has no trade-offs (hosts are not among the visitors), then it publishes without a confirmation', async () => {
    const round = RoundSchema.parse(
      (
        await dana.post(
          '/api/rounds',
          roundInput({ date: daysFromNow(9), participantIds: ids.slice(4), hostIds: ids.slice(0, 4) }),
        )
      ).body,
    );
    expect(round.tradeoffs).toEqual([]);
    const res = await dana.post(`/api/rounds/${round.id}/publish`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('published');
  });

  it('when someone in the round is already booked at one of its times, then publishing names them and books nothing', async () => {
    const round = RoundSchema.parse(
      (await dana.post('/api/rounds', roundInput({ date: daysFromNow(5) }))).body,
    );
    const res = await dana.post(`/api/rounds/${round.id}/publish`, { confirmTradeoffs: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VISIT_OVERLAP');
    expect(res.body.error.message).toMatch(/Round teacher \d+ is already (visiting|hosting) at 09:00/);
    expect((await dana.get(`/api/rounds/${round.id}`)).body.status).toBe('draft');
  });

  it('when a draft is deleted, then it is gone', async () => {
    const round = RoundSchema.parse(
      (await dana.post('/api/rounds', roundInput({ date: daysFromNow(7) }))).body,
    );
    expect((await dana.delete(`/api/rounds/${round.id}`)).status).toBe(204);
    expect((await dana.get(`/api/rounds/${round.id}`)).status).toBe(404);
    const list = (await dana.get('/api/rounds')).body.items.map((r: { id: string }) => r.id);
    expect(list).not.toContain(round.id);
  });
});

describe("a published round's visits", () => {
  it('when a participant opens or cancels a round visit, then it says who planned it and the coach is told', async () => {
    const round = RoundSchema.parse(
      (await dana.post('/api/rounds', roundInput({ date: daysFromNow(8), title: 'Cancel notice round' })))
        .body,
    );
    // Its hosts are also in groups: the plan says what that costs, with names.
    expect(round.tradeoffs.length).toBeGreaterThan(0);
    for (const t of round.tradeoffs)
      expect(t.message).toMatch(
        /^Round teacher \d+ hosts and is also in a group: they visit \d of the 3 other rooms/,
      );
    expect((await dana.post(`/api/rounds/${round.id}/publish`, { confirmTradeoffs: true })).status).toBe(200);
    const visitorIndex = ids.indexOf(round.slots[0]!.visits[0]!.visitorIds[0]!);
    const visitor = teachers[visitorIndex]!;
    const visits = VisitListSchema.parse((await visitor.get('/api/visits')).body).items.filter(
      (v) => v.door.roundId === round.id,
    );
    expect(visits.length).toBeGreaterThan(0);
    for (const v of visits) expect(v.door.plannedBy?.name).toBe('Dana Kim');

    const before = RoundNoticeListSchema.parse((await dana.get('/api/round-notices')).body).items;
    expect(before.filter((n) => n.round.id === round.id)).toHaveLength(0);
    // A round visit is not canceled without a reason, nor with one that names someone: it stays booked.
    const cancelPath = `/api/visits/${visits[0]!.id}/cancel`;
    const noReason = await visitor.post(cancelPath);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual([{ path: 'reason', message: expect.stringMatching(/why/) }]);
    expect((await visitor.post(cancelPath, { reason: '   ' })).status).toBe(400);
    expect((await visitor.post(cancelPath, { reason: 'x'.repeat(301) })).status).toBe(400);
    const named = await visitor.post(cancelPath, { reason: 'Round teacher 2 asked me to cover her class.' });
    expect(named.status).toBe(422);
    expect(named.body.error.code).toBe('NOTE_FLAGGED');
    expect(named.body.error.message).toMatch(/never names people/);
    const stillBooked = VisitListSchema.parse((await visitor.get('/api/visits')).body).items;
    expect(stillBooked.find((v) => v.id === visits[0]!.id)?.status).toBe('booked');
    expect(
      RoundNoticeListSchema.parse((await dana.get('/api/round-notices')).body).items.filter(
        (n) => n.round.id === round.id,
      ),
    ).toHaveLength(0);

    const reason = 'I have to cover a class that period.';
    const cancelled = await visitor.post(cancelPath, { reason: `  ${reason} ` });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    // Cancelling again changes nothing and tells nobody twice.
    expect((await visitor.post(cancelPath)).status).toBe(200);

    const notices = RoundNoticeListSchema.parse((await dana.get('/api/round-notices')).body).items.filter(
      (n) => n.round.id === round.id,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'visit_cancelled',
      round: { title: 'Cancel notice round' },
      person: { name: `Round teacher ${visitorIndex + 1}` },
      startsAt: visits[0]!.door.startsAt,
      reason,
    });
    expect((await ana.get('/api/round-notices')).status).toBe(403);
    expect((await visitor.post(`/api/round-notices/${notices[0]!.id}/seen`)).status).toBe(403);
    expect((await dana.post(`/api/round-notices/${notices[0]!.id}/seen`)).status).toBe(204);
    expect((await dana.post(`/api/round-notices/${notices[0]!.id}/seen`)).status).toBe(404);
    const after = RoundNoticeListSchema.parse((await dana.get('/api/round-notices')).body).items;
    expect(after.some((n) => n.id === notices[0]!.id)).toBe(false);
  });
});
