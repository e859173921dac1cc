import type { Router } from 'express';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRouter } from '../../lti-server/src/http/api-routes';
import type { ApiClient } from '../support/server/api-client';
import { colleaguesOf } from '../support/server/colleagues';
import { rowCounts } from '../support/server/row-counts';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { type WriteFixture, writeFixture } from '../support/server/write-cases';

/**
 * Property: whatever a client sends to a write route of the API (any string in any field, any JSON shape, any path
 * parameter), the answer is never a 5xx, and a 4xx leaves every table as it was. The routes are read from the API
 * router itself, so a new route is fuzzed without touching this file.
 */
const RUNS_PER_ROUTE = 30;
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** Every field name the API's request bodies use: a generated body mixes them with hostile values. */
const FIELDS = [
  ...['title', 'purpose', 'steps', 'minutes', 'subject', 'gradeBand', 'tags', 'sourceUrl', 'sourceTitle'],
  ...[
    'excerptHtml',
    'clientId',
    'action',
    'message',
    'intoId',
    'state',
    'reflection',
    'shareWithContributor',
  ],
  ...[
    'strategyId',
    'date',
    'start',
    'timeZone',
    'location',
    'capacity',
    'visitorNote',
    'lookFor',
    'repeatWeeks',
  ],
  ...[
    'doorId',
    'visitId',
    'prompt',
    'text',
    'confirmFlags',
    'useful',
    'expiresOn',
    'focus',
    'participantIds',
  ],
  ...['hostIds', 'locations', 'groups', 'slotMinutes', 'gapMinutes', 'noteId', 'patternId', 'name', 'phase'],
  ...[
    'prediction',
    'nextLevel',
    'label',
    'code',
    'pairingId',
    'claimSecret',
    'as',
    'networkScope',
    'coachRoles',
  ],
  ...['subjects', 'grades', 'reason', 'confirmTradeoffs', 'schoolName'],
];

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  regexp?: RegExp;
}

/** Every `METHOD /api/path` the API router answers, read from Express's own routing table. */
function routesOf(router: Router, prefix = '/api'): Array<{ method: string; path: string }> {
  const out: Array<{ method: string; path: string }> = [];
  for (const layer of (router as unknown as { stack: Layer[] }).stack) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods))
        out.push({ method, path: prefix + layer.route.path });
    } else if (layer.handle.stack) {
      const mount = /^\/\^\\\/([^\\?]+)/.exec(String(layer.regexp))?.[1] ?? '';
      out.push(...routesOf(layer.handle as unknown as Router, mount ? `${prefix}/${mount}` : prefix));
    }
  }
  return out;
}

const hostileString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u0085', '\uD800', '\uDC00', '\r', '\n', '\t', 'a', 'é', '👍'),
  }),
  fc.constantFrom(
    'nul\u0000byte',
    '\uD800',
    '%00',
    '%E0%A4%A',
    "' or 1=1 --",
    '<script>',
    'x'.repeat(5000),
    '',
  ),
);
const hostileJson = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });

const plausibleString = fc.string({ unit: 'grapheme', maxLength: 40 });

/** A path segment: mostly the real one, else any string (encoded as a browser would) or a raw escape that decodes badly. */
function segment(realId: string | undefined) {
  const encoded = hostileString.map((s) => {
    try {
      return encodeURIComponent(s) || 'empty';
    } catch {
      return '%ED%A0%80'; // an unpaired surrogate cannot be encoded; send its raw UTF-8 bytes instead
    }
  });
  const raw = fc.constantFrom('%00', 'abc%00def', '%E0%A4%A', '%C0%AF', '%', '%0A', '%FF');
  if (!realId) return fc.oneof(encoded, raw);
  return fc.oneof({ arbitrary: fc.constant(realId), weight: 4 }, { arbitrary: encoded, weight: 2 }, raw);
}

/**
 * A body: the valid request as it is, with one field spoiled or left out (these get past validation, where a write
 * that fails half-way would show), any JSON, or known fields holding anything.
 */
function body(base: Record<string, unknown> | undefined) {
  const value = fc.oneof(
    plausibleString,
    hostileString,
    hostileJson,
    fc.array(hostileString, { maxLength: 3 }),
  );
  const anyShape = fc.oneof(hostileJson, fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }));
  if (!base) return anyShape;
  const keys = Object.keys(base);
  return fc.oneof(
    { arbitrary: fc.constant(base), weight: 2 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...keys), value)
        .map(([key, spoiled]) => ({ ...base, [key]: spoiled })),
      weight: 3,
    },
    fc
      .constantFrom(...keys)
      .map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))),
    { arbitrary: anyShape as fc.Arbitrary<unknown>, weight: 2 },
  );
}

let server: TestServer;
let fixture: WriteFixture;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  fixture = await writeFixture(server);
}, 120_000);
describe('any input to any write route', () => {
  it('when arbitrary strings, JSON shapes and path parameters hit a write route, then it never answers 5xx and a 4xx stores nothing', async () => {
    const routes = routesOf(apiRouter(server.database, server.lti, server.config.publicUrl)).filter((r) =>
      WRITE_METHODS.includes(r.method),
    );
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const failures: string[] = [];
    const statuses: Record<string, number> = {};

    for (const { method, path } of routes) {
      const name = `${method.toUpperCase()} ${path}`;
      const base = fixture.cases[name];
      const params = path.split('/').filter((p) => p.startsWith(':'));
      // Real ids get requests past the lookups: the valid request's own, else the fixture's for `/api/<resource>/:id`.
      const basePath = base?.path().split('/');
      const resource = path.split('/')[2] as keyof WriteFixture['ids'];
      const realIds = path
        .split('/')
        .flatMap((part, i) =>
          part.startsWith(':') ? [basePath?.[i] ?? (part === ':id' ? fixture.ids[resource] : undefined)] : [],
        );
      const request = fc.record({
        segments: fc.tuple(...realIds.map(segment)),
        body: body(base?.body()),
        who: fc.oneof({ arbitrary: fc.constant('case'), weight: 4 }, fc.constantFrom('coach', 'teacher')),
      });
      try {
        await fc.assert(
          fc.asyncProperty(request, async ({ segments, body, who }) => {
            let url = path;
            params.forEach((p, i) => {
              url = url.replace(p, segments[i] as string);
            });
            // Ending a session is a write too: give it a session of its own, not the one the other runs use.
            const client: ApiClient =
              name === 'DELETE /api/session'
                ? ((await colleaguesOf(server, fixture.dana, 1))[0] as ApiClient)
                : who === 'coach' || !base
                  ? fixture.dana
                  : who === 'teacher'
                    ? fixture.ben
                    : base.who();
            const before = await rowCounts(server.database);
            const res = await fetch(`${server.url}${url}`, {
              method: method.toUpperCase(),
              headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
              body: method === 'delete' ? undefined : JSON.stringify(body),
            });
            const text = await res.text();
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            expect(res.status, `${method.toUpperCase()} ${url}: ${text}`).toBeLessThan(500);
            if (res.status >= 400)
              expect(await rowCounts(server.database), `${url} stored rows`).toEqual(before);
          }),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
      } catch (error) {
        // fast-check's report (seed, counterexample) and, as its cause, what the request answered.
        const report = (error as Error).message.split('\n').slice(0, 3).join('\n');
        failures.push(`${name}: ${report}\n${((error as Error).cause as Error | undefined)?.message ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
    // The runs reached past validation too, not only into 400s.
    expect(Object.keys(statuses).some((s) => s.startsWith('2'))).toBe(true);
  }, 180_000);
});
