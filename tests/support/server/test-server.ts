import { createLogger, type Logger } from '../../../lti-server/src/logger';
import { type RunningServer, startServer } from '../../../lti-server/src/server';
import type { Config } from '../../../shared/config';
import { createTestDatabase, type TestDatabase, type TestDbKind } from './test-database';

export type TestServer = RunningServer;

/**
 * The real server, in-process, on 127.0.0.1 with a free port, a fresh database (SQLite by default, PostgreSQL
 * in the integration-postgres project) and the sandbox LMS registered. close() also drops the database.
 */
export async function startTestServer(
  options: {
    db?: TestDbKind;
    /** Share an existing database (a second instance); then close() leaves the database to its owner. */
    database?: TestDatabase;
    config?: Partial<Config>;
    logger?: Logger;
  } = {},
): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase(options.db));
  const config = testServerConfig(database, options.config);
  const server = await startServer(config, options.logger ?? createLogger(config.logLevel));
  return {
    ...server,
    async close() {
      await server.close();
      if (!options.database) await database.drop();
    },
  };
}

/**
 * The configuration startTestServer gives the real server for `database`: 127.0.0.1 with a free port, the sandbox LMS,
 * silent logs unless TEST_LOG_LEVEL says otherwise. The API bench passes it to server child processes as JSON.
 */
export function testServerConfig(database: TestDatabase, overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://127.0.0.1:0',
    database: database.target,
    ltiKey: 'test-lti-key-0123456789abcdef0123456789abcdef',
    sandbox: true,
    // The demo school only when a test asks for it: most tests start from an empty sandbox school.
    demoSchool: false,
    logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel'] | undefined) ?? 'silent',
    dataDir: database.dataDir,
    ltiRateLimit: 10_000,
    registration: 'invite',
    frameAncestors: [],
    trustProxy: ['loopback'],
    ...overrides,
  };
}
