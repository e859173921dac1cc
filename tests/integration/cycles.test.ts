import { beforeAll, describe, expect, it } from 'vitest';
import {
  CycleListSchema,
  CyclePictureSchema,
  CycleSchema,
  ProblemListSchema,
  ProblemSchema,
} from '../../shared/cycles';
import { RoundSchema } from '../../shared/rounds';
import { VisitListSchema } from '../../shared/visits';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

let server: TestServer;
let dana: ApiClient; // coach
let ana: ApiClient; // teacher of the school, not in the cycle
let teachers: ApiClient[];
let ids: string[];
let proposalId: string;
let otherProposalId: string;
let cycleId: string;
let strategyId: string;

const idOf = async (c: ApiClient) => (await c.get('/api/me')).body.person.id as string;

const roundInput = (over: Record<string, unknown> = {}) => ({
  title: 'Cycle round',
  focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
  date: daysFromNow(3),
  start: '09:00',
  timeZone: 'UTC',
  participantIds: ids,
  hostIds: ids.slice(0, 4),
  ...over,
});

/** Publishes a round of the cycle, moves its visits into the past and has `writers` note each of their visits. */
async function roundWithNotes(over: Record<string, unknown>, writers: ApiClient[], perWriter = 99) {
  const planned = await dana.post('/api/rounds', roundInput({ cycleId, ...over }));
  expect(planned.status, JSON.stringify(planned.body)).toBe(201);
  const round = RoundSchema.parse(planned.body);
  expect(round.cycleId).toBe(cycleId);
  expect((await dana.post(`/api/rounds/${round.id}/publish`, { confirmTradeoffs: true })).status).toBe(200);
  const doors = await server.database.db
    .selectFrom('doors')
    .select('id')
    .where('round_id', '=', round.id)
    .execute();
  for (const [i, d] of doors.entries()) await visitHappened(server, d.id, 120 - i * 15);
  for (const writer of writers) {
    const visits = VisitListSchema.parse((await writer.get('/api/visits')).body).items.filter(
      (v) => v.door.roundId === round.id && v.status === 'booked',
    );
    for (const visit of visits.slice(0, perWriter)) {
      const res = await writer.post('/api/notes', {
        visitId: visit.id,
        prompt: 'students',
        text: 'Students explained their steps to a partner.',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  }
  return round;
}

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  dana = await launchAs(server, 'sandbox-dana-kim');
  ana = await launchAs(server, 'sandbox-ana-rivera');
  teachers = await colleaguesOf(server, dana, 8, 'Cycle teacher');
  ids = await Promise.all(teachers.map(idOf));
  strategyId = await approvedStrategy(teachers[0]!, dana, { title: 'Build on it' });
}, 60_000);

describe('problems of practice', () => {
  it('when teachers propose and vote, then proposals are ranked by votes and each person has one changeable vote', async () => {
    const first = await teachers[0]!.post('/api/problems', {
      title: 'How do students build on each other’s ideas?',
      why: 'Discussions stall after the first answer.',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    proposalId = ProblemSchema.parse(first.body).id;
    otherProposalId = (await teachers[1]!.post('/api/problems', { title: 'Who asks the questions?' })).body
      .id;

    for (const t of teachers.slice(1, 4))
      expect((await t.put(`/api/problems/${proposalId}/vote`, { choice: 'for' })).status).toBe(200);
    expect((await teachers[4]!.put(`/api/problems/${proposalId}/vote`, { choice: 'against' })).status).toBe(
      200,
    );
    // Voting again changes the vote; it never adds a second one.
    const changed = ProblemSchema.parse(
      (await teachers[4]!.put(`/api/problems/${proposalId}/vote`, { choice: 'for' })).body,
    );
    expect(changed.votes).toEqual({ for: 4, against: 0 });
    expect(changed.myVote).toBe('for');
    await teachers[5]!.put(`/api/problems/${otherProposalId}/vote`, { choice: 'for' });
    await teachers[6]!.put(`/api/problems/${otherProposalId}/vote`, { choice: 'against' });
    // Taking a vote back.
    await teachers[6]!.delete(`/api/problems/${otherProposalId}/vote`);

    const list = ProblemListSchema.parse((await ana.get('/api/problems')).body).items;
    expect(list.map((p) => p.id)).toEqual([proposalId, otherProposalId]);
    expect(list[0]!.votes).toEqual({ for: 4, against: 0 });
    expect(list[1]!.votes).toEqual({ for: 1, against: 0 });
    expect(list[0]!.myVote).toBeNull();
    // Counts only: who voted is nowhere in the answer.
    expect(JSON.stringify(list)).not.toMatch(/Cycle teacher [3-7]/); // the voters (2 proposed)
    expect((await ana.put(`/api/problems/${proposalId}/vote`, { choice: 'maybe' })).status).toBe(400);
  });

  it('when a comment names a student, then it is refused and nothing is saved; a descriptive comment is kept', async () => {
    const named = await teachers[2]!.post(`/api/problems/${proposalId}/comments`, {
      text: 'Jayden always answers first, so nobody builds on anything.',
    });
    expect(named.status).toBe(422);
    expect(named.body.error.code).toBe('NOTE_FLAGGED');
    const kept = await teachers[2]!.post(`/api/problems/${proposalId}/comments`, {
      text: 'In my room the second answer is usually a new idea, not a response.',
    });
    expect(kept.status).toBe(201);
    const seen = ProblemSchema.parse((await ana.get(`/api/problems/${proposalId}`)).body);
    expect(seen.comments.map((c) => [c.text, c.author.name, c.mine])).toEqual([
      ['In my room the second answer is usually a new idea, not a response.', 'Cycle teacher 3', false],
    ]);
    const proposal = await ana.post('/api/problems', { title: 'Why does Jayden never speak?' });
    expect(proposal.status).toBe(422);
  });

  it('when a coach closes a proposal, then it takes no more votes or comments; a teacher cannot close one', async () => {
    expect((await teachers[0]!.post(`/api/problems/${otherProposalId}/close`)).status).toBe(403);
    const closed = await dana.post(`/api/problems/${otherProposalId}/close`);
    expect(closed.status).toBe(200);
    expect(ProblemSchema.parse(closed.body).status).toBe('closed');
    expect((await ana.put(`/api/problems/${otherProposalId}/vote`, { choice: 'for' })).status).toBe(409);
    expect((await ana.post(`/api/problems/${otherProposalId}/comments`, { text: 'Late idea.' })).status).toBe(
      409,
    );
    expect((await dana.post(`/api/problems/${otherProposalId}/close`)).status).toBe(409);
  });
});

describe('cycles', () => {
  it('when the coach starts a cycle from a proposal with three volunteers, then the proposal is chosen', async () => {
    expect(
      (await teachers[0]!.post('/api/cycles', { problemId: proposalId, memberIds: ids.slice(0, 3) })).status,
    ).toBe(403);
    const two = await dana.post('/api/cycles', { problemId: proposalId, memberIds: ids.slice(0, 2) });
    expect(two.status).toBe(400);
    expect(two.body.error.fields[0].message).toMatch(/at least three volunteers/);
    const started = await dana.post('/api/cycles', {
      problemId: proposalId,
      memberIds: ids.slice(0, 3),
      strategyIds: [strategyId],
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const cycle = CycleSchema.parse(started.body);
    cycleId = cycle.id;
    expect(cycle.title).toBe('How do students build on each other’s ideas?');
    expect(cycle.members.map((m) => m.name)).toEqual([
      'Cycle teacher 1',
      'Cycle teacher 2',
      'Cycle teacher 3',
    ]);
    expect(cycle.strategies).toEqual([{ id: strategyId, title: 'Build on it' }]);
    expect(cycle.next).toBeNull();

    const proposal = ProblemSchema.parse((await ana.get(`/api/problems/${proposalId}`)).body);
    expect(proposal.status).toBe('chosen');
    expect(proposal.cycleId).toBe(cycleId);
    expect((await ana.put(`/api/problems/${proposalId}/vote`, { choice: 'for' })).status).toBe(409);
    expect(
      (await dana.post('/api/cycles', { problemId: proposalId, memberIds: ids.slice(0, 3) })).status,
    ).toBe(409);
  });

  it('when the coach adds people, then the cycle grows and keeps who was in it', async () => {
    expect(
      (await teachers[0]!.post(`/api/cycles/${cycleId}/members`, { personIds: ids.slice(3) })).status,
    ).toBe(403);
    const grown = CycleSchema.parse(
      (await dana.post(`/api/cycles/${cycleId}/members`, { personIds: [ids[2]!, ...ids.slice(3)] })).body,
    );
    expect(grown.members.map((m) => m.id)).toEqual(ids);
    expect((await dana.post(`/api/cycles/${cycleId}/members`, { personIds: ['nobody-here'] })).status).toBe(
      400,
    );
    const listed = CycleListSchema.parse((await ana.get('/api/cycles')).body).items;
    expect(listed.map((c) => c.id)).toContain(cycleId);
  });

  it('when round 1’s debrief is done, then round 2 starts from its next level of work and the picture shows round by round', async () => {
    const round1 = await roundWithNotes({ title: 'Cycle round 1' }, teachers);
    // Before the debrief is finished: the coach sees round 1; teachers do not yet.
    const coachEarly = CyclePictureSchema.parse((await dana.get(`/api/cycles/${cycleId}/picture`)).body);
    expect(coachEarly.rounds.map((r) => r.title)).toEqual(['Cycle round 1']);
    expect(coachEarly.rounds[0]!.shares).not.toBeNull();
    expect(CyclePictureSchema.parse((await ana.get(`/api/cycles/${cycleId}/picture`)).body).rounds).toEqual(
      [],
    );

    const done = await dana.put(`/api/rounds/${round1.id}/debrief`, {
      phase: 'done',
      nextLevel: 'Every student explains one step aloud. Partners ask one question back.',
      skipReason: 'The group wrote its next level straight away',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);

    const cycle = CycleSchema.parse((await dana.get(`/api/cycles/${cycleId}`)).body);
    expect(cycle.next).toEqual({
      fromRound: round1.id,
      focus: 'Every student explains one step aloud.',
      lookFor: 'Every student explains one step aloud. Partners ask one question back.',
    });

    // Round 2, a week later, on that focus; only two visits get notes, in two rooms: below the thresholds.
    const round2 = await roundWithNotes(
      {
        title: 'Cycle round 2',
        date: daysFromNow(10),
        focus: { kind: 'problem', value: cycle.next!.focus },
        lookFor: cycle.next!.lookFor,
      },
      teachers.slice(4, 6),
      1,
    );
    const inCycle = CycleSchema.parse((await ana.get(`/api/cycles/${cycleId}`)).body);
    expect(inCycle.rounds.map((r) => [r.title, r.focus.value])).toEqual([
      ['Cycle round 1', 'How do students build on each other’s ideas?'],
      ['Cycle round 2', 'Every student explains one step aloud.'],
    ]);

    const coach = CyclePictureSchema.parse((await dana.get(`/api/cycles/${cycleId}/picture`)).body);
    expect(coach.rounds.map((r) => r.id)).toEqual([round1.id, round2.id]);
    const talk = coach.rounds[0]!.shares!.find((s) => s.theme === 'student-talk');
    expect(talk?.share).toBe('most');
    expect(coach.rounds[1]!.shares).toBeNull(); // 2 visits: nothing shown
    // Teachers see the finished round only.
    const teacher = CyclePictureSchema.parse((await ana.get(`/api/cycles/${cycleId}/picture`)).body);
    expect(teacher.rounds.map((r) => r.id)).toEqual([round1.id]);
    expect(teacher.rounds[0]!.shares).toEqual(coach.rounds[0]!.shares);
    expect(JSON.stringify(teacher)).not.toMatch(/Cycle teacher|Room|host/);
  });

  it('when people mark the cycle’s strategy "I tried it", then the count shows from three people up', async () => {
    const tried = async (t: ApiClient) =>
      expect((await t.put(`/api/strategies/${strategyId}/try`, { state: 'tried' })).status).toBe(200);
    await tried(teachers[1]!);
    await tried(teachers[2]!);
    let picture = CyclePictureSchema.parse((await ana.get(`/api/cycles/${cycleId}/picture`)).body);
    expect(picture.strategies).toEqual([{ id: strategyId, title: 'Build on it', tried: null }]);
    await tried(teachers[3]!);
    await teachers[4]!.put(`/api/strategies/${strategyId}/try`, { state: 'trying' });
    picture = CyclePictureSchema.parse((await ana.get(`/api/cycles/${cycleId}/picture`)).body);
    expect(picture.strategies).toEqual([{ id: strategyId, title: 'Build on it', tried: 3 }]);
  });

  it('when the coach adds a strategy to the running cycle and removes one added by mistake, then the "I tried it" counts follow', async () => {
    const askBack = await approvedStrategy(teachers[1]!, dana, { title: 'Ask one back' });
    const mistake = await approvedStrategy(teachers[2]!, dana, { title: 'Not this one' });
    const path = `/api/cycles/${cycleId}/strategies`;
    // Only a coach changes the strategies; a teacher of the school gets 403 either way.
    expect((await teachers[0]!.post(path, { strategyId: askBack })).status).toBe(403);
    expect((await teachers[0]!.delete(`${path}/${strategyId}`)).status).toBe(403);
    expect((await dana.post(path, {})).status).toBe(400);
    const unknown = await dana.post(path, { strategyId: 'no-such-strategy' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('strategyId');
    // Another school's coach finds no such cycle; a strategy of their menu cannot join this one.
    const other = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'cycles-school-b' });
    const theirs = await approvedStrategy(other, other, { title: 'Their own strategy' });
    expect((await other.post(path, { strategyId: theirs })).status).toBe(404);
    expect((await other.delete(`${path}/${strategyId}`)).status).toBe(404);
    expect((await dana.post(path, { strategyId: theirs })).status).toBe(400);

    for (const id of [askBack, mistake]) expect((await dana.post(path, { strategyId: id })).status).toBe(200);
    // Adding one the cycle already has changes nothing.
    const again = CycleSchema.parse((await dana.post(path, { strategyId: askBack })).body);
    expect(again.strategies.map((s) => s.title)).toEqual(['Build on it', 'Ask one back', 'Not this one']);
    const removed = await dana.delete(`${path}/${mistake}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(CycleSchema.parse(removed.body).strategies).toEqual([
      { id: strategyId, title: 'Build on it' },
      { id: askBack, title: 'Ask one back' },
    ]);
    expect((await dana.delete(`${path}/${mistake}`)).status).toBe(404);
    // The menu keeps the strategy taken out of the cycle.
    expect((await dana.get(`/api/strategies/${mistake}`)).status).toBe(200);

    // Its "I tried it" count joins the picture, still only from three people up and never who.
    await teachers[5]!.put(`/api/strategies/${askBack}/try`, { state: 'tried' });
    await teachers[6]!.put(`/api/strategies/${askBack}/try`, { state: 'tried' });
    await teachers[6]!.put(`/api/strategies/${mistake}/try`, { state: 'tried' });
    let picture = CyclePictureSchema.parse((await ana.get(`/api/cycles/${cycleId}/picture`)).body);
    expect(picture.strategies).toEqual([
      { id: strategyId, title: 'Build on it', tried: 3 },
      { id: askBack, title: 'Ask one back', tried: null },
    ]);
    await teachers[7]!.put(`/api/strategies/${askBack}/try`, { state: 'tried' });
    picture = CyclePictureSchema.parse((await ana.get(`/api/cycles/${cycleId}/picture`)).body);
    expect(picture.strategies.map((s) => s.tried)).toEqual([3, 3]);
    expect(JSON.stringify(picture)).not.toMatch(/Cycle teacher/);
  });

  it('when the coach ends the cycle, then it keeps its rounds and picture but takes no new round or people', async () => {
    expect((await teachers[0]!.post(`/api/cycles/${cycleId}/end`)).status).toBe(403);
    const ended = CycleSchema.parse((await dana.post(`/api/cycles/${cycleId}/end`)).body);
    expect(ended.status).toBe('ended');
    expect(ended.rounds).toHaveLength(2);
    expect((await dana.post(`/api/cycles/${cycleId}/end`)).status).toBe(409);
    expect((await dana.post(`/api/cycles/${cycleId}/members`, { personIds: [ids[0]!] })).status).toBe(409);
    expect((await dana.post(`/api/cycles/${cycleId}/strategies`, { strategyId })).status).toBe(409);
    expect((await dana.delete(`/api/cycles/${cycleId}/strategies/${strategyId}`)).status).toBe(409);
    const late = await dana.post('/api/rounds', roundInput({ cycleId, date: daysFromNow(17) }));
    expect(late.status).toBe(409);
    expect(
      CyclePictureSchema.parse((await ana.get(`/api/cycles/${cycleId}/picture`)).body).rounds,
    ).toHaveLength(1);
  });

  it('when a round names a cycle of another network or an unknown one, then it is refused', async () => {
    const res = await dana.post(
      '/api/rounds',
      roundInput({ cycleId: 'no-such-cycle', date: daysFromNow(20) }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('cycleId');
  });

  it('when another school asks for this cycle or its proposals, then nothing is found', async () => {
    const other = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'cycles-school-b' });
    expect((await other.get(`/api/cycles/${cycleId}`)).status).toBe(404);
    expect((await other.get(`/api/cycles/${cycleId}/picture`)).status).toBe(404);
    expect((await other.get(`/api/problems/${proposalId}`)).status).toBe(404);
    expect((await other.put(`/api/problems/${proposalId}/vote`, { choice: 'for' })).status).toBe(404);
    expect((await other.post(`/api/cycles/${cycleId}/members`, { personIds: ['x'] })).status).toBe(404);
    // Another school's coach can neither add to nor take from this cycle's strategies.
    expect((await other.post(`/api/cycles/${cycleId}/strategies`, { strategyId })).status).toBe(404);
    expect((await other.delete(`/api/cycles/${cycleId}/strategies/${strategyId}`)).status).toBe(404);
    expect(ProblemListSchema.parse((await other.get('/api/problems')).body).items).toEqual([]);
    expect(CycleListSchema.parse((await other.get('/api/cycles')).body).items).toEqual([]);
    expect(
      (await other.post('/api/cycles', { problemId: proposalId, memberIds: ['a', 'b', 'c'] })).status,
    ).toBe(404);
  });
});
