import { Writable } from 'node:stream';
import pino from 'pino';
import { startTestServer, type TestServer } from './test-server';

/**
 * A test server whose log lines are kept (parsed JSON), so launch tests can check that each refusal was logged with
 * its reason code, and a count of sessions, so they can check that no session was created.
 */
export async function startLoggedServer(): Promise<{
  server: TestServer;
  logLines: Array<Record<string, unknown>>;
}> {
  const logLines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  const server = await startTestServer({ logger: pino({ level: 'info' }, sink) });
  return { server, logLines };
}

export async function sessionCount(server: TestServer): Promise<number> {
  const row = await server.database.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
