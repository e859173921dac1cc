import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MeSchema } from '../../shared/api';
import { RoomLinkSchema, RoomSessionSchema } from '../../shared/room';
import { VisitSchema } from '../../shared/visits';
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
let day = 0;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  dana = await launchAs(server, 'sandbox-dana-kim');
}, 60_000);

async function signIn(token: string) {
  const res = await fetch(`${server.url}/api/room-links/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  return { status: res.status, body: await res.json() };
}

/** The secret of a minted link: the fragment after `#signin=`. */
function secretOf(url: string): string {
  const secret = new URL(url).hash.replace(/^#signin=/, '');
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return secret;
}

async function openDoor(capacity = 4): Promise<string> {
  const strategyId = await approvedStrategy(ana, dana, { title: `Door sign strategy ${day}` });
  const door = await ana.post('/api/doors', {
    strategyId,
    date: daysFromNow(3 + day++),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room 12',
    capacity,
    lookFor: 'How partners build on each other',
  });
  expect(door.status, JSON.stringify(door.body)).toBe(201);
  return door.body.items[0].id as string;
}

describe('sign-in links for the room note mode', () => {
  it('when a launched teacher asks for a link, then it signs in once as them, and only its hash is stored', async () => {
    const minted = await ben.post('/api/room-links', {});
    expect(minted.status).toBe(201);
    const link = RoomLinkSchema.parse(minted.body);
    expect(new URL(link.url).pathname).toBe('/room/');
    const minutes = (Date.parse(link.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
    const secret = secretOf(link.url);

    const rows = await server.database.db.selectFrom('room_links').selectAll().execute();
    expect(rows.some((r) => r.token_hash === secret)).toBe(false);
    expect(rows.some((r) => r.token_hash === createHash('sha256').update(secret).digest('hex'))).toBe(true);

    const first = await signIn(secret);
    expect(first.status).toBe(200);
    const session = RoomSessionSchema.parse(first.body);
    expect(session.token).not.toBe(secret);
    const room = apiClient(server, session.token);
    expect(MeSchema.parse((await room.get('/api/me')).body).person.name).toBe('Ben Okafor');

    // Single use: a second exchange, even right after, is refused.
    const again = await signIn(secret);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('UNAUTHENTICATED');

    // The room session ends like any session.
    expect((await room.delete('/api/session')).status).toBe(204);
    expect((await room.get('/api/me')).status).toBe(401);
  });

  it('when two exchanges of one link race, then exactly one gets a session', async () => {
    const secret = secretOf(RoomLinkSchema.parse((await ben.post('/api/room-links', {})).body).url);
    const results = await Promise.all([signIn(secret), signIn(secret), signIn(secret)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('when a link has expired, then it signs no one in', async () => {
    const secret = secretOf(RoomLinkSchema.parse((await ben.post('/api/room-links', {})).body).url);
    await server.database.db
      .updateTable('room_links')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', createHash('sha256').update(secret).digest('hex'))
      .execute();
    expect((await signIn(secret)).status).toBe(401);
  });

  it('when a teacher revokes their unused links, then those links sign no one in', async () => {
    const secret = secretOf(RoomLinkSchema.parse((await ben.post('/api/room-links', {})).body).url);
    expect((await ben.delete('/api/room-links')).status).toBe(204);
    expect((await signIn(secret)).status).toBe(401);
  });

  it('when a link was minted in one school, then its session sees that school only', async () => {
    const doorA = await openDoor();
    const benB = await launchAs(server, 'sandbox-ben-okafor', { deploymentId: 'room-school-b' });
    const secret = secretOf(RoomLinkSchema.parse((await benB.post('/api/room-links', {})).body).url);
    const room = apiClient(server, RoomSessionSchema.parse((await signIn(secret)).body).token);
    const me = MeSchema.parse((await room.get('/api/me')).body);
    expect(me.network.id).toBe(MeSchema.parse((await benB.get('/api/me')).body).network.id);
    expect(me.network.id).not.toBe(MeSchema.parse((await ben.get('/api/me')).body).network.id);
    expect((await room.get(`/api/doors/${doorA}`)).status).toBe(404);
    expect((await room.post('/api/visits/on-the-spot', { doorId: doorA })).status).toBe(404);
    // And a link cannot be minted towards another school's door.
    expect((await benB.post('/api/room-links', { doorId: doorA })).status).toBe(404);
  });

  it('when the secret is malformed or unknown, then the answer says nothing more than "not signed in"', async () => {
    expect((await signIn('short')).status).toBe(400);
    const unknown = await signIn('A'.repeat(43));
    expect(unknown.status).toBe(401);
    expect(JSON.stringify(unknown.body)).not.toMatch(/tenant|person/i);
  });

  it("when a link names someone else's visit, then it is refused", async () => {
    const doorId = await openDoor();
    const visit = await ben.post('/api/visits', { doorId });
    expect((await dana.post('/api/room-links', { visitId: visit.body.id })).status).toBe(404);
    const mine = RoomLinkSchema.parse((await ben.post('/api/room-links', { visitId: visit.body.id })).body);
    expect(new URL(mine.url).pathname).toBe(`/room/visit/${visit.body.id}`);
  });
});

describe('booking on the spot from a door sign', () => {
  it('when a visitor scans after the door opened, then a seat is booked while seats are left, and refused once full or over', async () => {
    const doorId = await openDoor(1);
    // Booking the ordinary way closes when the door opens; on the spot stays open until it ends.
    await visitHappened(server, doorId, 2);
    expect((await ben.post('/api/visits', { doorId })).status).toBe(409);
    const booked = await ben.post('/api/visits/on-the-spot', { doorId });
    expect(booked.status).toBe(201);
    expect(VisitSchema.parse(booked.body).status).toBe('booked');
    // Scanning again finds the same visit.
    const again = await ben.post('/api/visits/on-the-spot', { doorId });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(booked.body.id);
    // The one seat is taken.
    const chloe = await launchAs(server, 'sandbox-chloe-martin');
    const full = await chloe.post('/api/visits/on-the-spot', { doorId });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('DOOR_FULL');
    // The host cannot book their own door.
    expect((await ana.post('/api/visits/on-the-spot', { doorId })).status).toBe(403);
    // Notes can be written at once.
    const note = await ben.post('/api/notes', {
      visitId: booked.body.id,
      prompt: 'students',
      text: 'Partners took turns explaining each step.',
    });
    expect(note.status).toBe(201);

    const over = await openDoor();
    await visitHappened(server, over, 30);
    const late = await chloe.post('/api/visits/on-the-spot', { doorId: over });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('This visit is over.');
  });
});

describe('the room pages (the address a door sign QR code carries)', () => {
  it('when a room address is opened, then it is never frameable, and an address that is not a room page is 404', async () => {
    for (const path of ['/room/', '/room/door/5b0c1d2e-1111-4222-8333-444455556666', '/room/visit/abc']) {
      const res = await fetch(`${server.url}${path}`);
      expect([200, 503]).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    for (const path of ['/room/door/bad%20id', '/room/door/', '/room/door/a/b', '/room/elsewhere/x']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
  });

  it('when a Spanish phone opens an address that is not a room page, then the page says so in Spanish', async () => {
    const res = await fetch(`${server.url}/room/door/a/b`, {
      headers: { 'accept-language': 'es-MX,es;q=0.9' },
    });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<title>No encontrada</title>');
    expect(html).toContain('<h1>Esta página no existe</h1><p>Vuelve a escanear el cartel de la puerta.</p>');
    const english = await (
      await fetch(`${server.url}/room/door/a/b`, { headers: { 'accept-language': 'en-US' } })
    ).text();
    expect(english).toContain('<h1>There is no such page</h1><p>Scan the door sign again.</p>');
  });
});
