import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { listDoors } from '../../lti-server/src/db/repositories/doors';
import { insertNote } from '../../lti-server/src/db/repositories/notes';
import { pictureGroupCount, pictureGroupsOver } from '../../lti-server/src/db/repositories/picture';
import { listStrategyCards } from '../../lti-server/src/db/repositories/strategies';
import { visitPage } from '../../lti-server/src/db/repositories/visits';
import type { Database } from '../../lti-server/src/db/schema';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { addNoteToPicture, lockPicture, rebuildPicture } from '../../lti-server/src/domain/picture';
import { hashToken } from '../../lti-server/src/domain/sessions';
import { myVisitPage } from '../../lti-server/src/domain/visits';
import { presentVisit } from '../../lti-server/src/http/presenters';
import { DEFAULT_POOL } from '../../shared/config';
import { DEFAULT_DOOR_PAGE, DEFAULT_VISIT_PAGE, VisitQuerySchema } from '../../shared/visits';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { analyzeOwnTables } from '../support/server/query-plans';
import { createTestDatabase, type TestDbKind } from '../support/server/test-database';
import { startTestServer, type TestServer, testServerConfig } from '../support/server/test-server';
import { BENCH_WEEK, DAY, districtRows, NOTE_TEXTS, SUBJECTS } from './district';
import { type Answer, drive, type Send, sendOnce } from './drive';
import { type ServerProcess, startServerProcess } from './processes';
import { type Figure, percentile, timeMs } from './report';
import { formatWalState, walState } from './wal-state';

/**
 * The API under load at three menu sizes (issue #20): seeds a district in proportion to the menu (per 100,000
 * strategies: 2,000 teachers, 20,000 doors with a visit each, 50,000 notes) through an in-process server that is
 * closed before the load, then starts the real server on 127.0.0.1 in child processes of its own (two instances on
 * one PostgreSQL database, one on SQLite), and drives the main read routes and one write route at 1, 10 and 50
 * concurrent clients for a bounded number of requests (each cell's connections opened before its clock starts:
 * tests/bench/drive.ts). Beside each route: a bare Express "hello" route, also a child
 * process, driven the same way in the same run, and the route's main query called straight on the database from the
 * bench process. Each server process's RSS and the bench client's own are read after each of three repeats (a leak
 * check). Ends with the growth ratio largest/smallest size per route and an SVG chart.
 */

export interface ApiBenchOptions {
  sizes: number[];
  concurrency: number[];
  /** Requests per route and concurrency. */
  requests: number;
  /** Untimed requests per route and concurrency before its clock starts (tests/bench/drive.ts). */
  warmup: number;
  /** Calls of each route's query straight on the database. */
  rawCalls: number;
  repeats: number;
  /** Print every cell of every repeat to stderr (on SQLite with the state of the write-ahead log). */
  trace: boolean;
  /** Connections of each PostgreSQL server's main pool; the server's default (DEFAULT_POOL) when absent. */
  poolSize?: number;
  /** The routes to time besides the bare hello route (every route when absent). */
  routes?: readonly string[];
  /** Keep each size's seeded database after the run and print where it is (to read plans with EXPLAIN ANALYZE). */
  keepDatabase?: boolean;
}

type Route =
  | 'hello'
  | 'menu'
  | 'menu_subject'
  | 'search'
  | 'picture'
  | 'doors_week'
  | 'my_visits'
  | 'write_note';
const ROUTES: Route[] = [
  'hello',
  'menu',
  'menu_subject',
  'search',
  'picture',
  'doors_week',
  'my_visits',
  'write_note',
];

/** The routes a run times: the bare hello route always, the others as `BENCH_ROUTES` chooses (every one by default). */
export function chosenRoutes(names?: readonly string[]): Route[] {
  if (!names || names.length === 0) return ROUTES;
  const unknown = names.filter((n) => !ROUTES.includes(n as Route));
  if (unknown.length > 0)
    throw new Error(`unknown bench route ${unknown.join(', ')}; the routes are ${ROUTES.join(', ')}`);
  return ROUTES.filter((r) => r === 'hello' || names.includes(r));
}

