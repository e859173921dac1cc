import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Briefing, BriefingSchema, DEFAULT_NORMS } from '../../shared/round-briefing';
import { type Round, RoundSchema } from '../../shared/rounds';
import { CalendarFeedSchema, VisitListSchema } from '../../shared/visits';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
let dana: ApiClient; // coach of the network
let ana: ApiClient; // teacher of the network, not in the rounds
let otherCoach: ApiClient; // a coach of another network (course) in the same school
let schoolB: ApiClient; // a coach of another school (tenant)
let visitors: ApiClient[];
let hosts: ApiClient[];
let visitorIds: string[];
let hostIds: string[];

const idOf = async (c: ApiClient) => (await c.get('/api/me')).body.person.id as string;
const clientOf = (id: string) => visitors[visitorIds.indexOf(id)] ?? hosts[hostIds.indexOf(id)]!;

let day = 20;
async function planRound(over: Record<string, unknown> = {}): Promise<Round> {
  const res = await dana.post('/api/rounds', {
    title: 'Building on ideas round',
    focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
    // A day of its own for each round, so publishing never clashes with another round of this file.
    date: daysFromNow(day++),
    start: '09:00',
    timeZone: 'America/Chicago',
    participantIds: visitorIds,
    hostIds,
    lookFor: 'What students say when they build on an idea',
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return RoundSchema.parse(res.body);
}

async function briefingOf(client: ApiClient, roundId: string): Promise<Briefing> {
  const res = await client.get(`/api/rounds/${roundId}/briefing`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return BriefingSchema.parse(res.body);
}

const rolesInput = (b: Briefing) =>
  b.groups.map((g) => ({
    facilitator: g.roles.facilitator.id,
    timekeeper: g.roles.timekeeper.id,
    noteTaker: g.roles.noteTaker.id,
  }));

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  dana = await launchAs(server, 'sandbox-dana-kim');
  ana = await launchAs(server, 'sandbox-ana-rivera');
  otherCoach = await launchAs(server, 'sandbox-dana-kim', { course: 'sandbox-course-9eng' });
  schoolB = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'briefing-school-b' });
  visitors = await colleaguesOf(server, dana, 8, 'Visitor');
  hosts = await colleaguesOf(server, dana, 4, 'Host');
  visitorIds = await Promise.all(visitors.map(idOf));
  hostIds = await Promise.all(hosts.map(idOf));
}, 60_000);

