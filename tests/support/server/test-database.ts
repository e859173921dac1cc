import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../../shared/config';

export type TestDbKind = 'sqlite' | 'postgres';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Which database this vitest project runs against (integration-sqlite / integration-postgres set TEST_DB). */
export function testDbKind(): TestDbKind {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDatabase {
  target: DatabaseTarget;
  /** The same target as a DATABASE_URL, for child processes. */
  url: string;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a temporary SQLite file, or a new PostgreSQL schema that is dropped
 * afterwards. PostgreSQL being down fails loudly; it never skips.
 */
export async function createTestDatabase(kind: TestDbKind = testDbKind()): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tasting-menu-test-'));
  if (kind === 'sqlite') {
    const file = join(dataDir, 'test.db');
    return {
      target: { kind: 'sqlite', file },
      url: `sqlite:${file}`,
      dataDir,
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  // Under vitest the run's global teardown drops the schema (see global-setup.ts); elsewhere (benchmarks) drop() does.
  const run = process.env.TM_TEST_RUN;
  const schema = `tm_test_${run ? `${run}_` : ''}${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_URL} (${(error as Error).message}). The integration-postgres tests need it: ` +
        'start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set TEST_POSTGRES_URL.',
    );
  }
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    target: { kind: 'postgres', url: POSTGRES_URL, schema },
    url: `${POSTGRES_URL}?schema=${schema}`,
    dataDir,
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      if (run) return;
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
