import { beforeAll, describe, expect, it } from 'vitest';
import { PictureSchema } from '../../shared/notes';
import { DebriefSchema, RoundSchema } from '../../shared/rounds';
import { VisitListSchema } from '../../shared/visits';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

let server: TestServer;
let dana: ApiClient; // coach, facilitator
let ana: ApiClient; // teacher outside the round
let teachers: ApiClient[];
let roundId: string;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  dana = await launchAs(server, 'sandbox-dana-kim');
  ana = await launchAs(server, 'sandbox-ana-rivera');
  teachers = await colleaguesOf(server, dana, 8, 'Debrief teacher');
  const ids = await Promise.all(teachers.map(async (t) => (await t.get('/api/me')).body.person.id as string));
  const round = RoundSchema.parse(
    (
      await dana.post('/api/rounds', {
        title: 'Talk moves round',
        focus: { kind: 'tag', value: 'discussion' },
        date: daysFromNow(3),
        start: '09:00',
        timeZone: 'UTC',
        participantIds: ids,
        hostIds: ids.slice(0, 2),
      })
    ).body,
  );
  roundId = round.id;
  expect((await dana.get(`/api/rounds/${roundId}/debrief`)).status).toBe(409); // not published yet
  expect((await dana.post(`/api/rounds/${roundId}/publish`, { confirmTradeoffs: true })).status).toBe(200);
  const doors = await server.database.db
    .selectFrom('doors')
    .select('id')
    .where('round_id', '=', roundId)
    .execute();
  for (const [i, d] of doors.entries()) await visitHappened(server, d.id, 120 - i * 15);
}, 60_000);
/** A teacher writes a note about one of their round visits and returns its id. */
async function noteFrom(teacher: ApiClient, text: string): Promise<string> {
  const visits = VisitListSchema.parse((await teacher.get('/api/visits')).body).items;
  const visit = visits.find((v) => v.door.roundId === roundId && v.status === 'booked');
  expect(visit).toBeTruthy();
  const res = await teacher.post('/api/notes', { visitId: visit!.id, prompt: 'students', text });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  // The note names its round, which the debrief's "add one of your notes" lists by.
  expect(res.body.visit.roundId).toBe(roundId);
  return res.body.id;
}

describe('the debrief room', () => {
  it('when writers add their notes as cards, then everyone in the round sees the text and nobody sees who or where', async () => {
    const writer = teachers[4]!;
    const note = await noteFrom(writer, 'Students built on a partner’s idea with “I’d like to add…”.');
    const added = await writer.post(`/api/rounds/${roundId}/debrief/cards`, { noteId: note });
    expect(added.status).toBe(201);
    const again = await writer.post(`/api/rounds/${roundId}/debrief/cards`, { noteId: note });
    expect(DebriefSchema.parse(again.body).cards).toHaveLength(1);

    const seenByOther = DebriefSchema.parse((await teachers[5]!.get(`/api/rounds/${roundId}/debrief`)).body);
    expect(seenByOther.cards.map((c) => c.text)).toEqual([
      'Students built on a partner’s idea with “I’d like to add…”.',
    ]);
    expect(seenByOther.cards[0]!.mine).toBe(false);
    const raw = JSON.stringify(seenByOther);
    expect(raw).not.toMatch(/Debrief teacher|Room|host|writer/);
    expect(seenByOther.facilitator).toBe(false);
    expect((await ana.get(`/api/rounds/${roundId}/debrief`)).status).toBe(404);
  });

  it('when someone adds a note that is not theirs or not from this round, then it is refused', async () => {
    const mine = await noteFrom(teachers[6]!, 'Students wrote one sentence frame on a whiteboard.');
    expect((await teachers[7]!.post(`/api/rounds/${roundId}/debrief/cards`, { noteId: mine })).status).toBe(
      404,
    );
    expect((await teachers[7]!.post(`/api/rounds/${roundId}/debrief/cards`, {})).status).toBe(400);
  });

  it('when the facilitator groups cards into patterns and finishes, then the summary reaches the school picture without names', async () => {
    const writer = teachers[7]!;
    const note = await noteFrom(writer, 'Partners took turns explaining, each for about a minute.');
    const card = DebriefSchema.parse(
      (await writer.post(`/api/rounds/${roundId}/debrief/cards`, { noteId: note })).body,
    ).cards.find((c) => c.mine)!;
    expect((await writer.post(`/api/rounds/${roundId}/debrief/patterns`, { name: 'x' })).status).toBe(403);
    expect((await writer.put(`/api/rounds/${roundId}/debrief`, { phase: 'analysis' })).status).toBe(403);

    await dana.put(`/api/rounds/${roundId}/debrief`, { phase: 'analysis' });
    const withPattern = DebriefSchema.parse(
      (await dana.post(`/api/rounds/${roundId}/debrief/patterns`, { name: 'Students build on each other' }))
        .body,
    );
    const pattern = withPattern.patterns[0]!;
    const grouped = DebriefSchema.parse(
      (await dana.put(`/api/rounds/${roundId}/debrief/cards/${card.id}`, { patternId: pattern.id })).body,
    );
    expect(grouped.cards.find((c) => c.id === card.id)?.patternId).toBe(pattern.id);
    expect(
      (await dana.put(`/api/rounds/${roundId}/debrief/cards/${card.id}`, { patternId: 'nope' })).status,
    ).toBe(400);
    await dana.put(`/api/rounds/${roundId}/debrief`, {
      phase: 'prediction',
      prediction: 'A student here would know how to add to a classmate’s idea.',
    });
    const done = DebriefSchema.parse(
      (
        await dana.put(`/api/rounds/${roundId}/debrief`, {
          phase: 'done',
          nextLevel: 'Model “I’d like to add…” in every department meeting.',
        })
      ).body,
    );
    expect(done.phase).toBe('done');
    expect(done.summarizedAt).toBeTruthy();

    const picture = PictureSchema.parse((await dana.get('/api/picture?by=tag')).body);
    const summary = picture.rounds.find((r) => r.title === 'Talk moves round');
    expect(summary).toMatchObject({
      patterns: [{ name: 'Students build on each other', cards: 1 }],
      prediction: 'A student here would know how to add to a classmate’s idea.',
      nextLevel: 'Model “I’d like to add…” in every department meeting.',
    });
    expect(JSON.stringify(picture)).not.toMatch(/Debrief teacher/);
  });

  it('when a writer withdraws their card, then it leaves the room; others cannot withdraw it', async () => {
    const writer = teachers[5]!;
    const note = await noteFrom(writer, 'Students pointed to the data table while they explained.');
    const card = DebriefSchema.parse(
      (await writer.post(`/api/rounds/${roundId}/debrief/cards`, { noteId: note })).body,
    ).cards.find((c) => c.mine)!;
    expect((await teachers[6]!.delete(`/api/rounds/${roundId}/debrief/cards/${card.id}`)).status).toBe(403);
    const after = DebriefSchema.parse(
      (await writer.delete(`/api/rounds/${roundId}/debrief/cards/${card.id}`)).body,
    );
    expect(after.cards.some((c) => c.id === card.id)).toBe(false);
  });
});

