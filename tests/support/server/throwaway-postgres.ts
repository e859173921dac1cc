import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of its own for tests that stop, restart or cut off the database: the shared test server must
 * never go down under the other test files. It runs Debian's binaries as the `postgres` user (initdb and the server
 * refuse to run as root), in a fresh temporary directory, on a free port of 127.0.0.1, with trust authentication.
 */
export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Starts the server unless it runs, and waits until it accepts connections (again, after stop()). */
  start(): Promise<void>;
  /** `pg_ctl stop -m immediate`: every backend ends at once, as in a crash or a failover. */
  stop(): Promise<void>;
  /** Stops it whatever its state, for cleanup; never throws. */
  kill(): Promise<void>;
  /** kill() and removes its files. */
  destroy(): Promise<void>;
}

const TIMEOUT_MS = 30_000;

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!version) throw new Error(`No PostgreSQL server binaries under ${root} (apt-get install postgresql).`);
  return join(root, version, 'bin');
}

async function asPostgres(command: string, args: string[]): Promise<string> {
  const { stdout } = await run('runuser', ['-u', 'postgres', '--', command, ...args], {
    timeout: TIMEOUT_MS,
  });
  return stdout;
}

export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'tasting-menu-pg-'));
  const data = join(dir, 'data');
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  chownSync(dir, uid, gid);
  const port = await freePort();
  const pgCtl = join(bin, 'pg_ctl');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;

  /** pg_ctl status exits with 3 when no server runs on the data directory. */
  const running = () =>
    asPostgres(pgCtl, ['-D', data, 'status']).then(
      () => true,
      () => false,
    );

  await asPostgres(join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const cluster: ThrowawayPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      if (await running()) return;
      await asPostgres(pgCtl, [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-o',
        options,
        '-w',
        '-t',
        '25',
        'start',
      ]);
    },
    async stop() {
      await asPostgres(pgCtl, ['-D', data, '-m', 'immediate', '-w', '-t', '25', 'stop']);
    },
    async kill() {
      const pidFile = join(data, 'postmaster.pid');
      if (!existsSync(pidFile)) return;
      try {
        await cluster.stop();
      } catch {
        try {
          const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
          if (pid > 0) process.kill(pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
    },
    async destroy() {
      await cluster.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
