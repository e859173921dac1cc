import { beforeAll, describe, expect, it } from 'vitest';
import { startRetentionJob } from '../../lti-server/src/domain/retention-job';
import { createLogger } from '../../lti-server/src/logger';
import { DialogueSchema } from '../../shared/dialogue';
import { PictureSchema } from '../../shared/notes';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

let server: TestServer;
let ana: ApiClient; // host
let ben: ApiClient; // visitor
let chloe: ApiClient; // another teacher (a second visitor in some tests)
let dana: ApiClient; // coach
let counter = 0;

/** `ana` opens a door, `visitors` book it; unless `future`, the visit has happened (ended 50 minutes ago). */
async function doorWith(visitors: ApiClient[], { future = false } = {}): Promise<string> {
  counter++;
  const strategyId = await approvedStrategy(ana, dana, { title: `Dialogue strategy ${counter}` });
  const door = await ana.post('/api/doors', {
    strategyId,
    date: daysFromNow(30 + counter),
    start: '10:00',
    timeZone: 'UTC',
    location: 'Room 4',
  });
  expect(door.status, JSON.stringify(door.body)).toBe(201);
  const doorId = door.body.items[0].id as string;
  for (const v of visitors) expect((await v.post('/api/visits', { doorId })).status).toBe(201);
  if (!future) await visitHappened(server, doorId);
  return doorId;
}

const noticed = 'Students turned to a partner and each explained one step using the data card.';
const wondering = 'I wonder what the partners would do with a second data card.';
const reply = 'The data card came from last week; they had seen one like it before.';
const next = 'I will try giving each pair two different cards to compare.';

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  chloe = await launchAs(server, 'sandbox-chloe-martin');
  dana = await launchAs(server, 'sandbox-dana-kim');
}, 60_000);