describe('moving through the phases', () => {
  it('when the facilitator moves on without what a phase needs, then it is refused; a skip with a reason moves on and is kept', async () => {
    const ids = await Promise.all(
      teachers.map(async (t) => (await t.get('/api/me')).body.person.id as string),
    );
    const round = RoundSchema.parse(
      (
        await dana.post('/api/rounds', {
          title: 'Phase rules round',
          focus: { kind: 'tag', value: 'discussion' },
          date: daysFromNow(9),
          start: '09:00',
          timeZone: 'UTC',
          participantIds: ids,
          hostIds: ids.slice(0, 2),
        })
      ).body,
    );
    expect((await dana.post(`/api/rounds/${round.id}/publish`, { confirmTradeoffs: true })).status).toBe(200);
    const url = `/api/rounds/${round.id}/debrief`;
    const fresh = DebriefSchema.parse((await dana.get(url)).body);
    expect(fresh.needs).toEqual(['Add at least one evidence card from a note of this round.']);

    const refused = await dana.put(url, { phase: 'analysis' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('DEBRIEF_PHASE_INCOMPLETE');
    expect(refused.body.error.fields).toEqual([
      { path: 'description', message: 'Add at least one evidence card from a note of this round.' },
    ]);
    const finish = await dana.put(url, { phase: 'done' });
    expect(finish.status).toBe(422);
    expect(finish.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'description',
      'analysis',
      'prediction',
      'next',
    ]);
    expect((await dana.put(url, { phase: 'analysis', skipReason: 'x' })).status).toBe(400);
    expect(DebriefSchema.parse((await dana.get(url)).body).phase).toBe('description');

    const skipped = DebriefSchema.parse(
      (await dana.put(url, { phase: 'prediction', skipReason: 'Notes arrive after lunch' })).body,
    );
    expect(skipped.phase).toBe('prediction');
    expect(skipped.skips.map((k) => [k.phase, k.reason])).toEqual([
      ['description', 'Notes arrive after lunch'],
      ['analysis', 'Notes arrive after lunch'],
    ]);
    expect(skipped.needs).toEqual(['Write the prediction: what students will do if this continues.']);

    // The words sent with the move count; moving back needs nothing and adds no skip.
    const next = DebriefSchema.parse(
      (await dana.put(url, { phase: 'next', prediction: 'Students will wait for the teacher to speak.' }))
        .body,
    );
    expect(next.phase).toBe('next');
    expect((await dana.put(url, { phase: 'done', nextLevel: '' })).status).toBe(422);
    const back = DebriefSchema.parse((await dana.put(url, { phase: 'analysis' })).body);
    expect(back.phase).toBe('analysis');
    expect(back.skips).toHaveLength(2);
    expect(JSON.stringify(back)).not.toMatch(/Debrief teacher/);
  });
});