/** One measured cell: a route at a size and a concurrency, on one database. */
export interface ApiSample {
  kind: TestDbKind;
  size: number;
  route: Route;
  concurrency: number;
  p50: number;
  p95: number;
  perSecond: number;
  errors: number;
  requests: number;
  /** Connections the load client opened during the timed requests (each cell's are opened before; see drive.ts). */
  connectionsOpened: number;
  /** The servers' CPU time per timed request in ms (drive.ts), where the platform tells it. */
  cpuMsPerRequest?: number;
}

async function insertChunked<T extends keyof Database>(
  db: TestServer['database']['db'],
  table: T,
  rows: Array<Database[T]>,
  columns: number,
) {
  // SQLite binds at most 32,766 values a statement, PostgreSQL 65,535.
  const per = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += per)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + per) as never)
      .execute();
}

interface District {
  tenantId: string;
  networkId: string;
  teacherId: string;
  coachId: string;
  /** Past visits of the launched teacher, to write notes on. */
  pastVisits: string[];
  seedSeconds: number;
}

/** Bulk-inserts the district in one transaction, around the teacher and coach who launched (their network). */
async function seedDistrict(server: TestServer, teacher: ApiClient, coach: ApiClient, size: number) {
  const started = performance.now();
  const db = server.database.db;
  const session = async (client: ApiClient) =>
    db
      .selectFrom('sessions')
      .select(['tenant_id', 'network_id', 'person_id'])
      .where('token_hash', '=', hashToken(client.token))
      .executeTakeFirstOrThrow();
  const t = await session(teacher);
  const c = await session(coach);
  const now = Date.now();
  const tenant = t.tenant_id;
  const network = t.network_id;
  const { people, strategies, tags, credits, doors, visits, notes, past } = districtRows(
    size,
    { tenant, network, teacherId: t.person_id },
    now,
  );

  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, 'people', people, 9);
    await insertChunked(trx, 'strategies', strategies, 24);
    await insertChunked(trx, 'strategy_tags', tags, 3);
    await insertChunked(trx, 'strategy_credits', credits, 3);
    await insertChunked(trx, 'doors', doors, 20);
    await insertChunked(trx, 'visits', visits, 13);
    await insertChunked(trx, 'notes', notes, 13);
  });
  // The notes were inserted around the domain: count them into the picture's aggregates as the writes would have.
  await rebuildPicture(new TenantScope(db, tenant, server.database.kind), network, new Date(now));
  // Not a bare ANALYZE: on PostgreSQL it reads every schema of the database (other runs' too, under load past the
  // server's statement timeout).
  await analyzeOwnTables(server.database);
  return {
    tenantId: tenant,
    networkId: network,
    teacherId: t.person_id,
    coachId: c.person_id,
    pastVisits: past.filter((p) => p.visitor === t.person_id).map((p) => p.visit),
    seedSeconds: (performance.now() - started) / 1000,
  } satisfies District;
}

const mb = () => process.memoryUsage().rss / 1024 / 1024;

/** The CPU time the processes have used so far, in ms; undefined where it cannot be read (not Linux). */
function cpuOf(processes: ServerProcess[]): number | undefined {
  let sum = 0;
  for (const p of processes) {
    const ms = p.cpuMs();
    if (ms === undefined) return undefined;
    sum += ms;
  }
  return sum;
}

/** A cell's server CPU time per request, beside the hello app's at the same client level. */
function cpuFigure(base: string, ms: number | undefined, hello: number | undefined): Figure[] {
  if (ms === undefined) return [];
  return [
    {
      name: `${base}.server_cpu_ms_per_request`,
      value: ms,
      unit: 'ms of CPU',
      digits: 3,
      ...(hello === undefined ? {} : { baseline: { label: 'bare Express hello', value: hello } }),
    },
  ];
}

