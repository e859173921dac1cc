import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/server/api-client';
import { rowCounts } from '../support/server/row-counts';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { type WriteCase, writeFixture } from '../support/server/write-cases';

/**
 * Hostile input on both databases: PostgreSQL refuses a NUL that SQLite stores, so without one rule the same request
 * was a 500 on one and a saved row on the other. Every case here must be a 4xx that names what was wrong, and store
 * nothing.
 */
let server: TestServer;
let ana: ApiClient; // teacher, host
let dana: ApiClient; // coach
let cases: Record<string, WriteCase>;

/** Every string in a body, with the dotted path zod reports for it. */
function stringLeaves(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function withNul(body: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const copy = structuredClone(body);
  let at = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  at[last] = `nul\u0000${at[last] as string}`;
  return copy;
}

async function send(client: ApiClient, method: string, path: string, body: unknown) {
  if (method === 'POST') return client.post(path, body);
  if (method === 'PUT') return client.put(path, body);
  return client.patch(path, body);
}

/** A raw request, for what the JSON client cannot send (bad escapes, odd content types, oversize bodies). */
async function raw(path: string, init: RequestInit = {}, client: ApiClient = dana) {
  const res = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${client.token}`, ...(init.headers as Record<string, string>) },
  });
  return { status: res.status, text: await res.text() };
}

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ({ ana, dana, cases } = await writeFixture(server));
}, 120_000);
describe('a NUL in a text field', () => {
  it('when any string field of any write route holds a NUL, then the answer is a 400 naming that field and nothing is stored', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [name, c] of Object.entries(cases)) {
      for (const leaf of stringLeaves(c.body())) {
        const field = leaf.join('.');
        const before = await rowCounts(server.database);
        const res = await send(c.who(), c.method, c.path(), withNul(c.body(), leaf));
        const after = await rowCounts(server.database);
        checked++;
        const named = (res.body?.error?.fields ?? []).some((f: { path: string }) => f.path === field);
        if (res.status !== 400 || !named)
          failures.push(`${name} ${field}: ${res.status} ${JSON.stringify(res.body)}`);
        else if (JSON.stringify(after) !== JSON.stringify(before))
          failures.push(`${name} ${field}: stored a row`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('when the NUL is in a search or a query filter, then the answer is a 400 naming the parameter', async () => {
    for (const [path, field] of [
      ['/api/strategies?q=nul%00byte', 'q'],
      ['/api/strategies?tags=a%00b', 'tags'],
      [`/api/doors?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&tag=a%00`, 'tag'],
      ['/api/notes?which=written&visitId=a%00b', 'visitId'],
    ] as const) {
      const res = await dana.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
  });

  it('when a text holds an unpaired surrogate, then it is refused too (PostgreSQL would store U+FFFD in its place)', async () => {
    const body = { ...cases['POST /api/strategies']!.body(), title: 'half \ud800 a pair' };
    const res = await ana.post('/api/strategies', body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: 'title', message: expect.stringMatching(/unpaired U\+D800/) },
    ]);
  });

  it('when text comes with Windows line ends, then it is stored with line feeds', async () => {
    const body = {
      ...cases['POST /api/strategies']!.body(),
      title: 'Turn and talk',
      purpose: 'Talk.\r\nThen write.',
    };
    const res = await ana.post('/api/strategies', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.purpose).toBe('Talk.\nThen write.');
  });
});

describe('hostile addresses', () => {
  it('when a path segment holds an encoded NUL, then every write route answers 400 and stores nothing', async () => {
    const before = await rowCounts(server.database);
    for (const [name, c] of Object.entries(cases)) {
      const path = c.path().replace(/\/[0-9a-f-]{36}|\/(card|pattern|request)-1/g, '/abc%00def');
      if (path === c.path()) continue;
      const res = await send(c.who(), c.method, path, c.body());
      expect(res.status, `${name} ${path}`).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    for (const path of ['/api/strategies/abc%00def', '/api/notes/abc%00def', '/api/rounds/abc%00def']) {
      expect((await dana.delete(path)).status, path).toBe(400);
      expect((await dana.get(path)).status, path).toBe(400);
    }
    expect(await rowCounts(server.database)).toEqual(before);
  });

  it('when a path has a broken percent-escape, then the answer is a 400, in the API and outside it', async () => {
    for (const path of ['/api/strategies/%E0%A4%A', '/api/rounds/%E0%A4%A/debrief', '/calendar/%E0%A4%A']) {
      const res = await raw(path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.text).error.code).toBe('VALIDATION_FAILED');
    }
    for (const path of ['/sandbox/%E0%A4%A', '/app/%E0%A4%A', '/calendar/abc%00def.ics', '/app/abc%00'])
      expect((await raw(path)).status, path).toBeLessThan(500);
  });

  it('when an LTI login or launch carries a NUL, then the LMS gets a 400 page with a reason code, not a 500', async () => {
    const login = await raw('/lti/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'iss=https%3A%2F%2Fcanvas.instructure.com%00&login_hint=x&target_link_uri=http%3A%2F%2Fx&client_id=c%00',
    });
    expect(login.status).toBe(400);
    expect(login.text).toContain('PARAMS_INVALID');
    const query = await raw(
      `/lti/login?iss=a%00b&login_hint=x&target_link_uri=${encodeURIComponent(server.url)}`,
    );
    expect(query.status).toBe(400);
    const launch = await raw('/lti/launch', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'id_token=a.b.c&state=s%00',
    });
    expect(launch.status).toBe(400);
  });
});

describe('bodies the parser refuses', () => {
  const post = (headers: Record<string, string>, body: string) =>
    raw('/api/strategies', { method: 'POST', headers, body });

  it('when a body is larger than the limit, then the answer is 413 and nothing is stored', async () => {
    const before = await rowCounts(server.database);
    const res = await post(
      { 'content-type': 'application/json' },
      JSON.stringify({ title: 'x'.repeat(300_000) }),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.code).toBe('VALIDATION_FAILED');
    expect(await rowCounts(server.database)).toEqual(before);
  });

  it('when a body is not JSON, not UTF-8, compressed unknown ways or of another type, then the answer is a 4xx', async () => {
    const cases: Array<[Record<string, string>, string, number]> = [
      [{ 'content-type': 'application/json' }, '{"title": ', 400],
      [{ 'content-type': 'application/json; charset=latin-9' }, '{}', 415],
      [{ 'content-type': 'application/json', 'content-encoding': 'br2' }, '{}', 415],
      [{ 'content-type': 'text/plain' }, '{"title":"x"}', 400],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 'title=x', 400],
    ];
    for (const [headers, body, status] of cases) {
      const res = await post(headers, body);
      expect(res.status, JSON.stringify(headers)).toBe(status);
      expect(JSON.parse(res.text).error.code).toBe('VALIDATION_FAILED');
    }
  });
});
