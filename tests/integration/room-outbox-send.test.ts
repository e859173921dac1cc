import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendRoomNote } from '../../lti-server/app/src/api';
import { RoomDb, type RoomOutbox, roomOutbox } from '../../lti-server/app/src/room/room-outbox';
import { sendPending } from '../../lti-server/app/src/room/send-pending';
import type { Note } from '../../shared/notes';
import { RoomLinkSchema, RoomSessionSchema } from '../../shared/room';
import { type RoomNoteKey, RoomNoteKeySchema, type RoomNoteSend, sealNote } from '../../shared/sealed-note';
import { type ApiClient, apiClient, launchAs } from '../support/server/api-client';
import { daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

/** The room page's outbox (IndexedDB, here fake-indexeddb) and its sender against the real server. */
let server: TestServer;
let ben: ApiClient;
let phone: ApiClient;
let phoneToken: string;
let key: RoomNoteKey;
let visitId: string;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  const ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  const dana = await launchAs(server, 'sandbox-dana-kim');
  const strategyId = await approvedStrategy(ana, dana, { title: 'Outbox strategy' });
  const door = await ana.post('/api/doors', {
    strategyId,
    date: daysFromNow(2),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room 5',
  });
  const doorId = door.body.items[0].id as string;
  visitId = (await ben.post('/api/visits', { doorId })).body.id;
  await visitHappened(server, doorId, 2);
  const link = RoomLinkSchema.parse((await ben.post('/api/room-links', {})).body);
  const session = await fetch(`${server.url}/api/room-links/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: new URL(link.url).hash.replace('#signin=', '') }),
  });
  phoneToken = RoomSessionSchema.parse(await session.json()).token;
  phone = apiClient(server, phoneToken);
  key = RoomNoteKeySchema.parse((await phone.get('/api/room/note-key')).body);
}, 60_000);

const toServer: typeof fetch = (input, init) => fetch(`${server.url}${String(input)}`, init);
const send = (body: RoomNoteSend) => sendRoomNote(phoneToken, body, toServer);

async function keep(outbox: RoomOutbox, text: string, createdAt = new Date().toISOString()): Promise<string> {
  const clientId = randomUUID();
  const sealed = await sealNote(key, clientId, { visitId, prompt: 'students', text });
  await outbox.add({ clientId, visitId, createdAt, status: 'pending', sealed });
  return clientId;
}

async function onServer(text: string): Promise<Note[]> {
  const items = (await ben.get(`/api/notes?which=written&visitId=${visitId}`)).body.items as Note[];
  return items.filter((n) => n.text === text);
}

describe('the room page sends the notes waiting on the phone', () => {
  it('when the answer to a send is lost, then the next run sends it again and the server still has it once', async () => {
    const outbox = roomOutbox(new RoomDb(`room-${randomUUID()}`));
    const first = 'Students counted off in their groups before the question.';
    const second = 'Every group whispered, then one student stood up to answer.';
    await keep(outbox, first, '2026-01-01T10:00:00.000Z');
    await keep(outbox, second, '2026-01-01T10:01:00.000Z');

    // The first note reaches the server, but the connection drops before its answer comes back.
    let calls = 0;
    const lossy = async (body: RoomNoteSend) => {
      calls++;
      await send(body);
      return { ok: false as const, code: 'NETWORK', message: 'Tasting Menu cannot reach its server.' };
    };
    const lost = await sendPending(outbox, lossy);
    expect(calls).toBe(1);
    expect(lost).toMatchObject({ sent: [], failed: 0, stopped: { code: 'NETWORK' } });
    expect((await outbox.list(visitId)).map((n) => n.status)).toEqual(['pending', 'pending']);
    expect(await onServer(first)).toHaveLength(1);

    // The connection is back: both are sent, oldest first; the phone keeps nothing.
    const back = await sendPending(outbox, send);
    expect(back.sent.map((n) => n.text)).toEqual([first, second]);
    expect(back.stopped).toBeUndefined();
    expect(await outbox.list()).toEqual([]);
    expect(await onServer(first)).toHaveLength(1);
    expect(await onServer(second)).toHaveLength(1);
    // Nothing left: another run sends nothing.
    expect((await sendPending(outbox, send)).sent).toEqual([]);
  });

  it('when the server refuses a note for good, then it is kept as failed with the reason and the next one is still sent', async () => {
    const outbox = roomOutbox(new RoomDb(`room-${randomUUID()}`));
    const named = await keep(outbox, 'Ben Okafor asked a good question.', '2026-01-01T10:00:00.000Z');
    const fine = 'A student repeated the question aloud.';
    await keep(outbox, fine, '2026-01-01T10:01:00.000Z');
    const report = await sendPending(outbox, send);
    expect(report.failed).toBe(1);
    expect(report.sent.map((n) => n.text)).toEqual([fine]);
    const left = await outbox.list();
    expect(left.map((n) => [n.clientId, n.status])).toEqual([[named, 'failed']]);
    expect(left[0]?.error).toMatch(/name/i);
    // A failed note is not sent again.
    let calls = 0;
    await sendPending(outbox, async (body) => {
      calls++;
      return send(body);
    });
    expect(calls).toBe(0);
  });

  it('when the session has ended, then sending stops and every note stays on the phone', async () => {
    const outbox = roomOutbox(new RoomDb(`room-${randomUUID()}`));
    await keep(outbox, 'Groups wrote their answer on a whiteboard.');
    await keep(outbox, 'The teacher rolled a die to pick a number.');
    const ended = await sendPending(outbox, (body) => sendRoomNote('x'.repeat(43), body, toServer));
    expect(ended.stopped?.code).toBe('UNAUTHENTICATED');
    expect((await outbox.list()).map((n) => n.status)).toEqual(['pending', 'pending']);
  });
});
