import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { NoteSchema } from '../../shared/notes';
import { RoomLinkSchema, RoomSessionSchema } from '../../shared/room';
import { type RoomNoteKey, RoomNoteKeySchema, sealNote } from '../../shared/sealed-note';
import { type ApiClient, apiClient, launchAs } from '../support/server/api-client';
import { daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

let server: TestServer;
let ana: ApiClient;
let ben: ApiClient;
let dana: ApiClient;
let visitId: string;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  dana = await launchAs(server, 'sandbox-dana-kim');
  const strategyId = await approvedStrategy(ana, dana, { title: 'Offline notes strategy' });
  const door = await ana.post('/api/doors', {
    strategyId,
    date: daysFromNow(2),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room 3',
  });
  expect(door.status, JSON.stringify(door.body)).toBe(201);
  const doorId = door.body.items[0].id as string;
  const visit = await ben.post('/api/visits', { doorId });
  expect(visit.status).toBe(201);
  visitId = visit.body.id;
  await visitHappened(server, doorId, 2);
}, 60_000);

/** Ben's phone: a room session from a sign-in link, as the room page gets one. */
async function phoneSession(): Promise<ApiClient> {
  const link = RoomLinkSchema.parse((await ben.post('/api/room-links', {})).body);
  const res = await fetch(`${server.url}/api/room-links/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: new URL(link.url).hash.replace('#signin=', '') }),
  });
  return apiClient(server, RoomSessionSchema.parse(await res.json()).token);
}

async function noteKey(phone: ApiClient): Promise<RoomNoteKey> {
  const res = await phone.get('/api/room/note-key');
  expect(res.status).toBe(200);
  return RoomNoteKeySchema.parse(res.body);
}

async function sealed(key: RoomNoteKey, text: string, clientId = randomUUID()) {
  return { clientId, sealed: await sealNote(key, clientId, { visitId, prompt: 'students', text }) };
}

async function storedWithClientId(clientId: string) {
  return server.database.db.selectFrom('notes').selectAll().where('client_id', '=', clientId).execute();
}

describe('notes kept sealed on a phone and sent when the connection returns', () => {
  it('when a room session asks for its key, then it gets the same public key each time and never the private half', async () => {
    const phone = await phoneSession();
    const first = await phone.get('/api/room/note-key');
    expect(Object.keys(first.body).sort()).toEqual(['kid', 'publicKey']);
    expect(Object.keys(first.body.publicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(JSON.stringify(first.body)).not.toContain('"d"');
    expect((await noteKey(phone)).kid).toBe(first.body.kid);
    // Another sign-in is another key.
    expect((await noteKey(await phoneSession())).kid).not.toBe(first.body.kid);
  });

  it('when the same sealed note is sent again, or many times at once, then the server stores it once', async () => {
    const phone = await phoneSession();
    const key = await noteKey(phone);
    const note = await sealed(key, 'Partners read the stem aloud, then each finished it.');
    const sent = await phone.post('/api/room/notes', note);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(NoteSchema.parse(sent.body).text).toBe('Partners read the stem aloud, then each finished it.');
    // The answer was lost on the way back: the phone sends it again.
    const again = await phone.post('/api/room/notes', note);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(sent.body.id);
    expect(await storedWithClientId(note.clientId)).toHaveLength(1);

    // Five sends of one new note racing each other.
    const racing = await sealed(key, 'The teacher waited for a partner to answer.');
    const answers = await Promise.all(Array.from({ length: 5 }, () => phone.post('/api/room/notes', racing)));
    expect(answers.map((a) => a.status).filter((s) => s === 201)).toHaveLength(1);
    expect(answers.map((a) => a.status).filter((s) => s === 200)).toHaveLength(4);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await storedWithClientId(racing.clientId)).toHaveLength(1);

    // Both are notes like any other: the host reads them about her room.
    const about = (await ana.get('/api/notes?which=about')).body.items as Array<{ text: string }>;
    expect(about.filter((n) => n.text === 'The teacher waited for a partner to answer.')).toHaveLength(1);
  });

  it('when a seal was changed, or is sent under another client id, then it is refused as unreadable', async () => {
    const phone = await phoneSession();
    const key = await noteKey(phone);
    const note = await sealed(key, 'Students pointed at the stem on the board.');
    const flipped = note.sealed.data.startsWith('A')
      ? `B${note.sealed.data.slice(1)}`
      : `A${note.sealed.data.slice(1)}`;
    const changed = await phone.post('/api/room/notes', {
      ...note,
      sealed: { ...note.sealed, data: flipped },
    });
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('SEALED_NOTE_UNREADABLE');
    const moved = await phone.post('/api/room/notes', { ...note, clientId: randomUUID() });
    expect(moved.status).toBe(422);
    expect(moved.body.error.code).toBe('SEALED_NOTE_UNREADABLE');
    expect((await phone.post('/api/room/notes', note)).status).toBe(201);
  });

  it('when a sealed note names someone, then the server refuses it as it refuses any note', async () => {
    const phone = await phoneSession();
    const refused = await phone.post(
      '/api/room/notes',
      await sealed(await noteKey(phone), 'Ms Rivera asked Ben to read.'),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOTE_FLAGGED');
  });

  it('when the phone signs out, then its key is gone and what it still holds sealed can never be opened', async () => {
    const phone = await phoneSession();
    const key = await noteKey(phone);
    const delivered = await sealed(key, 'Each group wrote one question on a sticky note.');
    expect((await phone.post('/api/room/notes', delivered)).status).toBe(201);
    const kept = await sealed(key, 'The teacher read two questions aloud.');
    expect(
      await server.database.db.selectFrom('room_note_keys').where('kid', '=', key.kid).selectAll().execute(),
    ).toHaveLength(1);

    expect((await phone.delete('/api/session')).status).toBe(204);
    expect(
      await server.database.db.selectFrom('room_note_keys').where('kid', '=', key.kid).selectAll().execute(),
    ).toHaveLength(0);
    expect((await phone.post('/api/room/notes', kept)).status).toBe(401);

    // Signed in again: a new key, which does not open the old seal; a note already delivered is still found once.
    const again = await phoneSession();
    const unreadable = await again.post('/api/room/notes', kept);
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.error.code).toBe('SEALED_NOTE_UNREADABLE');
    const resent = await again.post('/api/room/notes', delivered);
    expect(resent.status).toBe(200);
    expect(await storedWithClientId(delivered.clientId)).toHaveLength(1);
  });

  it("when another school's session seals a note for this school's visit, then the visit is not found and nothing is written", async () => {
    const elsewhere = await launchAs(server, 'sandbox-ben-okafor', { deploymentId: 'school-b' });
    const key = await noteKey(elsewhere);
    const before = await server.database.db.selectFrom('notes').select('id').execute();
    const refused = await elsewhere.post(
      '/api/room/notes',
      await sealed(key, 'Students wrote in another school.'),
    );
    expect(refused.status).toBe(404);
    expect(await server.database.db.selectFrom('notes').select('id').execute()).toHaveLength(before.length);
  });

  it('when an LMS launch session (not the room page) or nobody asks, then the rules of any note route apply', async () => {
    // A launch session is a session like the room's (same kind): it may seal too; without a token nothing answers.
    expect((await fetch(`${server.url}/api/room/note-key`)).status).toBe(401);
    const bad = await ben.post('/api/room/notes', { clientId: 'not-a-uuid', sealed: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});