describe('the briefing of a new round', () => {
  it('when the coach opens it, then the norms are prefilled, the look-fors come from the round, the schedule follows the rotation and each group has three role holders from its own members', async () => {
    const round = await planRound();
    const b = await briefingOf(dana, round.id);
    expect(b.norms).toEqual(DEFAULT_NORMS);
    expect(b.norms.join(' ')).toMatch(/No names/);
    expect(b.lookFors).toBe('What students say when they build on an idea');
    expect(b.why).toBeNull();
    expect(b.canEdit).toBe(true);
    expect(b.schedule.map((s) => s.startsAt)).toEqual(round.slots.map((s) => s.startsAt));
    expect(b.schedule[0]!.rooms.map((r) => r.host.id).sort()).toEqual(
      round.slots[0]!.visits.filter((v) => v.visitorIds.length > 0)
        .map((v) => v.hostId)
        .sort(),
    );
    expect(b.groups).toHaveLength(round.groups.length);
    for (const [i, g] of b.groups.entries()) {
      expect(g.members.map((m) => m.id)).toEqual(round.groups[i]);
      const holders = [g.roles.facilitator.id, g.roles.timekeeper.id, g.roles.noteTaker.id];
      expect(new Set(holders).size).toBe(3);
      for (const h of holders) expect(round.groups[i]).toContain(h);
    }
    expect(b.reading).toEqual(expect.objectContaining({ read: 0, total: 12 }));
    expect(b.reading!.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Visitor 1', 'Host 4']));
  });

  it('when a participant asks for a draft’s briefing, then it is not there yet (404), and they cannot acknowledge it', async () => {
    const round = await planRound();
    expect((await visitors[0]!.get(`/api/rounds/${round.id}/briefing`)).status).toBe(404);
    expect((await visitors[0]!.post(`/api/rounds/${round.id}/briefing/ack`)).status).toBe(404);
  });

  it('when the same people meet in a second round, then nobody facilitates again while a member of their group has not yet', async () => {
    // People new to rounds, so these two are the only rounds they have met in.
    const people = await Promise.all((await colleaguesOf(server, dana, 8, 'Rotating')).map(idOf));
    const first = await briefingOf(dana, (await planRound({ participantIds: people })).id);
    const second = await briefingOf(dana, (await planRound({ participantIds: people })).id);
    const facilitated = new Set(first.groups.map((g) => g.roles.facilitator.id));
    for (const g of second.groups) {
      const fresh = g.members.some((m) => !facilitated.has(m.id));
      if (fresh) expect(facilitated.has(g.roles.facilitator.id)).toBe(false);
    }
    expect(second.groups.some((g) => g.members.some((m) => !facilitated.has(m.id)))).toBe(true);
  });
});

describe('the coach edits the briefing', () => {
  it('when the coach writes why and changes the norms and the roles, then everyone in the round reads them', async () => {
    const round = await planRound();
    const b = await briefingOf(dana, round.id);
    const edited = await dana.put(`/api/rounds/${round.id}/briefing`, {
      why: 'Our students rarely answer each other; the staff chose this in September.',
      lookFors: 'Who speaks after whom, and what they say',
      norms: ['Describe, do not judge.', 'No names.'],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const [g] = b.groups;
    const swapped = rolesInput(b);
    swapped[0] = {
      facilitator: g!.roles.noteTaker.id,
      timekeeper: g!.roles.facilitator.id,
      noteTaker: g!.roles.timekeeper.id,
    };
    const roles = await dana.put(`/api/rounds/${round.id}/roles`, { roles: swapped });
    expect(roles.status, JSON.stringify(roles.body)).toBe(200);
    expect((await dana.post(`/api/rounds/${round.id}/publish`)).status).toBe(200);

    const seen = await briefingOf(clientOf(g!.roles.noteTaker.id), round.id);
    expect(seen.why).toMatch(/rarely answer each other/);
    expect(seen.norms).toEqual(['Describe, do not judge.', 'No names.']);
    expect(seen.groups[0]!.roles.facilitator.id).toBe(g!.roles.noteTaker.id);
    expect(seen.me).toMatchObject({ inRound: true, group: 1, roles: ['facilitator'], acknowledgedAt: null });
    expect(seen.canEdit).toBe(false);
    expect(seen.reading).toBeNull(); // who has read it is the coach's to see
  });

  it('when a role goes to someone outside the group or one person twice, then it is refused with ROUND_ROLES_INVALID and names', async () => {
    const round = await planRound();
    const b = await briefingOf(dana, round.id);
    const outsider = b.groups[1]!.members[0]!;
    const bad = rolesInput(b);
    bad[0] = { ...bad[0]!, facilitator: outsider.id };
    const res = await dana.put(`/api/rounds/${round.id}/roles`, { roles: bad });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ROUND_ROLES_INVALID');
    expect(res.body.error.fields[0].message).toBe(
      `${outsider.name} is not in group 1, so cannot be its facilitator.`,
    );
    const twice = rolesInput(b);
    twice[0] = { ...twice[0]!, timekeeper: twice[0]!.facilitator };
    const res2 = await dana.put(`/api/rounds/${round.id}/roles`, { roles: twice });
    expect(res2.body.error.fields.map((f: { message: string }) => f.message)).toContain(
      'In group 1, give each role to a different person.',
    );
    expect((await dana.put(`/api/rounds/${round.id}/roles`, { roles: [] })).status).toBe(400);
    // A coach who reads Spanish reads them in Spanish (their chosen language wins over the LMS's en-US).
    expect((await dana.put('/api/me/language', { language: 'es' })).status).toBe(200);
    try {
      const spanish = await dana.put(`/api/rounds/${round.id}/roles`, { roles: bad });
      expect(spanish.body.error).toEqual({
        code: 'ROUND_ROLES_INVALID',
        message: `Estos roles no encajan con los grupos: ${outsider.name} no está en el grupo 1, así que no puede encargarse de su facilitación.`,
        fields: [
          {
            path: 'roles',
            message: `${outsider.name} no está en el grupo 1, así que no puede encargarse de su facilitación.`,
            problem: {
              key: 'briefing.roles.problem.outside.facilitator',
              params: { name: outsider.name, group: 1 },
            },
          },
        ],
      });
    } finally {
      await dana.put('/api/me/language', { language: null });
    }
    // Nothing changed.
    expect(rolesInput(await briefingOf(dana, round.id))).toEqual(rolesInput(b));
  });

  it('when a teacher, even one in the round, tries to edit the words or the roles, then it is forbidden', async () => {
    const round = await planRound();
    const b = await briefingOf(dana, round.id);
    expect((await dana.post(`/api/rounds/${round.id}/publish`)).status).toBe(200);
    const member = visitors[0]!;
    const words = await member.put(`/api/rounds/${round.id}/briefing`, { norms: ['Anything goes'] });
    expect(words.status).toBe(403);
    expect(words.body.error.code).toBe('FORBIDDEN');
    expect((await member.put(`/api/rounds/${round.id}/roles`, { roles: rolesInput(b) })).status).toBe(403);
    expect((await briefingOf(dana, round.id)).norms).toEqual(DEFAULT_NORMS);
  });

  it('when the input is bad, then each field says what is wrong', async () => {
    const round = await planRound();
    const res = await dana.put(`/api/rounds/${round.id}/briefing`, { why: 'x'.repeat(2001), norms: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['why', 'norms']),
    );
  });

  it('when the coach moves people between groups, then the roles of the changed groups are handed out again among their new members', async () => {
    const round = await planRound();
    const before = await briefingOf(dana, round.id);
    const [g0, g1] = round.groups;
    const f0 = before.groups[0]!.roles.facilitator.id;
    const other = g1!.find((id) => id !== before.groups[1]!.roles.facilitator.id)!;
    const groups = [
      [other, ...g0!.filter((id) => id !== f0)],
      [f0, ...g1!.filter((id) => id !== other)],
    ];
    expect((await dana.put(`/api/rounds/${round.id}/groups`, { groups })).status).toBe(200);
    const after = await briefingOf(dana, round.id);
    for (const [i, g] of after.groups.entries())
      for (const h of [g.roles.facilitator, g.roles.timekeeper, g.roles.noteTaker])
        expect(groups[i]).toContain(h.id);
  });
});

describe('acknowledging and who has read it', () => {
  it('when one participant acknowledges, then the coach sees 1 of 12 with their name; when the words change, it asks again', async () => {
    const round = await planRound();
    expect((await dana.post(`/api/rounds/${round.id}/publish`)).status).toBe(200);
    const reader = visitors[2]!;
    const ack = await reader.post(`/api/rounds/${round.id}/briefing/ack`);
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    const mine = BriefingSchema.parse(ack.body).me;
    expect(mine.acknowledgedAt).not.toBeNull();
    expect(mine.current).toBe(true);
    // Twice is still once.
    expect((await reader.post(`/api/rounds/${round.id}/briefing/ack`)).status).toBe(200);

    const coachView = await briefingOf(dana, round.id);
    expect(coachView.reading!.read).toBe(1);
    expect(coachView.reading!.total).toBe(12);
    const read = coachView.reading!.people.filter((p) => p.acknowledgedAt);
    expect(read.map((p) => p.name)).toEqual(['Visitor 3']);
    // A list by name, not a ranking: no score or order by time.
    expect(coachView.reading!.people.map((p) => p.name)).toEqual(
      [...coachView.reading!.people.map((p) => p.name)].sort((a, b) =>
        a.localeCompare(b, 'en', { numeric: true }),
      ),
    );
    expect(JSON.stringify(coachView.reading)).not.toMatch(/score|rank/i);

    await new Promise((r) => setTimeout(r, 5));
    await dana.put(`/api/rounds/${round.id}/briefing`, {
      why: 'Changed after they read it.',
      norms: ['No names.'],
    });
    const again = await briefingOf(reader, round.id);
    expect(again.me.acknowledgedAt).not.toBeNull();
    expect(again.me.current).toBe(false);
    const coachAgain = await briefingOf(dana, round.id);
    expect(coachAgain.reading!.read).toBe(0);
    expect(coachAgain.reading!.people.find((p) => p.name === 'Visitor 3')).toMatchObject({ current: false });
    await reader.post(`/api/rounds/${round.id}/briefing/ack`);
    expect((await briefingOf(dana, round.id)).reading!.read).toBe(1);
  });

  it('when a host who only hosts reads it, then they see the schedule of their room and can acknowledge it', async () => {
    const round = await planRound();
    expect((await dana.post(`/api/rounds/${round.id}/publish`)).status).toBe(200);
    const host = hosts[0]!;
    const b = await briefingOf(host, round.id);
    expect(b.me).toMatchObject({ inRound: true, group: null, roles: [] });
    expect(b.schedule.flatMap((s) => s.rooms).some((r) => r.host.id === hostIds[0])).toBe(true);
    expect((await host.post(`/api/rounds/${round.id}/briefing/ack`)).status).toBe(200);
  });
});

describe('who sees a briefing', () => {
  it('when a teacher outside the round, a coach of another network or of another school asks, then the briefing is not there (404)', async () => {
    const round = await planRound();
    const b = await briefingOf(dana, round.id);
    expect((await dana.post(`/api/rounds/${round.id}/publish`)).status).toBe(200);
    for (const stranger of [ana, otherCoach, schoolB]) {
      expect((await stranger.get(`/api/rounds/${round.id}/briefing`)).status).toBe(404);
      expect((await stranger.post(`/api/rounds/${round.id}/briefing/ack`)).status).toBe(404);
    }
    for (const coach of [otherCoach, schoolB]) {
      expect((await coach.put(`/api/rounds/${round.id}/briefing`, { norms: ['Hijacked'] })).status).toBe(404);
      expect((await coach.put(`/api/rounds/${round.id}/roles`, { roles: rolesInput(b) })).status).toBe(404);
    }
    expect((await briefingOf(dana, round.id)).norms).toEqual(DEFAULT_NORMS);
  });
});

describe('the briefing in the calendar', () => {
  it('when a participant subscribes to their calendar, then each visit of the round carries the briefing, with their group’s roles and their own', async () => {
    const round = await planRound({ title: 'Calendar briefing round' });
    const b = await briefingOf(dana, round.id);
    await dana.put(`/api/rounds/${round.id}/briefing`, {
      why: 'Chosen by the staff in September.',
      lookFors: b.lookFors,
      norms: b.norms,
    });
    expect((await dana.post(`/api/rounds/${round.id}/publish`)).status).toBe(200);
    const facilitator = b.groups[0]!.roles.facilitator;
    const client = clientOf(facilitator.id);
    const feed = CalendarFeedSchema.parse((await client.post('/api/calendar')).body);
    const res = await fetch(`${server.url}${new URL(feed.url!).pathname}`);
    expect(res.status).toBe(200);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const visits = VisitListSchema.parse((await client.get('/api/visits')).body).items.filter(
      (v) => v.door.roundId === round.id,
    );
    expect(visits.length).toBeGreaterThan(0);
    for (const visit of visits) {
      const event = cal
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v))
        .find((e) => e.uid === `visit-${visit.id}@tasting-menu`);
      expect(event).toBeTruthy();
      const description = event!.description;
      expect(description).toContain('Round briefing: Calendar briefing round');
      expect(description).toContain('Problem of practice: How do students build on each other’s ideas?');
      expect(description).toContain('Why we chose it: Chosen by the staff in September.');
      expect(description).toContain(`- ${DEFAULT_NORMS[1]}`);
      expect(description).toContain('Your role: Facilitator.');
      expect(description).toContain(`Your group (1): facilitator ${facilitator.name}`);
    }
    // The one-off download of a visit carries it too.
    const ics = await client.get(`/api/visits/${visits[0]!.id}/ics`);
    expect(String(ics.body).replace(/\r\n /g, '')).toContain('Round briefing: Calendar briefing round');

    // A host's room in the round carries it too, in their feed.
    const host = hosts[0]!;
    const hostFeed = CalendarFeedSchema.parse((await host.post('/api/calendar')).body);
    const hostCal = new ICAL.Component(
      ICAL.parse(await (await fetch(`${server.url}${new URL(hostFeed.url!).pathname}`)).text()),
    );
    const rooms = hostCal
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .filter((e) => e.summary.includes('a round visit'));
    expect(rooms.length).toBeGreaterThan(0);
    // Every round room of theirs (this file's other rounds too) carries its own round's briefing.
    expect(rooms.some((r) => r.description.includes('Round briefing: Calendar briefing round'))).toBe(true);
    for (const room of rooms) {
      expect(room.description).toContain('Round briefing: ');
      expect(room.description).toMatch(/- \d\d:\d\d .*\(Host 1\), group \d/);
      expect(room.description).not.toContain('Your role');
    }
  });

  it('when a participant chose Spanish, then the briefing in their calendar is in Spanish, default norms too, with the coach’s words as written', async () => {
    const round = await planRound({ title: 'Ronda de calendario' });
    const b = await briefingOf(dana, round.id);
    await dana.put(`/api/rounds/${round.id}/briefing`, {
      why: 'Chosen by the staff in September.',
      lookFors: b.lookFors,
      norms: b.norms,
    });
    expect((await dana.post(`/api/rounds/${round.id}/publish`)).status).toBe(200);
    const facilitator = b.groups[0]!.roles.facilitator;
    const client = clientOf(facilitator.id);
    expect((await client.put('/api/me/language', { language: 'es' })).status).toBe(200);
    try {
      const feed = CalendarFeedSchema.parse((await client.post('/api/calendar')).body);
      const text = await (await fetch(`${server.url}${new URL(feed.url!).pathname}`)).text();
      const event = new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v))
        .find((e) => e.description.includes('Guía de la ronda: Ronda de calendario'));
      expect(event).toBeTruthy();
      const description = event!.description;
      expect(description).toContain('Problema de práctica: How do students build on each other’s ideas?');
      expect(description).toContain('Por qué lo elegimos: Chosen by the staff in September.');
      // The default norms are the catalog's, so they come in Spanish too; a norm the coach wrote would not.
      expect(description).toContain('- Sin nombres: ni el del docente ni el de un estudiante.');
      expect(description).not.toContain(`- ${DEFAULT_NORMS[1]}`);
      expect(description).toContain('Tu rol: Facilitación.');
      expect(description).toContain(`Tu grupo (1): facilitación: ${facilitator.name}`);
      expect(description).toMatch(/- \d\d:\d\d .*\(Host \d\), grupo 1/);
      expect(description).not.toContain('Round briefing');
      // The one-off download follows the same choice.
      const visit = VisitListSchema.parse((await client.get('/api/visits')).body).items.find(
        (v) => v.door.roundId === round.id,
      )!;
      const ics = await client.get(`/api/visits/${visit.id}/ics`);
      expect(String(ics.body).replace(/\r\n /g, '')).toContain('Guía de la ronda: Ronda de calendario');
    } finally {
      await client.put('/api/me/language', { language: null });
    }
  });

  it('when someone is not in the round, then no calendar of theirs carries its briefing', async () => {
    const feed = CalendarFeedSchema.parse((await ana.post('/api/calendar')).body);
    const text = await (await fetch(`${server.url}${new URL(feed.url!).pathname}`)).text();
    expect(text).not.toContain('Round briefing');
  });
});
