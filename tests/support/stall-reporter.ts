import { execFileSync } from 'node:child_process';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * A run that stops moving fails, and says where it stopped. Vitest's own timeouts live in the worker: a test whose
 * worker is stuck in synchronous code, or a file whose import never settles, never reaches them, and the run waits
 * until CI's limit with nothing in its log (seen once in CI). When no file or test has started or finished for
 * `quietLimitMs`, this prints what is still running, for how long, and ends the run with exit code 1.
 */
export const QUIET_LIMIT_MS = 10 * 60_000;
const CHECK_EVERY_MS = 30_000;

interface Running {
  label: string;
  since: number;
}

export interface StallOptions {
  quietLimitMs?: number;
  now?: () => number;
  write?: (text: string) => void;
  exit?: (code: number) => void;
}

/** TM_TEST_QUIET_LIMIT_MS, or the default; anything but a positive number of milliseconds is refused. */
export function quietLimitFrom(value: string | undefined): number {
  if (value === undefined || value === '') return QUIET_LIMIT_MS;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms <= 0)
    throw new Error(`TM_TEST_QUIET_LIMIT_MS must be a positive number of milliseconds, not "${value}"`);
  return ms;
}

/** A worker stuck in synchronous code ignores its parent leaving; it is killed first so it spins on no one's machine. */
function endWithWorkers(code: number): void {
  try {
    execFileSync('pkill', ['-KILL', '-P', String(process.pid)]);
  } catch {
    // No child left, or no pkill: exiting is what matters.
  }
  process.exit(code);
}

export default class StallReporter implements Reporter {
  private readonly modules = new Map<string, Running>();
  private readonly tests = new Map<string, Running>();
  private lastProgress: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly quietLimitMs: number;
  private readonly now: () => number;
  private readonly write: (text: string) => void;
  private readonly exit: (code: number) => void;

  constructor(options: StallOptions = {}) {
    this.quietLimitMs = options.quietLimitMs ?? quietLimitFrom(process.env.TM_TEST_QUIET_LIMIT_MS);
    this.now = options.now ?? Date.now;
    this.write = options.write ?? ((text) => process.stderr.write(text));
    this.exit = options.exit ?? endWithWorkers;
    this.lastProgress = this.now();
  }

  onTestRunStart(): void {
    this.lastProgress = this.now();
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onTestRunEnd(): void {
    clearInterval(this.timer);
  }

  onTestModuleQueued(module: TestModule): void {
    this.modules.set(module.id, {
      label: `${module.project.name} ${module.relativeModuleId}`,
      since: this.now(),
    });
    this.progress();
  }

  onTestModuleEnd(module: TestModule): void {
    this.modules.delete(module.id);
    this.progress();
  }

  onTestCaseReady(test: TestCase): void {
    this.tests.set(test.id, {
      label: `${test.project.name} ${test.module.relativeModuleId} > ${test.fullName}`,
      since: this.now(),
    });
    this.progress();
  }

  onTestCaseResult(test: TestCase): void {
    this.tests.delete(test.id);
    this.progress();
  }

  onHookStart(): void {
    this.progress();
  }

  onHookEnd(): void {
    this.progress();
  }

  /** Called every half minute; public for its test. */
  check(): void {
    const now = this.now();
    const quiet = now - this.lastProgress;
    if (quiet < this.quietLimitMs) return;
    const lines = [
      `\nThe test run has not moved for ${Math.round(quiet / 1000)} s, so it is ended as failed. Still running:`,
      ...[...this.tests.values(), ...this.modules.values()]
        .sort((a, b) => a.since - b.since)
        .map((r) => `  ${r.label} (for ${Math.round((now - r.since) / 1000)} s)`),
      '',
    ];
    this.write(lines.join('\n'));
    clearInterval(this.timer);
    this.exit(1);
  }

  private progress(): void {
    this.lastProgress = this.now();
  }
}
