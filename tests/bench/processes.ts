import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../shared/config';

/** What a bench server child runs: the real server with this Config, or the bare Express "hello" app. */
export type ServerSpec = { kind: 'server'; config: Config } | { kind: 'hello' };
export type ParentMessage = { type: 'rss' } | { type: 'close' };
export type ChildMessage = { type: 'ready'; url: string } | { type: 'rss'; bytes: number };

export interface ServerProcess {
  url: string;
  pid: number;
  /** The child's resident memory in MB (Linux: VmRSS of /proc/<pid>/status; elsewhere the child's own figure). */
  rssMb(): Promise<number>;
  /** CPU time the child has used so far, user and system, in ms (Linux: /proc/<pid>/stat); undefined elsewhere. */
  cpuMs(): number | undefined;
  /** Asks the child to close, and kills it if it has not exited within a few seconds. */
  close(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 10_000;

/** Every child still running: killed when the bench process exits, however it exits. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** The resident set size in kB from the text of a Linux `/proc/<pid>/status`, or undefined when it has none. */
export function parseVmRssKb(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB\s*$/m.exec(status);
  return match ? Number(match[1]) : undefined;
}

function readVmRssKb(pid: number): number | undefined {
  try {
    return parseVmRssKb(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * User plus system CPU time in clock ticks from the text of a Linux `/proc/<pid>/stat` (fields 14 and 15), or
 * undefined when it is not one. The command's name, field 2, is in parentheses and may hold spaces and parentheses
 * itself: the fields are counted from its last closing parenthesis.
 */
export function parseCpuTicks(stat: string): number | undefined {
  const end = stat.lastIndexOf(')');
  if (end < 0) return undefined;
  // After the name: state (field 3) is the first, so utime (14) and stime (15) are the 12th and 13th.
  const fields = stat
    .slice(end + 1)
    .trim()
    .split(/\s+/);
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return Number.isInteger(user) && Number.isInteger(system) ? user + system : undefined;
}

/** Clock ticks a second (`getconf CLK_TCK`; 100 on Linux when it cannot be asked). */
const ticksPerSecond = (() => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
})();

function readCpuMs(pid: number): number | undefined {
  try {
    const ticks = parseCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return ticks === undefined ? undefined : (ticks * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** Forks tests/bench/server-process.ts with `spec` and resolves once it listens, with its URL. */
export async function startServerProcess(spec: ServerSpec): Promise<ServerProcess> {
  // BENCH_CPU_PROF=DIR: each child writes a V8 CPU profile there when it closes (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = fork(ENTRY, [JSON.stringify(spec)], {
    execArgv: ['--import', 'tsx', ...profile],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`bench ${spec.kind} process did not start within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.on('message', (m: ChildMessage) => {
        if (m.type !== 'ready') return;
        clearTimeout(timer);
        resolve(m.url);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`bench ${spec.kind} process exited before it listened (${signal ?? code})`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    async rssMb() {
      const kb = readVmRssKb(pid);
      if (kb !== undefined) return kb / 1024;
      const bytes = await new Promise<number>((resolve) => {
        const answer = (m: ChildMessage) => {
          if (m.type !== 'rss') return;
          child.off('message', answer);
          resolve(m.bytes);
        };
        child.on('message', answer);
        child.send({ type: 'rss' } satisfies ParentMessage);
      });
      return bytes / 1024 / 1024;
    },
    cpuMs: () => readCpuMs(pid),
    async close() {
      const gone = exited(child);
      if (child.connected) child.send({ type: 'close' } satisfies ParentMessage);
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
      await gone;
      clearTimeout(timer);
    },
  };
}
