import { readFileSync, statSync } from 'node:fs';

/**
 * Where a SQLite database's write-ahead log stands, read from its files without opening a connection (a connection
 * would take part: a reader can hold a checkpoint back, and `PRAGMA wal_checkpoint` runs one). `frames` is the last
 * committed frame and `backfilled` how many of them a checkpoint copied into the database (the wal-index header and
 * checkpoint info at the start of the `-shm` file, see https://www.sqlite.org/walformat.html); the log starts again
 * from frame 1 once a checkpoint copied every frame and the next write finds no reader on the old ones, so `frames`
 * stays below the auto-checkpoint's 1,000 pages while nothing holds checkpoints back. The file keeps its largest size.
 */
export interface WalState {
  fileBytes: number;
  frames: number;
  backfilled: number;
}

/** The -shm header is in the host's byte order; every platform the project runs on is little-endian. */
export function parseWalIndex(shm: Buffer): Pick<WalState, 'frames' | 'backfilled'> | undefined {
  if (shm.length < 136) return undefined;
  return { frames: shm.readUInt32LE(16), backfilled: shm.readUInt32LE(96) };
}

export function walState(databaseFile: string): WalState | undefined {
  try {
    const index = parseWalIndex(readFileSync(`${databaseFile}-shm`));
    return index && { fileBytes: statSync(`${databaseFile}-wal`).size, ...index };
  } catch {
    return undefined;
  }
}

export function formatWalState(s: WalState | undefined): string {
  return s
    ? `WAL ${(s.fileBytes / 1024 / 1024).toFixed(1)} MB, ${s.frames} frames, ${s.backfilled} checkpointed`
    : 'no WAL';
}