async function runSize(kind: TestDbKind, size: number, o: ApiBenchOptions) {
  const routes = chosenRoutes(o.routes);
  const database = await createTestDatabase(kind);
  const target = database.target;
  const config = testServerConfig(database, {
    logLevel: 'silent',
    ...(target.kind === 'postgres' && o.poolSize
      ? { database: { ...target, pool: { ...DEFAULT_POOL, max: o.poolSize } } }
      : {}),
  });
  let seeder: TestServer | undefined;
  let direct: DatabaseHandle | undefined;
  let hello: ServerProcess | undefined;
  const servers: ServerProcess[] = [];
  const figures: Figure[] = [];
  const samples: ApiSample[] = [];
  const label = `api.${kind}${kind === 'postgres' ? '.two_instances' : ''}.${size}`;
  try {
    // Launch and seed through a server in this process, closed before the measured ones start: the sessions and the
    // rows are in the database, which the server processes then share.
    seeder = await startTestServer({ database, config });
    const teacher = await launchAs(seeder, 'sandbox-ana-rivera');
    const coach = await launchAs(seeder, 'sandbox-dana-kim');
    const district = await seedDistrict(seeder, teacher, coach, size);
    figures.push({ name: `${label}.seeded`, value: district.seedSeconds, unit: 's' });
    await seeder.close();
    seeder = undefined;
    hello = await startServerProcess({ kind: 'hello' });
    for (const _ of kind === 'postgres' ? [1, 2] : [1])
      servers.push(await startServerProcess({ kind: 'server', config }));
    // The raw queries and the use case run in this process, on a database handle of its own.
    direct = openDatabase(database.target);
    const scope = new TenantScope(direct.db, district.tenantId, kind);
    const weekFrom = new Date(Date.now() + BENCH_WEEK.from).toISOString();
    const weekTo = new Date(Date.now() + BENCH_WEEK.to).toISOString();
    const searchWords = ['think', 'exit tic', 'jigsaw', 'retrieval pract', 'rubric', 'gallery'];
    const nowIso = () => new Date().toISOString();
    const writable = await scope
      .selectFrom('visits')
      .innerJoin('doors', 'doors.id', 'visits.door_id')
      .select(['visits.id as visit', 'doors.id as door', 'doors.host_id as host'])
      .where('visits.id', '=', district.pastVisits[0] ?? '')
      .executeTakeFirstOrThrow();

    const paths: Record<Exclude<Route, 'hello' | 'write_note'>, (i: number) => string> = {
      // Pages of cards, as the app's menu asks for them (since 2026-12-07 21:40 UTC; whole strategies before).
      menu: () => '/api/strategies?view=card',
      menu_subject: (i) => `/api/strategies?view=card&subject=${SUBJECTS[i % SUBJECTS.length]}`,
      search: (i) =>
        `/api/strategies?view=card&q=${encodeURIComponent(searchWords[i % searchWords.length]!)}`,
      picture: (i) => `/api/picture?by=${i % 2 ? 'strategy' : 'tag'}`,
      doors_week: () => `/api/doors?from=${encodeURIComponent(weekFrom)}&to=${encodeURIComponent(weekTo)}`,
      my_visits: () => '/api/visits',
    };
    const raw: Record<Exclude<Route, 'hello'>, (i: number) => Promise<unknown>> = {
      menu: () =>
        listStrategyCards(scope, {
          networkId: district.networkId,
          statuses: ['approved', 'featured'],
          excludeMerged: true,
          limit: 21,
        }),
      menu_subject: (i) =>
        listStrategyCards(scope, {
          networkId: district.networkId,
          statuses: ['approved', 'featured'],
          subject: SUBJECTS[i % SUBJECTS.length]!.toLowerCase(),
          excludeMerged: true,
          limit: 21,
        }),
      search: (i) =>
        listStrategyCards(scope, {
          networkId: district.networkId,
          statuses: ['approved', 'featured'],
          q: searchWords[i % searchWords.length]!,
          excludeMerged: true,
          limit: 21,
        }),
      picture: (i) => {
        const kinds: Array<'school' | 'strategy' | 'tag'> = ['school', i % 2 ? 'strategy' : 'tag'];
        return Promise.all([
          pictureGroupsOver(scope, district.networkId, kinds, 3, 3),
          pictureGroupCount(scope, district.networkId, kinds),
        ]);
      },
      doors_week: () =>
        listDoors(scope, {
          networkId: district.networkId,
          from: weekFrom,
          to: weekTo,
          viewerId: district.teacherId,
          // The first page, as GET /api/doors reads it (its default page and one more row to know there is a next).
          limit: DEFAULT_DOOR_PAGE + 1,
        }),
      // The first page, as GET /api/visits reads it: the upcoming visits, then as many past ones as the page has room
      // for (its default page and one more row to know there is a next).
      my_visits: async () => {
        const at = new Date().toISOString();
        const limit = DEFAULT_VISIT_PAGE + 1;
        const upcoming = await visitPage(scope, district.teacherId, { part: 'upcoming', at, limit });
        if (upcoming.length >= limit) return upcoming;
        return [
          ...upcoming,
          ...(await visitPage(scope, district.teacherId, {
            part: 'past',
            at,
            limit: limit - upcoming.length,
          })),
        ];
      },
      write_note: (i) =>
        scope.transaction(async (trx) => {
          await lockPicture(trx, district.networkId);
          await insertNote(trx, {
            id: randomUUID(),
            networkId: district.networkId,
            visitId: writable.visit,
            doorId: writable.door,
            hostId: writable.host,
            writerId: district.teacherId,
            prompt: 'students',
            text: NOTE_TEXTS[i % NOTE_TEXTS.length]!,
            useful: false,
            createdAt: nowIso(),
            updatedAt: nowIso(),
            expiresAt: new Date(Date.now() + 300 * DAY).toISOString(),
          });
          await addNoteToPicture(trx, writable.visit, NOTE_TEXTS[i % NOTE_TEXTS.length]!, new Date());
        }),
    };
    // The menu's query as it was before migration 0020 (featured first by a case expression): measured beside the
    // route's query in the same run, so the before/after figure needs no second checkout.
    const legacyMenu = () =>
      scope
        .selectFrom('strategies')
        .selectAll()
        .where('network_id', '=', district.networkId)
        .where('status', 'in', ['approved', 'featured'])
        .where('merged_into_id', 'is', null)
        .orderBy(sql`case when status = 'featured' then 0 else 1 end`)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(21)
        .execute();

    const teacherFor = (client: number) => servers[client % servers.length]!;
    const request = (send: Send, route: Route, i: number, client: number): Promise<Answer> => {
      if (route === 'hello') return send(`${hello!.url}/hello`);
      const server = teacherFor(client);
      const token = route === 'picture' ? coach.token : teacher.token;
      if (route === 'write_note')
        return send(`${server.url}/api/notes`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            visitId: district.pastVisits[i % district.pastVisits.length],
            prompt: 'students',
            text: NOTE_TEXTS[i % NOTE_TEXTS.length],
          }),
        });
      return send(`${server.url}${paths[route](i)}`, { headers: { authorization: `Bearer ${token}` } });
    };

    // Every repeat's cells; each cell's figures are then those of its median repeat (medianRepeats).
    const repeated: ApiSample[] = [];
    for (let repeat = 1; repeat <= o.repeats; repeat++) {
      for (const route of routes) {
        for (const concurrency of o.concurrency) {
          const r = await drive(
            o.requests,
            concurrency,
            (send, i, client) => request(send, route, i, client),
            (send, client) =>
              send(route === 'hello' ? `${hello!.url}/hello` : `${teacherFor(client).url}/healthz`),
            o.warmup,
            () => cpuOf(route === 'hello' ? [hello!] : servers),
          );
          if (o.trace)
            console.error(
              `${label} repeat ${repeat} ${route} c${concurrency}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ` +
                `${r.connectionsOpened} connections opened` +
                (database.target.kind === 'sqlite'
                  ? `; ${formatWalState(walState(database.target.file))}`
                  : ''),
            );
          repeated.push({ kind, size, route, concurrency, ...r, requests: o.requests });
        }
      }
      // Each server process's resident memory (the goal: under 400 MB and not growing), and apart from them the bench
      // process's own (the load client, the seeded rows it built and the raw-query handle).
      for (const [i, server] of servers.entries())
        figures.push({
          name: `${label}.instance_${i + 1}.rss_after_repeat_${repeat}`,
          value: await server.rssMb(),
          unit: 'MB (server process)',
        });
      figures.push(
        {
          name: `${label}.hello.rss_after_repeat_${repeat}`,
          value: await hello.rssMb(),
          unit: 'MB (bare Express process)',
        },
        {
          name: `${label}.bench_client.rss_after_repeat_${repeat}`,
          value: mb(),
          unit: 'MB (bench process: load client and raw queries)',
        },
      );
    }
    samples.push(...medianRepeats(repeated));
    const helloAt = (c: number) => samples.find((s) => s.route === 'hello' && s.concurrency === c)!;
    for (const s of samples) {
      if (s.route === 'hello') continue;
      const base = `${label}.${s.route}.c${s.concurrency}`;
      figures.push(
        { name: `${base}.p50_ms`, value: s.p50, unit: 'ms' },
        {
          name: `${base}.p95_ms`,
          value: s.p95,
          unit: 'ms',
          baseline: { label: 'bare Express hello', value: helloAt(s.concurrency).p95 },
        },
        { name: `${base}.throughput`, value: s.perSecond, unit: `req/s (${s.requests} requests)` },
        { name: `${base}.errors`, value: s.errors, unit: 'failed requests (must be 0)' },
        ...cpuFigure(base, s.cpuMsPerRequest, helloAt(s.concurrency).cpuMsPerRequest),
        {
          name: `${base}.connections_opened`,
          value: s.connectionsOpened,
          unit: 'connections opened while timed (each client opens its own before the clock starts)',
        },
      );
    }
    for (const route of routes) {
      if (route === 'hello') continue;
      const ms: number[] = [];
      for (let i = 0; i < o.rawCalls; i++) ms.push(await timeMs(() => raw[route](i)));
      figures.push({ name: `${label}.${route}.raw_query_p50_ms`, value: percentile(ms, 50), unit: 'ms' });
      figures.push({ name: `${label}.${route}.raw_query_p95_ms`, value: percentile(ms, 95), unit: 'ms' });
    }
    // What each read answers at this size (its first request): the items of a page and the body's size. A page that
    // holds more items at 100k than at 1k costs more to build and send however flat its query is.
    for (const route of routes) {
      if (route === 'hello' || route === 'write_note') continue;
      const answer = await request(sendOnce, route, 0, 0);
      const body = answer.text();
      const items = (JSON.parse(body) as { items?: unknown[] }).items;
      if (Array.isArray(items))
        figures.push({ name: `${label}.${route}.response_items`, value: items.length, unit: 'items' });
      figures.push({ name: `${label}.${route}.response_kb`, value: body.length / 1024, unit: 'KB' });
      figures.push({
        name: `${label}.${route}.response_wire_kb`,
        value: answer.wire.length / 1024,
        unit: 'KB',
      });
    }
    // My visits in parts, without HTTP: the use case (its page queries and the doors of the page), then presenting the
    // page and writing its JSON.
    const actor = {
      scope,
      personId: district.teacherId,
      networkId: district.networkId,
      role: 'teacher' as const,
    };
    const visitQuery = VisitQuerySchema.parse({});
    const useCase: number[] = [];
    const present: number[] = [];
    for (let i = 0; i < o.rawCalls; i++) {
      let page: Awaited<ReturnType<typeof myVisitPage>> | undefined;
      useCase.push(
        await timeMs(async () => {
          page = await myVisitPage(actor, visitQuery, new Date());
        }),
      );
      present.push(
        await timeMs(async () => {
          JSON.stringify({
            items: page!.views.map((v) => presentVisit(v, 'Someone who left')),
            nextCursor: page!.nextCursor,
          });
        }),
      );
    }
    figures.push(
      { name: `${label}.my_visits.use_case_p50_ms`, value: percentile(useCase, 50), unit: 'ms' },
      {
        name: `${label}.my_visits.use_case_p95_ms`,
        value: percentile(useCase, 95),
        unit: 'ms (page and its doors)',
      },
      { name: `${label}.my_visits.present_json_p95_ms`, value: percentile(present, 95), unit: 'ms' },
    );
    const legacy: number[] = [];
    for (let i = 0; i < o.rawCalls; i++) legacy.push(await timeMs(legacyMenu));
    figures.push({
      name: `${label}.menu.raw_query_before_0020_p95_ms`,
      value: percentile(legacy, 95),
      unit: 'ms (featured first by a case expression, as before migration 0020)',
    });
  } finally {
    // Every child is closed (killed if it does not close) before the database goes, also when the run threw.
    await Promise.all([...servers, ...(hello ? [hello] : [])].map((p) => p.close()));
    await seeder?.close();
    await direct?.close();
    if (o.keepDatabase) console.error(`kept the ${size} database: ${database.url}`);
    else await database.drop();
  }
  return { figures, samples };
}

