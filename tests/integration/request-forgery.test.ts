import { beforeAll, describe, expect, it } from 'vitest';
import { apiRouter } from '../../lti-server/src/http/api-routes';
import { publicPairingRouter } from '../../lti-server/src/http/pairing-routes';
import { publicRoomRouter } from '../../lti-server/src/http/room-routes';
import { MeSchema } from '../../shared/api';
import { RoomLinkSchema, RoomSessionSchema } from '../../shared/room';
import { type ApiClient, apiClient, launchAs } from '../support/server/api-client';
import { daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import { routesOf } from '../support/server/route-table';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/**
 * Forged and hostile requests against the API: a state-changing call from another site (a forged Origin, the LMS's
 * cookies, no bearer token), and, on the newest routes (room links, on-the-spot booking, sealed notes, districts),
 * JSON bodies with keys the schema does not know, prototype keys, deep nesting and long arrays.
 */
let server: TestServer;
let ben: ApiClient;
let dana: ApiClient;
let doorId: string;
let districtId: string;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ben = await launchAs(server, 'sandbox-ben-okafor');
  dana = await launchAs(server, 'sandbox-dana-kim');
  const ana = await launchAs(server, 'sandbox-ana-rivera');
  const strategyId = await approvedStrategy(ana, dana, { title: 'Forgery strategy' });
  const door = await ana.post('/api/doors', {
    strategyId,
    date: daysFromNow(3),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room 4',
  });
  expect(door.status, JSON.stringify(door.body)).toBe(201);
  doorId = door.body.items[0].id;
  districtId = (await dana.post('/api/districts', { name: 'Forgery district' })).body.id;
}, 60_000);

async function raw(method: string, path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : body,
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

describe('a state-changing request from another site', () => {
  it('when it carries a forged Origin and cookies but no bearer token, then every write route answers 401', async () => {
    const db = server.database.db;
    const open = new Set([...routesOf(publicPairingRouter(db)), ...routesOf(publicRoomRouter(db))]);
    const writes = routesOf(apiRouter(server.database, server.lti, server.config.publicUrl)).filter(
      (r) => !r.startsWith('GET ') && !r.startsWith('USE') && !open.has(r),
    );
    expect(writes.length).toBeGreaterThan(60);
    for (const route of writes) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await raw(method, `/api${path.replace(/:[A-Za-z]+/g, 'x')}`, '{}', {
        origin: 'https://evil.example',
        referer: 'https://evil.example/page',
        cookie: 'ltiaud=x; state=y; session=z',
        'sec-fetch-site': 'cross-site',
      });
      expect(res.status, route).toBe(401);
      expect(res.headers.get('set-cookie'), route).toBeNull();
    }
    // The two routes open without a session take only their secrets: nothing to forge on someone's behalf.
    expect([...open].sort()).toEqual(['POST /pairings', 'POST /pairings/claim', 'POST /room-links/sign-in']);
  });
});

describe('hostile JSON bodies on the newest routes', () => {
  const targets = () =>
    [
      ['POST', '/api/room-links', { doorId }],
      ['POST', '/api/room-links/sign-in', { token: 'A'.repeat(43) }],
      ['POST', '/api/visits/on-the-spot', { doorId }],
      ['POST', '/api/room/notes', { clientId: '5b0c1d2e-1111-4222-8333-444455556666' }],
      ['POST', '/api/districts', { name: 'Hostile district' }],
      ['POST', '/api/districts/join', { code: 'not-a-real-code' }],
      ['POST', `/api/districts/${districtId}/rounds`, { roundId: 'x', problem: 'Hostile' }],
    ] as const;

  it('when a body carries __proto__ or constructor.prototype, then no object in the server is polluted', async () => {
    for (const [method, path, body] of targets()) {
      const json = JSON.stringify(body).replace(
        /^\{/,
        '{"__proto__":{"polluted":"yes","role":"coach"},"constructor":{"prototype":{"polluted":"yes"}},',
      );
      const res = await raw(method, path, json, { authorization: `Bearer ${ben.token}` });
      expect(res.status, `${path} ${res.text}`).toBeLessThan(500);
      expect(({} as Record<string, unknown>).polluted, path).toBeUndefined();
    }
    // Ben is still a teacher: a "role" smuggled in a body changed nothing.
    expect(MeSchema.parse((await ben.get('/api/me')).body).person.role).toBe('teacher');
  });

  it('when a body is nested thousands deep or holds a long array, then the answer is a 4xx or the ordinary answer, never 5xx', async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const deepArray = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    for (const [method, path, body] of targets()) {
      for (const hostile of [
        JSON.stringify(body).replace(/^\{/, `{"extra":${deep},`),
        JSON.stringify(body).replace(/^\{/, `{"extra":${deepArray},`),
        JSON.stringify({ ...body, extra: Array.from({ length: 40_000 }, (_, i) => i) }),
        deepArray,
      ]) {
        const started = Date.now();
        const res = await raw(method, path, hostile, { authorization: `Bearer ${dana.token}` });
        expect(res.status, `${path} ${res.text.slice(0, 200)}`).toBeLessThan(500);
        expect(Date.now() - started, path).toBeLessThan(5_000);
      }
    }
    // The server still answers.
    expect((await dana.get('/api/me')).status).toBe(200);
  });

  it('when a body names another person, tenant or id, then the extra keys are ignored', async () => {
    const benId = MeSchema.parse((await ben.get('/api/me')).body).person.id;
    const danaId = MeSchema.parse((await dana.get('/api/me')).body).person.id;
    const minted = await ben.post('/api/room-links', {
      personId: danaId,
      tenantId: 'another-tenant',
      networkId: 'another-network',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    expect(minted.status).toBe(201);
    const link = RoomLinkSchema.parse(minted.body);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    const signedIn = await raw(
      'POST',
      '/api/room-links/sign-in',
      JSON.stringify({ token: new URL(link.url).hash.replace('#signin=', ''), personId: danaId }),
    );
    expect(signedIn.status).toBe(200);
    const phone = apiClient(server, RoomSessionSchema.parse(JSON.parse(signedIn.text)).token);
    expect(MeSchema.parse((await phone.get('/api/me')).body).person.id).toBe(benId);

    const started = await dana.post('/api/districts', {
      name: 'Chosen id',
      id: districtId,
      status: 'invited',
    });
    expect(started.status).toBe(201);
    expect(started.body.id).not.toBe(districtId);
    expect(started.body.status).toBe('member');
  });
});
