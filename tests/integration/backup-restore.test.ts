import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../lti-server/src/db/database';
import type { DatabaseTarget } from '../../shared/config';
import { type ApiClient, apiClient, launchAs } from '../support/server/api-client';
import { approvedStrategy } from '../support/server/menu';
import { rowCounts } from '../support/server/row-counts';
import {
  createTestDatabase,
  POSTGRES_URL,
  type TestDatabase,
  testDbKind,
} from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';

/**
 * The backup and restore of docs/deploy.md, done for real: PostgreSQL with pg_dump and pg_restore into a new
 * database; SQLite with VACUUM INTO a new file. A server started on the copy has every row and answers as before.
 */
const run = promisify(execFile);
const kind = testDbKind();

let original: TestDatabase;
let server: TestServer;
let ana: ApiClient;
let titles: string[];
const work = mkdtempSync(join(tmpdir(), 'tasting-menu-backup-'));
/** Undoes what a backup created (the restored database, the copy). */
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  original = await createTestDatabase();
  server = await startTestServer({ database: original });
  ana = await launchAs(server, 'sandbox-ana-rivera');
  const dana = await launchAs(server, 'sandbox-dana-kim');
  for (const title of ['Think, pair, share', 'Exit tickets with a sentence frame']) {
    await approvedStrategy(ana, dana, { title });
  }
  titles = ((await ana.get('/api/strategies')).body.items as Array<{ title: string }>)
    .map((s) => s.title)
    .sort();
  expect(titles).toEqual(['Exit tickets with a sentence frame', 'Think, pair, share']);
}, 120_000);

afterAll(async () => {
  await server?.close();
  for (const cleanup of cleanups.reverse()) await cleanup();
  await original?.drop();
  rmSync(work, { recursive: true, force: true });
});

/** A copy of the original database, made the way docs/deploy.md says, as a target to start a server on. */
async function backupAndRestore(): Promise<DatabaseTarget> {
  if (original.target.kind === 'sqlite') {
    const file = join(work, 'backup.db');
    // On the live database, as `sqlite3 data/tasting-menu.db "VACUUM INTO 'backup.db'"` does.
    await sql`vacuum into ${file}`.execute(server.database.db);
    return { kind: 'sqlite', file };
  }
  const schema = original.target.schema!;
  const dump = join(work, 'tasting-menu.dump');
  await run('pg_dump', [
    '--format=custom',
    `--schema=${schema}`,
    `--file=${dump}`,
    `--dbname=${POSTGRES_URL}`,
  ]);
  const name = `tm_restore_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: POSTGRES_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  // A dump of one schema leaves out the database's extensions: the spelling fallback's index needs pg_trgm, which
  // docs/deploy.md says to create in the new database first.
  await run('psql', [
    `--dbname=${url}`,
    '--quiet',
    '--command=create extension if not exists pg_trgm with schema public',
  ]);
  await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${url}`, dump]);
  return { kind: 'postgres', url: url.toString(), schema };
}

describe(`backup and restore on ${kind}`, () => {
  it('when the database is copied and a server starts on the copy, then every row is there and the API reads it back', async () => {
    const before = await rowCounts(server.database);
    const target = await backupAndRestore();

    const copy = openDatabase(target);
    try {
      expect(await rowCounts(copy)).toEqual(before);
    } finally {
      await copy.close();
    }

    const restored = await startTestServer({
      database: { target, url: '', dataDir: mkdtempSync(join(work, 'data-')), async drop() {} },
    });
    try {
      // The session made before the backup still works: sessions, people, platforms and keys came along.
      const again = apiClient(restored, ana.token);
      const menu = await again.get('/api/strategies');
      expect(menu.status).toBe(200);
      expect((menu.body.items as Array<{ title: string }>).map((s) => s.title).sort()).toEqual(titles);
      // And new launches work on it (the sandbox LMS of this server has a new address, so it is another school).
      const fresh = await launchAs(restored, 'sandbox-ben-okafor');
      expect((await fresh.get('/api/me')).status).toBe(200);
    } finally {
      await restored.close();
    }
  });
});
