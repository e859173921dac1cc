import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startRetentionJob } from '../../lti-server/src/domain/retention-job';
import { createLogger } from '../../lti-server/src/logger';
import { MeSchema } from '../../shared/api';
import { RoomLinkSchema, RoomSessionSchema } from '../../shared/room';
import { type ApiClient, apiClient, launchAs } from '../support/server/api-client';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/**
 * An attacker's view of the room note mode's sign-in links: what a link, a phone's session or its sealed-note key is
 * still good for after the session that made it ended, how long a chain of links can keep someone signed in, how fast
 * secrets can be guessed, and where a secret could leak (the log, the Referer).
 */
let server: TestServer;
let ben: ApiClient;
let log = '';
const sink = new Writable({
  write(chunk, _enc, done) {
    log += String(chunk);
    done();
  },
});

useTestServer({ logger: createLogger('info', sink) }, (s) => {
  server = s;
});
beforeAll(async () => {
  ben = await launchAs(server, 'sandbox-ben-okafor');
}, 60_000);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function signIn(token: string) {
  const res = await fetch(`${server.url}/api/room-links/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  return { status: res.status, body: await res.json() };
}

async function mintSecret(client: ApiClient): Promise<string> {
  const minted = await client.post('/api/room-links', {});
  expect(minted.status, JSON.stringify(minted.body)).toBe(201);
  return new URL(RoomLinkSchema.parse(minted.body).url).hash.replace(/^#signin=/, '');
}

async function sessionExpiry(token: string): Promise<string> {
  const row = await server.database.db
    .selectFrom('sessions')
    .select('expires_at')
    .where('token_hash', '=', sha256(token))
    .executeTakeFirstOrThrow();
  return row.expires_at;
}

describe('a room link after the session that made it ended', () => {
  it('when the launch that minted a link signs out, then the unused link signs no one in', async () => {
    const launch = await launchAs(server, 'sandbox-ben-okafor');
    const secret = await mintSecret(launch);
    expect((await launch.delete('/api/session')).status).toBe(204);
    const res = await signIn(secret);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('when the launch that minted a link has expired, then the unused link signs no one in', async () => {
    const launch = await launchAs(server, 'sandbox-ben-okafor');
    const secret = await mintSecret(launch);
    await server.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', sha256(launch.token))
      .execute();
    expect((await signIn(secret)).status).toBe(401);
  });

  it('when room sessions mint links for each other, then no session of the chain outlives the launch', async () => {
    const launch = await launchAs(server, 'sandbox-ben-okafor');
    // The launch has one hour left.
    const launchEnds = new Date(Date.now() + 3600_000).toISOString();
    await server.database.db
      .updateTable('sessions')
      .set({ expires_at: launchEnds })
      .where('token_hash', '=', sha256(launch.token))
      .execute();
    const first = RoomSessionSchema.parse((await signIn(await mintSecret(launch))).body);
    const second = RoomSessionSchema.parse(
      (await signIn(await mintSecret(apiClient(server, first.token)))).body,
    );
    for (const session of [first, second]) {
      expect(Date.parse(session.expiresAt)).toBeLessThanOrEqual(Date.parse(launchEnds));
      expect(Date.parse(await sessionExpiry(session.token))).toBeLessThanOrEqual(Date.parse(launchEnds));
    }
    // Ending the launch does not end the phone's own session (it has its own Sign out) …
    expect((await launch.delete('/api/session')).status).toBe(204);
    const phone = apiClient(server, second.token);
    expect(MeSchema.parse((await phone.get('/api/me')).body).person.name).toBe('Ben Okafor');
    // … but a link the phone minted from the first room session is only as good as that session.
    const fromFirst = await mintSecret(apiClient(server, first.token));
    expect((await apiClient(server, first.token).delete('/api/session')).status).toBe(204);
    expect((await signIn(fromFirst)).status).toBe(401);
  });
});

describe("a phone's sealed-note key", () => {
  it('when a room session expires without signing out, then the retention job deletes the session and its private key', async () => {
    const phone = RoomSessionSchema.parse((await signIn(await mintSecret(ben))).body);
    expect((await apiClient(server, phone.token).get('/api/room/note-key')).status).toBe(200);
    const keyRow = () =>
      server.database.db
        .selectFrom('room_note_keys')
        .select('private_jwk')
        .where('session_hash', '=', sha256(phone.token))
        .executeTakeFirst();
    expect(await keyRow()).toBeDefined();
    await server.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', sha256(phone.token))
      .execute();
    const job = startRetentionJob(server.database.db, server.database.kind, createLogger('silent'));
    await job.ready;
    job.stop();
    expect(await keyRow()).toBeUndefined();
    expect(
      await server.database.db
        .selectFrom('sessions')
        .select('token_hash')
        .where('token_hash', '=', sha256(phone.token))
        .executeTakeFirst(),
    ).toBeUndefined();
    // Ben's live launch is untouched.
    expect((await ben.get('/api/me')).status).toBe(200);
  });
});

describe('where a link’s secret could leak', () => {
  it('when a link is minted and exchanged, then neither the log nor a Referer can carry its secret', async () => {
    const secret = await mintSecret(ben);
    const exchanged = await signIn(secret);
    expect(exchanged.status).toBe(200);
    const session = RoomSessionSchema.parse(exchanged.body).token;
    await vi.waitFor(() => expect(log).toContain('"path":"/api/room-links/sign-in"'));
    expect(log).not.toContain(secret);
    expect(log).not.toContain(session);
    expect(log).not.toContain(sha256(secret));
    // The room page, the API and a door sign's address all tell the browser to send no Referer anywhere.
    for (const path of ['/room/', '/room/door/5b0c1d2e-1111-4222-8333-444455556666', '/api/me']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('when a link is minted, then its secret carries 256 bits and lives only in the fragment', async () => {
    const minted = RoomLinkSchema.parse((await ben.post('/api/room-links', {})).body);
    const url = new URL(minted.url);
    expect(url.search).toBe('');
    expect(url.pathname).not.toMatch(/[A-Za-z0-9_-]{40}/);
    const secret = url.hash.replace(/^#signin=/, '');
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
  });
});

describe('guessing secrets', () => {
  it('when one address tries many secrets, then the sign-in is rate limited, a right secret included', async () => {
    const real = await mintSecret(ben);
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await signIn(`${'G'.repeat(42)}${i % 10}`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    // Once limited, even the right secret waits: the limit does not tell a guess from a hit.
    expect((await signIn(real)).status).toBe(429);
  });
});