describe('the reflective dialogue after a visit', () => {
  it('when visitors write what they noticed and wonder, then the host reads who wrote what and replies', async () => {
    const doorId = await doorWith([ben, chloe]);
    const url = `/api/doors/${doorId}/dialogue`;
    const first = await ben.get(url);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(DialogueSchema.parse(first.body)).toMatchObject({
      role: 'visitor',
      open: true,
      canWrite: ['noticed', 'wondering'],
      entries: [],
      host: { name: 'Ana Rivera' },
    });
    expect((await ben.post(url, { part: 'noticed', text: noticed })).status).toBe(201);
    const after = DialogueSchema.parse((await ben.post(url, { part: 'wondering', text: wondering })).body);
    expect(after.canWrite).toEqual([]);
    expect(
      (await chloe.post(url, { part: 'noticed', text: 'Two pairs drew the graph on the board.' })).status,
    ).toBe(201);

    const host = DialogueSchema.parse((await ana.get(url)).body);
    expect(host).toMatchObject({ role: 'host', canWrite: ['reply', 'next_step'] });
    expect(host.entries.map((e) => [e.part, e.author.name, e.mine])).toEqual([
      ['noticed', 'Ben Okafor', false],
      ['wondering', 'Ben Okafor', false],
      ['noticed', 'Chloé Martin', false],
    ]);
    expect((await ana.post(url, { part: 'reply', text: reply })).status).toBe(201);
    expect((await ana.post(url, { part: 'next_step', text: next })).status).toBe(201);

    // Every party sees the whole thread; each part is written once (append-only).
    const seen = DialogueSchema.parse((await chloe.get(url)).body);
    expect(seen.entries.map((e) => e.text)).toEqual([
      noticed,
      wondering,
      'Two pairs drew the graph on the board.',
      reply,
      next,
    ]);
    expect(seen.entries.find((e) => e.part === 'next_step')?.author.name).toBe('Ana Rivera');
    const again = await ben.post(url, { part: 'noticed', text: 'Two pairs used the number line.' });
    expect(again.status).toBe(409);
    // Roles keep to their parts: a visitor never writes the host's reply, the host never a visitor's part.
    expect((await ben.post(url, { part: 'reply', text: reply })).status).toBe(403);
    expect((await ana.post(url, { part: 'noticed', text: noticed })).status).toBe(403);
  });

  it('when anyone but the host and the visitors asks, then the thread does not exist for them', async () => {
    const doorId = await doorWith([ben]);
    const url = `/api/doors/${doorId}/dialogue`;
    expect((await ben.post(url, { part: 'noticed', text: noticed })).status).toBe(201);
    const otherSchool = [
      await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'school-b' }),
      await launchAs(server, 'sandbox-ben-okafor', { deploymentId: 'school-b' }),
    ];
    for (const outsider of [chloe, dana, ...otherSchool]) {
      const read = await outsider.get(url);
      expect(read.status).toBe(404);
      expect(JSON.stringify(read.body)).not.toContain('partner');
      expect((await outsider.post(url, { part: 'noticed', text: noticed })).status).toBe(404);
      expect((await outsider.post(url, { part: 'reply', text: reply })).status).toBe(404);
    }
    // A visitor who canceled is no longer one of "those visitors".
    const canceled = await doorWith([ben, chloe], { future: true });
    const chloeVisit = (await chloe.get('/api/visits')).body.items.find(
      (v: { door: { id: string } }) => v.door.id === canceled,
    );
    expect((await chloe.post(`/api/visits/${chloeVisit.id}/cancel`)).status).toBe(200);
    await visitHappened(server, canceled);
    expect((await chloe.get(`/api/doors/${canceled}/dialogue`)).status).toBe(404);
    expect((await ben.get(`/api/doors/${canceled}/dialogue`)).status).toBe(200);
    // The stored rows are the only ones: nothing was added by the refused writes.
    const rows = await server.database.db
      .selectFrom('dialogue_entries')
      .select('author_id')
      .where('door_id', '=', doorId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('when the visit has not ended, then the thread is shown closed and nothing can be written', async () => {
    const doorId = await doorWith([ben], { future: true });
    const url = `/api/doors/${doorId}/dialogue`;
    expect(DialogueSchema.parse((await ben.get(url)).body)).toMatchObject({ open: false, canWrite: [] });
    expect((await ben.post(url, { part: 'noticed', text: noticed })).status).toBe(409);
    // Running now: started ten minutes ago, ends in twenty.
    await visitHappened(server, doorId, 10);
    await server.database.db
      .updateTable('doors')
      .set({ ends_at: new Date(Date.now() + 20 * 60_000).toISOString() })
      .where('id', '=', doorId)
      .execute();
    expect((await ben.post(url, { part: 'noticed', text: noticed })).status).toBe(409);
  });

  it('when an entry names someone, then it is refused; a judgment in "noticed" needs the writer to confirm', async () => {
    const doorId = await doorWith([ben]);
    const url = `/api/doors/${doorId}/dialogue`;
    for (const confirmFlags of [false, true]) {
      const named = await ben.post(url, {
        part: 'wondering',
        text: 'I wonder why Chloé Martin sat apart.',
        confirmFlags,
      });
      expect(named.status).toBe(422);
      expect(named.body.error.code).toBe('NOTE_FLAGGED');
      expect(named.body.error.message).toMatch(/name/);
    }
    const judged = await ben.post(url, { part: 'noticed', text: 'Great engagement!' });
    expect(judged.status).toBe(422);
    expect(judged.body.error.fields[0].message).toMatch(/Great/);
    expect(
      (await ben.post(url, { part: 'noticed', text: 'Great engagement!', confirmFlags: true })).status,
    ).toBe(201);
    const bad = await ben.post(url, { part: 'score', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['part', 'text']),
    );
  });

  it('when the school’s notes expire, then the dialogue goes with them, hidden at once and deleted by the job', async () => {
    // One date for the whole test: two reads of the clock can fall either side of midnight (UTC).
    const day40 = daysFromNow(40);
    const doorId = await doorWith([ben]);
    const url = `/api/doors/${doorId}/dialogue`;
    expect((await ben.post(url, { part: 'noticed', text: noticed })).status).toBe(201);
    // The coach's retention date moves the dialogue's expiry with the notes'.
    expect((await dana.put('/api/notes/retention', { expiresOn: day40 })).status).toBe(200);
    const row = await server.database.db
      .selectFrom('dialogue_entries')
      .select('expires_at')
      .where('door_id', '=', doorId)
      .executeTakeFirstOrThrow();
    expect(row.expires_at).toBe(`${day40}T23:59:59.999Z`);
    expect(DialogueSchema.parse((await ana.get(url)).body).expiresOn).toBe(day40);

    await server.database.db
      .updateTable('dialogue_entries')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('door_id', '=', doorId)
      .execute();
    expect(DialogueSchema.parse((await ana.get(url)).body).entries).toEqual([]);
    const job = startRetentionJob(server.database.db, server.database.kind, createLogger('silent'));
    await job.ready;
    job.stop();
    const rows = await server.database.db
      .selectFrom('dialogue_entries')
      .select('id')
      .where('door_id', '=', doorId)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('when the coach reads the picture, then dialogue texts are never in it', async () => {
    const doorId = await doorWith([ben]);
    const marker = 'Students sorted the zebra cards into three piles.';
    expect((await ben.post(`/api/doors/${doorId}/dialogue`, { part: 'noticed', text: marker })).status).toBe(
      201,
    );
    const picture = await dana.get('/api/picture');
    expect(picture.status).toBe(200);
    PictureSchema.parse(picture.body);
    expect(JSON.stringify(picture.body)).not.toContain('zebra');
  });
});
