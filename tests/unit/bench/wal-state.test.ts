import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../../lti-server/src/db/database';
import { parseWalIndex, walState } from '../../bench/wal-state';

// Hundreds of commits and a few checkpoints' fsyncs on a shared disk: the tests allow a minute, and assert no time.
// SQLite's automatic checkpoint runs once the log holds this many pages (its default, which the server keeps).
const AUTO_CHECKPOINT_PAGES = 1000;

let dir: string;
let file: string;
let server: DatabaseHandle;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasting-menu-wal-'));
  file = join(dir, 'test.db');
  server = openDatabase({ kind: 'sqlite', file });
  await sql`create table rows (id integer primary key, payload blob not null)`.execute(server.db);
});

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Commits `n` rows one by one, each about ten pages, as the server's writes do; returns the most frames seen. */
async function writeRows(n: number, between: () => void = () => {}): Promise<number> {
  let most = 0;
  for (let i = 0; i < n; i++) {
    await sql`insert into rows (payload) values (randomblob(40000))`.execute(server.db);
    between();
    most = Math.max(most, walState(file)?.frames ?? 0);
  }
  return most;
}

describe('the state of SQLite’s write-ahead log, read from its files', () => {
  it('when the server writes while another connection reads the same file between writes, as the api bench does, then checkpoints keep the log under the auto-checkpoint size', async () => {
    const bench = new SqliteDatabase(file, { readonly: true });
    try {
      const count = bench.prepare('select count(*) as n from rows');
      const most = await writeRows(AUTO_CHECKPOINT_PAGES / 3, () => count.get());
      const after = walState(file)!;
      expect(most).toBeGreaterThan(AUTO_CHECKPOINT_PAGES / 2);
      expect(most).toBeLessThanOrEqual(AUTO_CHECKPOINT_PAGES + 20);
      expect(after.fileBytes).toBeLessThan((AUTO_CHECKPOINT_PAGES + 40) * 4120);
      expect(after.frames).toBeLessThanOrEqual(AUTO_CHECKPOINT_PAGES + 20);
    } finally {
      bench.close();
    }
  }, 60_000);

  it('when a reader keeps a read transaction open, then the log grows past the auto-checkpoint size and what was checkpointed stops short of it', async () => {
    const reader = new SqliteDatabase(file, { readonly: true });
    try {
      reader.prepare('begin').run();
      reader.prepare('select count(*) as n from rows').get();
      const most = await writeRows(AUTO_CHECKPOINT_PAGES / 3);
      const held = walState(file)!;
      expect(most).toBeGreaterThan(2 * AUTO_CHECKPOINT_PAGES);
      expect(held.frames).toBe(most);
      expect(held.backfilled).toBeLessThan(held.frames);
      expect(held.fileBytes).toBeGreaterThan(2 * AUTO_CHECKPOINT_PAGES * 4096);
    } finally {
      reader.close();
    }
  }, 60_000);

  it('when the -shm file is shorter than its header, then there is no state', () => {
    expect(parseWalIndex(Buffer.alloc(40))).toBeUndefined();
  });
});