/** Runs every size on one database, then the growth ratio largest/smallest per route and concurrency. */
export async function apiFigures(kind: TestDbKind, o: ApiBenchOptions, all: ApiSample[]): Promise<Figure[]> {
  const figures: Figure[] = [];
  const samples: ApiSample[] = [];
  for (const size of o.sizes) {
    const run = await runSize(kind, size, o);
    figures.push(...run.figures);
    samples.push(...run.samples);
  }
  all.push(...samples);
  const small = Math.min(...o.sizes);
  const large = Math.max(...o.sizes);
  if (large > small)
    for (const route of chosenRoutes(o.routes))
      for (const concurrency of o.concurrency) {
        const at = (size: number) =>
          samples.find((s) => s.route === route && s.concurrency === concurrency && s.size === size)!;
        figures.push({
          name: `api.${kind}.${route}.c${concurrency}.growth_p95_${large}_over_${small}`,
          value: at(large).p95 / at(small).p95,
          unit: 'x (goal for reads: at most 2)',
        });
      }
  return figures;
}

const COLORS: Record<Route, string> = {
  hello: '#999999',
  menu: '#1f77b4',
  menu_subject: '#17becf',
  search: '#2ca02c',
  picture: '#d62728',
  doors_week: '#ff7f0e',
  my_visits: '#9467bd',
  write_note: '#8c564b',
};

