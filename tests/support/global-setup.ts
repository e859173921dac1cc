import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { POSTGRES_URL } from './server/test-database';

/**
 * One id per test run, handed to every worker through the environment. PostgreSQL test schemas carry it and are
 * dropped here at the end, not by each test file: dropping a schema while another file's migrator lists the
 * catalogue makes that listing fail ("schema … does not exist").
 */
export async function setup(): Promise<void> {
  process.env.TM_TEST_RUN = randomBytes(4).toString('hex');
}

export async function teardown(): Promise<void> {
  const run = process.env.TM_TEST_RUN;
  if (!run) return;
  // Bounded: a drop waiting for a lock that a stuck connection holds gives up and leaves the schema behind, instead
  // of holding the run open.
  const client = new pg.Client({
    connectionString: POSTGRES_URL,
    connectionTimeoutMillis: 5000,
    lock_timeout: 10_000,
    query_timeout: 60_000,
  });
  try {
    await client.connect();
  } catch {
    return; // PostgreSQL was never reachable; the tests that needed it have failed already.
  }
  try {
    const { rows } = await client.query<{ nspname: string }>(
      'select nspname from pg_namespace where nspname like $1',
      [`tm_test_${run}_%`],
    );
    for (const { nspname } of rows) await client.query(`drop schema if exists ${nspname} cascade`);
  } catch (error) {
    process.stderr.write(
      `test teardown: some PostgreSQL test schemas were left (${(error as Error).message})\n`,
    );
  } finally {
    await client.end();
  }
}
