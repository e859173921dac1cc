import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, launchAs } from '../support/api-client';
import { colleaguesOf, daysFromNow } from '../support/colleagues';
import { approvedStrategy } from '../support/menu';
import { rowCounts } from '../support/row-counts';
import { startTestServer, type TestServer } from '../support/test-server';
import { visitHappened } from '../support/visit-happened';

/**
 * Hostile input on both databases: PostgreSQL refuses a NUL that SQLite stores, so without one rule the same request
 * was a 500 on one and a saved row on the other. Every case here must be a 4xx that names what was wrong, and store
 * nothing.
 */
let server: TestServer;
let ana: ApiClient; // teacher, host
let ben: ApiClient; // teacher, visitor
let dana: ApiClient; // coach

interface WriteCase {
  who: () => ApiClient;
  method: 'POST' | 'PUT' | 'PATCH';
  path: () => string;
  body: () => Record<string, unknown>;
}
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

beforeAll(async () => {
  server = await startTestServer();
  ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  dana = await launchAs(server, 'sandbox-dana-kim');

  const strategyId = await approvedStrategy(ana, dana, { title: 'Number talks' });
  const otherId = await approvedStrategy(ana, dana, { title: 'Exit tickets' });
  const door = await ana.post('/api/doors', {
    strategyId,
    date: daysFromNow(10),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room 1',
  });
  const doorId = door.body.items[0].id as string;
  const visitId = (await ben.post('/api/visits', { doorId })).body.id as string;
  await visitHappened(server, doorId);
  const evidence = 'Students turned to a partner and each explained one step.';
  const noteId = (await ben.post('/api/notes', { visitId, prompt: 'students', text: evidence })).body
    .id as string;
  const staff = await colleaguesOf(server, dana, 8);
  const staffIds = await Promise.all(
    staff.map(async (c) => (await c.get('/api/me')).body.person.id as string),
  );
  const roundBody = {
    title: 'Spring round',
    focus: { kind: 'problem', value: 'Student talk' },
    date: daysFromNow(12),
    start: '09:00',
    timeZone: 'UTC',
    participantIds: staffIds,
    hostIds: staffIds.slice(0, 2),
    locations: { [staffIds[0] as string]: 'Room 2' },
    lookFor: 'Who talks?',
  };
  const round = await dana.post('/api/rounds', roundBody);
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  const roundId = round.body.id as string;
  // The debrief opens once a round is published.
  const published = await dana.post('/api/rounds', {
    ...roundBody,
    title: 'Published round',
    date: daysFromNow(13),
  });
  const debriefId = published.body.id as string;
  expect((await dana.post(`/api/rounds/${debriefId}/publish`)).status).toBe(200);

  cases = {
    'POST /api/strategies': {
      who: () => ana,
      method: 'POST',
      path: () => '/api/strategies',
      body: () => ({
        title: 'Cold call with wait time',
        purpose: 'Everyone thinks before anyone answers.',
        steps: ['Ask', 'Wait five seconds', 'Call on a name stick'],
        minutes: 5,
        subject: 'Any',
        gradeBand: 'Any',
        tags: ['questioning'],
        sourceUrl: 'https://example.org/wait-time',
        sourceTitle: 'Wait time',
        excerptHtml: '<p>Wait.</p>',
      }),
    },
    'PATCH /api/strategies/:id': {
      who: () => dana,
      method: 'PATCH',
      path: () => `/api/strategies/${strategyId}`,
      body: () => ({
        title: 'Number talks',
        purpose: 'Mental maths out loud.',
        steps: ['Show a problem'],
        subject: 'Maths',
        gradeBand: '3-5',
        tags: ['maths'],
        sourceUrl: 'https://example.org/number-talks',
        sourceTitle: 'Number talks',
        excerptHtml: '<p>Talk.</p>',
      }),
    },
    'POST /api/strategies/:id/curation': {
      who: () => dana,
      method: 'POST',
      path: () => `/api/strategies/${strategyId}/curation`,
      body: () => ({ action: 'request-changes', message: 'Add a step' }),
    },
    'POST /api/strategies/:id/merge': {
      who: () => dana,
      method: 'POST',
      path: () => `/api/strategies/${strategyId}/merge`,
      body: () => ({ intoId: otherId }),
    },
    'PUT /api/strategies/:id/try': {
      who: () => ben,
      method: 'PUT',
      path: () => `/api/strategies/${strategyId}/try`,
      body: () => ({ state: 'tried', reflection: 'It worked with my sixth graders.' }),
    },
    'POST /api/doors': {
      who: () => ana,
      method: 'POST',
      path: () => '/api/doors',
      body: () => ({
        strategyId,
        date: daysFromNow(14),
        start: '10:00',
        timeZone: 'UTC',
        location: 'Room 1',
        visitorNote: 'Sit at the back',
        lookFor: 'Who speaks first?',
      }),
    },
    'POST /api/visits': {
      who: () => ben,
      method: 'POST',
      path: () => '/api/visits',
      body: () => ({ doorId }),
    },
    'POST /api/notes': {
      who: () => ben,
      method: 'POST',
      path: () => '/api/notes',
      body: () => ({ visitId, prompt: 'teacher', text: evidence }),
    },
    'PATCH /api/notes/:id': {
      who: () => ben,
      method: 'PATCH',
      path: () => `/api/notes/${noteId}`,
      body: () => ({ text: evidence }),
    },
    'PUT /api/notes/retention': {
      who: () => dana,
      method: 'PUT',
      path: () => '/api/notes/retention',
      body: () => ({ expiresOn: daysFromNow(200) }),
    },
    'POST /api/visits/:id/thanks': {
      who: () => ana,
      method: 'POST',
      path: () => `/api/visits/${visitId}/thanks`,
      body: () => ({ message: 'Thank you for coming' }),
    },
    'POST /api/rounds': { who: () => dana, method: 'POST', path: () => '/api/rounds', body: () => roundBody },
    'PUT /api/rounds/:id/groups': {
      who: () => dana,
      method: 'PUT',
      path: () => `/api/rounds/${roundId}/groups`,
      body: () => ({ groups: [staffIds.slice(0, 4), staffIds.slice(4)] }),
    },
    'PUT /api/rounds/:id/debrief': {
      who: () => dana,
      method: 'PUT',
      path: () => `/api/rounds/${debriefId}/debrief`,
      body: () => ({ phase: 'analysis', prediction: 'Students could explain', nextLevel: 'More talk' }),
    },
    'POST /api/rounds/:id/debrief/cards': {
      who: () => dana,
      method: 'POST',
      path: () => `/api/rounds/${debriefId}/debrief/cards`,
      body: () => ({ noteId }),
    },
    'PUT /api/rounds/:id/debrief/cards/:cardId': {
      who: () => dana,
      method: 'PUT',
      path: () => `/api/rounds/${debriefId}/debrief/cards/card-1`,
      body: () => ({ patternId: 'pattern-1' }),
    },
    'POST /api/rounds/:id/debrief/patterns': {
      who: () => dana,
      method: 'POST',
      path: () => `/api/rounds/${debriefId}/debrief/patterns`,
      body: () => ({ name: 'Partner talk' }),
    },
    'POST /api/pairings': {
      who: () => ben,
      method: 'POST',
      path: () => '/api/pairings',
      body: () => ({ label: 'Chrome on my laptop' }),
    },
    'POST /api/pairings/claim': {
      who: () => ben,
      method: 'POST',
      path: () => '/api/pairings/claim',
      body: () => ({ pairingId: 'p-1', claimSecret: 'secret' }),
    },
    'POST /api/pairings/confirm': {
      who: () => ben,
      method: 'POST',
      path: () => '/api/pairings/confirm',
      body: () => ({ code: 'ABCD-2345' }),
    },
    'POST /api/deep-links/:id': {
      who: () => dana,
      method: 'POST',
      path: () => '/api/deep-links/request-1',
      body: () => ({ strategyId, as: 'link' }),
    },
    'PUT /api/settings': {
      who: () => dana,
      method: 'PUT',
      path: () => '/api/settings',
      body: () => ({ networkScope: 'course', coachRoles: ['membership#Administrator'] }),
    },
  };
}, 120_000);
afterAll(async () => {
  await server?.close();
});

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
