import { afterAll, beforeAll, vi } from 'vitest';
import { runPlatformCli } from '../../../lti-server/src/cli/platform';
import { createTestDatabase, type TestDatabase } from './test-database';
import type { TestServer } from './test-server';

/** What one run of `npm run platform -- …` ended with and printed. */
export interface CliRun {
  code: number;
  /** What it logged (console.log). */
  out: string;
  /** What it reported as errors (console.error). */
  err: string;
  /** Both, in the order they were printed. */
  all: string;
}

/** Runs `npm run platform -- …` in-process with `env`, capturing what it prints instead of printing it. */
export async function runCapturedCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const lines: Array<{ stream: 'out' | 'err'; text: string }> = [];
  const log = vi
    .spyOn(console, 'log')
    .mockImplementation((...a) => void lines.push({ stream: 'out', text: a.join(' ') }));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((...a) => void lines.push({ stream: 'err', text: a.join(' ') }));
  try {
    const code = await runPlatformCli(args, env);
    const printed = (stream?: 'out' | 'err') =>
      lines
        .filter((l) => stream === undefined || l.stream === stream)
        .map((l) => l.text)
        .join('\n');
    return { code, out: printed('out'), err: printed('err'), all: printed() };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/**
 * A test database of its own for the file (created before its first test, dropped after its last) and `run`:
 * `npm run platform -- …` against it.
 */
export function usePlatformCli(): {
  run: (...args: string[]) => Promise<CliRun>;
  readonly database: TestDatabase;
} {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  const created = (): TestDatabase => {
    if (!database) throw new Error('the test database is not created yet (use it inside a test or a hook)');
    return database;
  };
  return {
    run: (...args) => {
      const { url, dataDir } = created();
      return runCapturedCli(args, { DATABASE_URL: url, DATA_DIR: dataDir, LTI_KEY: 'x'.repeat(40) });
    },
    get database() {
      return created();
    },
  };
}

/**
 * `npm run platform -- …` against a test server's database, with its LTI key (ltijs encrypts with it): the exit code
 * and everything the command printed.
 */
export async function platformCliOn(
  server: TestServer,
  ...args: string[]
): Promise<{ code: number; out: string }> {
  const target = server.config.database;
  const env = {
    DATABASE_URL:
      target.kind === 'sqlite'
        ? `sqlite:${target.file}`
        : `${target.url}${target.schema ? `?schema=${target.schema}` : ''}`,
    DATA_DIR: server.config.dataDir,
    LTI_KEY: server.config.ltiKey ?? '',
  };
  const { code, all } = await runCapturedCli(args, env);
  return { code, out: all };
}