/** A hand-made SVG: p95 against menu size per route, one panel per database and concurrency (log-log). */
/**
 * Each cell (route and client level) as measured in its median repeat by p95, the higher of the middle two for an even
 * number. Figures from the last repeat alone let one slow cell decide a growth ratio: in two default runs of
 * 2026-12-08 a read's 100k/1k growth was 2.09× and 2.20× in one cell each, while the same cell of the other run grew
 * 0.56× and 1.58× and the bare hello route 2.7× to 4.5× in the same cells.
 */
export function medianRepeats(samples: ApiSample[]): ApiSample[] {
  const cells = new Map<string, ApiSample[]>();
  for (const s of samples) {
    const key = `${s.kind}\n${s.size}\n${s.route}\n${s.concurrency}`;
    cells.set(key, [...(cells.get(key) ?? []), s]);
  }
  return [...cells.values()].map((cell) => {
    const sorted = [...cell].sort((a, b) => a.p95 - b.p95);
    return sorted[Math.floor(sorted.length / 2)]!;
  });
}

export function apiChart(samples: ApiSample[]): string {
  const kinds = [...new Set(samples.map((s) => s.kind))];
  const levels = [...new Set(samples.map((s) => s.concurrency))].sort((a, b) => a - b);
  const sizes = [...new Set(samples.map((s) => s.size))].sort((a, b) => a - b);
  const w = 300;
  const h = 220;
  const pad = { left: 50, right: 10, top: 30, bottom: 35 };
  const legend = 130;
  const width = levels.length * w + legend;
  const height = kinds.length * h;
  const lo = Math.max(0.1, Math.min(...samples.map((s) => s.p95)));
  const hi = Math.max(...samples.map((s) => s.p95));
  const yMin = 10 ** Math.floor(Math.log10(lo));
  const yMax = 10 ** Math.ceil(Math.log10(hi));
  const xMin = Math.log10(sizes[0]!);
  const xMax = Math.log10(sizes[sizes.length - 1]!);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="10">`,
    `<title>API p95 latency by menu size, per route, database and number of clients (npm run bench -- api)</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
  kinds.forEach((kind, row) => {
    levels.forEach((level, col) => {
      const ox = col * w;
      const oy = row * h;
      const pw = w - pad.left - pad.right;
      const ph = h - pad.top - pad.bottom;
      const x = (size: number) =>
        ox + pad.left + (xMax === xMin ? pw / 2 : ((Math.log10(size) - xMin) / (xMax - xMin)) * pw);
      const y = (ms: number) =>
        oy +
        pad.top +
        ph -
        ((Math.log10(Math.max(ms, yMin)) - Math.log10(yMin)) / Math.log10(yMax / yMin)) * ph;
      out.push(
        `<text x="${ox + pad.left}" y="${oy + 18}" font-size="12" font-weight="bold">${kind}, ${level} client${level > 1 ? 's' : ''}: p95 (ms) by menu size</text>`,
        `<rect x="${ox + pad.left}" y="${oy + pad.top}" width="${pw}" height="${ph}" fill="none" stroke="#ccc"/>`,
      );
      for (let t = yMin; t <= yMax; t *= 10)
        out.push(
          `<line x1="${ox + pad.left}" x2="${ox + pad.left + pw}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/>`,
          `<text x="${ox + pad.left - 4}" y="${y(t) + 3}" text-anchor="end">${t}</text>`,
        );
      for (const size of sizes)
        out.push(
          `<text x="${x(size)}" y="${oy + pad.top + ph + 14}" text-anchor="middle">${size >= 1000 ? `${size / 1000}k` : size}</text>`,
        );
      for (const route of ROUTES) {
        const points = sizes
          .map((size) =>
            samples.find(
              (s) => s.kind === kind && s.concurrency === level && s.route === route && s.size === size,
            ),
          )
          .filter((s): s is ApiSample => s !== undefined);
        if (points.length === 0) continue;
        const d = points.map((p) => `${x(p.size).toFixed(1)},${y(p.p95).toFixed(1)}`).join(' ');
        out.push(
          `<polyline points="${d}" fill="none" stroke="${COLORS[route]}" stroke-width="1.5"${route === 'hello' ? ' stroke-dasharray="4 3"' : ''}/>`,
        );
        for (const p of points)
          out.push(
            `<circle cx="${x(p.size).toFixed(1)}" cy="${y(p.p95).toFixed(1)}" r="2" fill="${COLORS[route]}"/>`,
          );
      }
    });
  });
  ROUTES.forEach((route, i) => {
    const lx = levels.length * w + 10;
    const ly = 40 + i * 16;
    out.push(
      `<line x1="${lx}" x2="${lx + 18}" y1="${ly - 3}" y2="${ly - 3}" stroke="${COLORS[route]}" stroke-width="2"${route === 'hello' ? ' stroke-dasharray="4 3"' : ''}/>`,
      `<text x="${lx + 24}" y="${ly}">${route === 'hello' ? 'bare Express hello' : route}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** A Markdown table of the run: p50/p95/throughput per route, size and concurrency. */
export function apiTable(samples: ApiSample[]): string {
  const lines = [
    '| database | size | route | clients | p50 ms | p95 ms | req/s | errors |',
    '|---|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const s of samples)
    lines.push(
      `| ${s.kind} | ${s.size} | ${s.route} | ${s.concurrency} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.perSecond.toFixed(0)} | ${s.errors} |`,
    );
  return lines.join('\n');
}

export function writeApiChart(samples: ApiSample[], path: string): void {
  if (path && samples.length > 0) writeFileSync(path, apiChart(samples));
}
