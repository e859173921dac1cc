import { beforeAll, describe, expect, it } from 'vitest';
import { startRetentionJob } from '../../lti-server/src/domain/retention-job';
import { apiRouter } from '../../lti-server/src/http/api-routes';
import { createLogger } from '../../lti-server/src/logger';
import { NoteListSchema, NoteSchema, PictureSchema } from '../../shared/notes';
import { VisitListSchema } from '../../shared/visits';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import { startTestServer, type TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { pastVisit } from '../support/server/visit-happened';

let server: TestServer;
let ana: ApiClient; // host
let ben: ApiClient; // visitor, writer
let chloe: ApiClient; // another teacher
let dana: ApiClient; // coach
let counter = 0;

/**
 * `host` opens a door for a strategy of theirs (approved by `coach`), `visitor` books it, and the visit happens.
 * Returns the visit id.
 */
async function visitOn(
  on: TestServer,
  coach: ApiClient,
  host: ApiClient,
  visitor: ApiClient,
  tag = 'discussion',
): Promise<string> {
  counter++;
  return pastVisit(on, { coach, host, visitor }, { title: `Strategy ${counter}`, tags: [tag] }, 20 + counter);
}
const visit = (host: ApiClient, visitor: ApiClient) => visitOn(server, dana, host, visitor);

const evidence = 'Students turned to a partner and each explained one step using the data card.';

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  chloe = await launchAs(server, 'sandbox-chloe-martin');
  dana = await launchAs(server, 'sandbox-dana-kim');
}, 60_000);
describe('writing a note', () => {
  it('when a visitor writes descriptive evidence, then it is saved and the host reads it with the writer named', async () => {
    const visitId = await visit(ana, ben);
    const res = await ben.post('/api/notes', { visitId, prompt: 'students', text: evidence });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const note = NoteSchema.parse(res.body);
    expect(note).toMatchObject({ mine: true, aboutMe: false, useful: false, text: evidence });
    const about = NoteListSchema.parse((await ana.get('/api/notes?which=about')).body);
    expect(about.items.map((n) => n.id)).toContain(note.id);
    expect(about.items.find((n) => n.id === note.id)).toMatchObject({
      aboutMe: true,
      writer: { name: 'Ben Okafor' },
      visit: { roundId: null },
    });
    expect(about.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('when the note names someone, then it cannot be saved even when confirmed, and the reason is given', async () => {
    const visitId = await visit(ana, ben);
    for (const confirmFlags of [false, true]) {
      const res = await ben.post('/api/notes', {
        visitId,
        prompt: 'teacher',
        text: 'Great job, Ms Rivera!',
        confirmFlags,
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('NOTE_FLAGGED');
      expect(res.body.error.message).toMatch(/name/);
      expect(res.body.error.fields.some((f: { message: string }) => f.message.includes('Ms Rivera'))).toBe(
        true,
      );
    }
    // A roster name without a title is caught too.
    const roster = await ben.post('/api/notes', {
      visitId,
      prompt: 'students',
      text: 'Chloé explained the graph.',
    });
    expect(roster.status).toBe(422);
    expect(
      (await ana.get('/api/notes?which=about')).body.items.some((n: { text: string }) =>
        n.text.includes('Rivera'),
      ),
    ).toBe(false);
  });

  it('when the note is a judgement, then it is saved only after the writer confirms having seen why', async () => {
    const visitId = await visit(ana, ben);
    const first = await ben.post('/api/notes', { visitId, prompt: 'students', text: 'Great engagement!' });
    expect(first.status).toBe(422);
    expect(first.body.error.fields[0].message).toMatch(/Great/);
    const confirmed = await ben.post('/api/notes', {
      visitId,
      prompt: 'students',
      text: 'Great engagement!',
      confirmFlags: true,
    });
    expect(confirmed.status).toBe(201);
  });

  it('when the visit has not started, is someone else’s or the input is bad, then nothing is saved', async () => {
    const door = await ana.post('/api/doors', {
      strategyId: await approvedStrategy(ana, dana, { title: 'Future one' }),
      date: daysFromNow(3),
      start: '09:00',
      timeZone: 'UTC',
      location: 'Room 1',
    });
    const future = (await ben.post('/api/visits', { doorId: door.body.items[0].id })).body.id;
    expect(
      (await ben.post('/api/notes', { visitId: future, prompt: 'students', text: evidence })).status,
    ).toBe(409);
    const past = await visit(ana, ben);
    expect(
      (await chloe.post('/api/notes', { visitId: past, prompt: 'students', text: evidence })).status,
    ).toBe(404);
    const bad = await ben.post('/api/notes', { visitId: past, prompt: 'vibes', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['prompt', 'text']),
    );
  });
});

describe('the evaluation firewall', () => {
  it('when anyone but the host and the writer opens a note, then it is forbidden — coaches included', async () => {
    const visitId = await visit(ana, ben);
    const note = (await ben.post('/api/notes', { visitId, prompt: 'students', text: evidence })).body;
    expect((await ana.get(`/api/notes/${note.id}`)).status).toBe(200);
    expect((await ben.get(`/api/notes/${note.id}`)).status).toBe(200);
    for (const other of [dana, chloe]) {
      const res = await other.get(`/api/notes/${note.id}`);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(evidence);
      expect((await other.patch(`/api/notes/${note.id}`, { text: 'changed' })).status).toBe(403);
      expect((await other.delete(`/api/notes/${note.id}`)).status).toBe(403);
      expect((await other.post(`/api/notes/${note.id}/useful`, { useful: true })).status).toBe(403);
      const lists = [await other.get('/api/notes?which=about'), await other.get('/api/notes?which=written')];
      for (const list of lists) expect(JSON.stringify(list.body)).not.toContain(evidence);
    }
  });

  it('when the API is listed, then no route offers a per-teacher score, count, ranking or export', () => {
    const routes: string[] = [];
    const walk = (stack: Array<{ route?: { path: string }; handle: { stack?: unknown[] } }>) => {
      for (const layer of stack) {
        if (layer.route) routes.push(layer.route.path);
        else if (layer.handle.stack) walk(layer.handle.stack as typeof stack);
      }
    };
    walk(
      (apiRouter(server.database, server.lti, server.config.publicUrl) as unknown as { stack: never[] })
        .stack,
    );
    expect(routes.length).toBeGreaterThan(20);
    for (const path of routes)
      expect(path).not.toMatch(/score|rank|leader|rating|grade|stats|per-teacher|people\/:id/i);
  });

  it('when a note is deleted by the host, then the row is gone from the database', async () => {
    const visitId = await visit(ana, ben);
    const note = (await ben.post('/api/notes', { visitId, prompt: 'students', text: evidence })).body;
    expect((await ana.delete(`/api/notes/${note.id}`)).status).toBe(204);
    const rows = await server.database.db
      .selectFrom('notes')
      .select('id')
      .where('id', '=', note.id)
      .execute();
    expect(rows).toHaveLength(0);
    expect((await ben.get(`/api/notes/${note.id}`)).status).toBe(404);
  });

  it('when the writer edits, the host marks it useful and thanks the visitor, then each sees what is theirs', async () => {
    const visitId = await visit(ana, ben);
    const note = (await ben.post('/api/notes', { visitId, prompt: 'teacher', text: evidence })).body;
    expect((await ana.patch(`/api/notes/${note.id}`, { text: 'The host rewrote it' })).status).toBe(403);
    const edited = await ben.patch(`/api/notes/${note.id}`, {
      text: 'The teacher waited five seconds before calling on anyone.',
    });
    expect(edited.status).toBe(200);
    expect((await ben.post(`/api/notes/${note.id}/useful`, { useful: true })).status).toBe(403);
    expect((await ana.post(`/api/notes/${note.id}/useful`, { useful: true })).body.useful).toBe(true);
    const written = NoteListSchema.parse((await ben.get(`/api/notes?which=written&visitId=${visitId}`)).body);
    expect(written.items).toHaveLength(1);
    expect(written.items[0]).toMatchObject({
      useful: true,
      text: 'The teacher waited five seconds before calling on anyone.',
    });

    expect((await chloe.post(`/api/visits/${visitId}/thanks`, { message: 'Thanks!' })).status).toBe(404);
    expect(
      (await ana.post(`/api/visits/${visitId}/thanks`, { message: 'Thank you for the careful notes.' }))
        .status,
    ).toBe(204);
    const visits = VisitListSchema.parse((await ben.get('/api/visits')).body);
    expect(visits.items.find((v) => v.id === visitId)?.thanks?.message).toBe(
      'Thank you for the careful notes.',
    );
  });
});

describe('the school-wide picture', () => {
  it('when evidence spans fewer than 3 classrooms, then nothing is shown; from 3 visits in 3 classrooms, patterns appear in words', async () => {
    const fresh = await startTestServer();
    try {
      const coach = await launchAs(fresh, 'sandbox-dana-kim');
      const teachers = await colleaguesOf(fresh, coach, 4, 'Picture teacher');
      const [writer, ...hosts] = teachers as [ApiClient, ApiClient, ApiClient, ApiClient];
      {
        const note = async (host: ApiClient, text: string) => {
          const visitId = await visitOn(fresh, coach, host, writer, 'questioning');
          expect((await writer.post('/api/notes', { visitId, prompt: 'students', text })).status).toBe(201);
        };
        await note(hosts[0], 'Students turned to a partner and explained one step.');
        await note(hosts[1], 'Students wrote one question on a sticky note.');
        let picture = PictureSchema.parse((await coach.get('/api/picture?by=tag')).body);
        expect(picture.groups).toEqual([]);
        expect(picture.withheld).toBeGreaterThan(0);

        await note(hosts[2], 'Partners explained their graphs to each other.');
        picture = PictureSchema.parse((await coach.get('/api/picture?by=tag')).body);
        const school = picture.groups.find((g) => g.kind === 'school');
        const tag = picture.groups.find((g) => g.kind === 'tag' && g.label === 'questioning');
        expect(school).toBeTruthy();
        expect(tag).toBeTruthy();
        // Two of the three visits describe students explaining: many, not most.
        expect(school!.themes.find((t) => t.theme === 'student-talk')?.share).toBe('many');
        expect(tag!.themes.find((t) => t.theme === 'writing')?.share).toBe('some');
        expect(school!.themes.find((t) => t.theme === 'movement')?.share).toBe('few');
        // No names, no ids of people, no note text, no raw per-room numbers.
        const raw = JSON.stringify(picture);
        for (const word of ['Picture teacher', 'explained one step', 'sticky note'])
          expect(raw).not.toContain(word);
        const csv = await fetch(`${fresh.url}/api/picture.csv?by=tag`, {
          headers: { authorization: `Bearer ${coach.token}` },
        });
        expect(await csv.text()).toContain('questioning');
        expect((await writer.get('/api/picture')).status).toBe(403);
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('retention', () => {
  it('when a coach sets the retention date, then every note expires then and teachers see the date; teachers cannot set it', async () => {
    // One date for the whole test: two reads of the clock can fall either side of midnight (UTC).
    const day30 = daysFromNow(30);
    const visitId = await visit(ana, ben);
    const note = (await ben.post('/api/notes', { visitId, prompt: 'students', text: evidence })).body;
    expect((await ben.put('/api/notes/retention', { expiresOn: day30 })).status).toBe(403);
    expect((await dana.put('/api/notes/retention', { expiresOn: daysFromNow(-1) })).status).toBe(400);
    const set = await dana.put('/api/notes/retention', { expiresOn: day30 });
    expect(set.status).toBe(200);
    expect((await ben.get('/api/notes/retention')).body.expiresOn).toBe(day30);
    expect((await ben.get(`/api/notes/${note.id}`)).body.expiresAt).toBe(`${day30}T23:59:59.999Z`);
  });

  it('when notes have expired, then they are hidden at once and the retention job deletes the rows', async () => {
    const visitId = await visit(ana, ben);
    const note = (await ben.post('/api/notes', { visitId, prompt: 'students', text: evidence })).body;
    const past = new Date(Date.now() - 1000).toISOString();
    await server.database.db
      .updateTable('notes')
      .set({ expires_at: past })
      .where('id', '=', note.id)
      .execute();
    expect((await ana.get(`/api/notes/${note.id}`)).status).toBe(404);
    expect(JSON.stringify((await ana.get('/api/notes?which=about')).body)).not.toContain(note.id);
    const job = startRetentionJob(server.database.db, server.database.kind, createLogger('silent'));
    await job.ready;
    job.stop();
    const rows = await server.database.db
      .selectFrom('notes')
      .select('id')
      .where('id', '=', note.id)
      .execute();
    expect(rows).toHaveLength(0);
  });
});
