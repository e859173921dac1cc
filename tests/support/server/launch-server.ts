import { Writable } from 'node:stream';
import pino from 'pino';
import { beforeEach } from 'vitest';
import type { TestServer } from './test-server';
import { useTestServer } from './use-test-server';

/**
 * A test server whose log lines are kept (parsed JSON, cleared before each test), so launch tests can check that
 * each refusal was logged with its reason code, and a count of sessions, so they can check that no session was
 * created.
 */
export function useLoggedServer(onStart?: (server: TestServer) => void) {
  const logLines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  const running = useTestServer({ logger: pino({ level: 'info' }, sink) }, onStart);
  beforeEach(() => {
    logLines.length = 0;
  });
  return {
    get server() {
      return running.server;
    },
    logLines,
    sessionCount: () => sessionCount(running.server),
    /** Whether a launch was refused, and logged as refused, with this reason code. */
    refusedWith: (reason: string) =>
      logLines.some((l) => l.msg === 'lti launch refused' && l.reason === reason),
  };
}

async function sessionCount(server: TestServer): Promise<number> {
  const row = await server.database.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
