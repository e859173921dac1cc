import type { TestDbKind } from '../support/server/test-database';
import { type ApiSample, apiFigures, apiTable, writeApiChart } from './api';
import { bookingFigures } from './booking';
import { launchFigures } from './launch';
import { linterFigures } from './note-linter';
import { outboxFigures } from './outbox';
import type { Figure } from './report';
import { searchFigures } from './search';

export interface BenchGroup {
  name: string;
  description: string;
  /** Runs the group, handing each figure to `print` as soon as it is measured. */
  run(print: Print): Promise<void>;
}

type Print = (figure: Figure) => void;

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const envList = (name: string, fallback: number[]) => {
  const list = (process.env[name] ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  return list.length > 0 ? list : fallback;
};
const kinds = (): TestDbKind[] =>
  process.env.BENCH_DB === 'sqlite'
    ? ['sqlite']
    : process.env.BENCH_DB === 'postgres'
      ? ['postgres']
      : ['sqlite', 'postgres'];

/**
 * Runs a group on each database in turn and prints each database's figures as soon as it is done, so a failure on the
 * next one (a seed that times out, say) keeps what was measured.
 */
async function each(print: Print, run: (kind: TestDbKind) => Promise<Figure[]>): Promise<void> {
  for (const kind of kinds()) for (const figure of await run(kind)) print(figure);
}

/** One entry per group; `npm run bench -- NAME` runs one. */
export const GROUPS: BenchGroup[] = [
  {
    name: 'api',
    description:
      'the API under load at three menu sizes (two instances on PostgreSQL): p50/p95/throughput per route at 1, 10 and 50 clients, beside a bare Express route and the raw query; growth ratio; RSS of each server process after each repeat',
    run: async (print) => {
      const samples: ApiSample[] = [];
      await each(print, (kind) =>
        apiFigures(
          kind,
          {
            sizes: envList('BENCH_SIZES', [1_000, 10_000, 100_000]),
            concurrency: envList('BENCH_CLIENTS', [1, 10, 50]),
            requests: envNumber('BENCH_REQUESTS', 200),
            warmup: envNumber('BENCH_WARMUP', 100),
            rawCalls: envNumber('BENCH_RAW_CALLS', 50),
            repeats: envNumber('BENCH_REPEATS', 3),
            trace: process.env.BENCH_TRACE === '1',
            poolSize: process.env.BENCH_POOL_SIZE ? envNumber('BENCH_POOL_SIZE', 10) : undefined,
            routes: process.env.BENCH_ROUTES?.split(',').filter(Boolean),
            keepDatabase: process.env.BENCH_KEEP_DB === '1',
          },
          samples,
        ),
      );
      writeApiChart(samples, process.env.BENCH_SVG ?? 'docs/performance-api.svg');
      console.log(apiTable(samples));
    },
  },
  {
    name: 'booking',
    description:
      'teachers racing for the seats of open doors (two instances on PostgreSQL): throughput, p95, no overbooking',
    run: (print) =>
      each(print, (kind) =>
        bookingFigures(
          kind,
          envNumber('BENCH_DOORS', 10),
          envNumber('BENCH_VISITORS', 100),
          envNumber('BENCH_CONCURRENCY', 50),
        ),
      ),
  },
  {
    name: 'launch',
    description: 'LTI 1.3 launches per second and latency, our tool vs a bare ltijs app on the same storage',
    run: (print) => each(print, (kind) => launchFigures(kind, envNumber('BENCH_LAUNCHES', 1000), 4)),
  },
  {
    name: 'linter',
    description:
      'note linter precision/recall on the held-out corpus split vs the frozen v1 linter, and ms per 1,000-character note',
    run: async (print) => {
      for (const figure of await linterFigures(envNumber('BENCH_LINTER_ROUNDS', 2000))) print(figure);
    },
  },
  {
    name: 'outbox',
    description: "1,000 clips queued offline in the extension's outbox, synced to the real server in one run",
    run: (print) => each(print, (kind) => outboxFigures(kind, envNumber('BENCH_CLIPS', 1000))),
  },
  {
    name: 'search',
    description: 'menu search p50/p95 over 100k strategies, full-text vs a LIKE scan',
    run: (print) =>
      each(print, (kind) =>
        searchFigures(kind, envNumber('BENCH_STRATEGIES', 100_000), envNumber('BENCH_QUERIES', 200)),
      ),
  },
];
