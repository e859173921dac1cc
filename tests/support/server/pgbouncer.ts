import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);

/**
 * Debian's PgBouncer (`apt-get install pgbouncer`; `.ci/run` installs it) in transaction mode, in front of the test
 * PostgreSQL, on a free port of 127.0.0.1 with trust authentication for `users`. It refuses to run as root, so as root
 * it runs as the `postgres` user, as the throwaway cluster does. Nothing of ours is in it: it is the pooler districts
 * put in front of PostgreSQL (docs/deploy.md).
 */
export interface PgBouncer {
  /** postgres://<user>@127.0.0.1:<port>/<database> */
  urlFor(user: string, database: string): string;
  close(): Promise<void>;
}

function binary(): string {
  for (const path of ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer']) if (existsSync(path)) return path;
  throw new Error('PgBouncer is not installed (apt-get install -y pgbouncer; .ci/run installs it).');
}

export async function startPgBouncer(
  upstream: { host: string; port: number; database: string },
  users: string[],
): Promise<PgBouncer> {
  const bin = binary();
  const dir = mkdtempSync(join(tmpdir(), 'tasting-menu-pgbouncer-'));
  const port = await freePort();
  writeFileSync(join(dir, 'users.txt'), `${users.map((u) => `"${u}" ""`).join('\n')}\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${upstream.host} port=${upstream.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      'default_pool_size = 4',
      'max_client_conn = 200',
      '',
    ].join('\n'),
  );
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    for (const f of ['', 'users.txt', 'pgbouncer.ini']) chownSync(join(dir, f), uid, gid);
  }
  const child: ChildProcess = root
    ? spawn('runuser', ['-u', 'postgres', '--', bin, join(dir, 'pgbouncer.ini')], { stdio: 'ignore' })
    : spawn(bin, [join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  const url = (user: string, database: string) => `postgres://${user}@127.0.0.1:${port}/${database}`;
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready when it answers a query (bounded: 10 s).
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({
      connectionString: url(users[0]!, upstream.database),
      connectionTimeoutMillis: 1000,
    });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (attempt >= 50 || child.exitCode !== null) {
        await close();
        throw new Error(`PgBouncer did not start: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { urlFor: url, close };
}
