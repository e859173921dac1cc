import { describe, expect, it } from 'vitest';
import { MeSchema } from '../../shared/api';
import { ErrorBodySchema } from '../../shared/errors';
import { sandboxLaunch } from '../support/server/form-browser';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;

useTestServer({}, (s) => {
  server = s;
});
async function me(token: string | undefined) {
  return fetch(`${server.url}/api/me`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe('a launch through the sandbox LMS', () => {
  it('when a teacher launches, then the app gets a session that says teacher in the course network', async () => {
    const launch = await sandboxLaunch(server.url, 'sandbox-ana-rivera');
    expect(launch.token, JSON.stringify(launch.steps)).toBeTruthy();
    expect(launch.steps.map((s) => new URL(s.url).pathname)).toEqual([
      '/sandbox/courses/sandbox-course-7sci/initiate',
      '/lti/login',
      '/sandbox/auth',
      // The launch's own response opens the app: no second request to ltijs's /lti/launch?ltik=….
      '/lti/launch',
    ]);
    const res = await me(launch.token);
    expect(res.status).toBe(200);
    const body = MeSchema.parse(await res.json());
    expect(body.person).toMatchObject({ name: 'Ana Rivera', role: 'teacher' });
    expect(body.network).toMatchObject({ title: 'Grade 7 Science — Team Room', scope: 'course' });
    expect(body.platform.name).toBe('Sandbox LMS');
  });

  it('when a coach launches, then the session says coach', async () => {
    const launch = await sandboxLaunch(server.url, 'sandbox-dana-kim');
    const body = MeSchema.parse(await (await me(launch.token)).json());
    expect(body.person).toMatchObject({ name: 'Dana Kim', role: 'coach' });
  });

  it('when the same teacher launches from two courses, then they are one person in two networks', async () => {
    const a = MeSchema.parse(
      await (await me((await sandboxLaunch(server.url, 'sandbox-ben-okafor')).token)).json(),
    );
    const b = MeSchema.parse(
      await (
        await me((await sandboxLaunch(server.url, 'sandbox-ben-okafor', 'sandbox-course-9eng')).token)
      ).json(),
    );
    expect(a.person.id).toBe(b.person.id);
    expect(a.network.id).not.toBe(b.network.id);
  });

  it('when a student launches, then a friendly page refuses them and nothing about them is stored', async () => {
    const launch = await sandboxLaunch(server.url, 'sandbox-sam-student');
    expect(launch.token).toBeUndefined();
    expect(launch.status).toBe(403);
    expect(launch.html).toContain('Tasting Menu is for teachers');
    const people = await server.database.db.selectFrom('people').select('name').execute();
    expect(people.map((p) => p.name)).not.toContain('Sam Student');
  });
});

describe('the JSON API', () => {
  it('when no token is sent, then it answers 401 with a stable error code', async () => {
    const res = await me(undefined);
    expect(res.status).toBe(401);
    expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('when a made-up token is sent, then it answers 401', async () => {
    const res = await me('a'.repeat(43));
    expect(res.status).toBe(401);
  });

  it('when the session is ended, then its token stops working', async () => {
    const { token } = await sandboxLaunch(server.url, 'sandbox-chloe-martin');
    expect((await me(token)).status).toBe(200);
    const del = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(del.status).toBe(204);
    expect((await me(token)).status).toBe(401);
  });

  it('when sessions are stored, then only a hash of the token is in the database', async () => {
    const { token } = await sandboxLaunch(server.url, 'sandbox-ana-rivera');
    const rows = await server.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('when an unknown API route is called, then it answers 404 JSON', async () => {
    const { token } = await sandboxLaunch(server.url, 'sandbox-ana-rivera');
    const res = await fetch(`${server.url}/api/nothing-here`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
    expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('health', () => {
  it('when the server is up, then /healthz and /readyz say so with CORS open for the extension', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('access-control-allow-origin')).toBe('*');
    expect(await health.json()).toMatchObject({ status: 'ok', service: 'tasting-menu' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});
