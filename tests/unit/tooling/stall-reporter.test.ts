import type { TestCase, TestModule } from 'vitest/node';
import { describe, expect, it } from 'vitest';
import StallReporter, { QUIET_LIMIT_MS, quietLimitFrom } from '../../support/stall-reporter';

const project = { name: 'integration-sqlite' };
const fakeModule = (id: string) =>
  ({ id, project, relativeModuleId: `tests/integration/${id}.test.ts` }) as unknown as TestModule;
const fakeTest = (id: string, module: TestModule, fullName: string) =>
  ({ id, project, module, fullName }) as unknown as TestCase;

function watched(quietLimitMs = 1000) {
  let clock = 0;
  const written: string[] = [];
  const exits: number[] = [];
  const reporter = new StallReporter({
    quietLimitMs,
    now: () => clock,
    write: (text) => written.push(text),
    exit: (code) => exits.push(code),
  });
  reporter.onTestRunStart();
  return {
    reporter,
    written,
    exits,
    advance(ms: number) {
      clock += ms;
      reporter.check();
    },
    end: () => reporter.onTestRunEnd(),
  };
}

describe('a test run that stops moving', () => {
  it('when files and tests keep finishing, then the run is left alone however long it takes', () => {
    const run = watched();
    for (let i = 0; i < 20; i++) {
      const module = fakeModule(`file-${i}`);
      run.reporter.onTestModuleQueued(module);
      run.advance(900);
      run.reporter.onTestModuleEnd(module);
    }
    run.end();
    expect(run.exits).toEqual([]);
    expect(run.written).toEqual([]);
  });

  it('when nothing starts or ends for the quiet limit, then it names what is still running and ends the run as failed', () => {
    const run = watched();
    const done = fakeModule('done');
    const stuck = fakeModule('stuck');
    run.reporter.onTestModuleQueued(done);
    run.reporter.onTestModuleEnd(done);
    run.reporter.onTestModuleQueued(stuck);
    run.reporter.onTestCaseReady(fakeTest('t1', stuck, 'when a teacher books, then it hangs'));
    run.advance(999);
    expect(run.exits).toEqual([]);
    run.advance(1);
    run.end();
    expect(run.exits).toEqual([1]);
    const report = run.written.join('');
    expect(report).toContain('has not moved for 1 s');
    expect(report).toContain(
      'integration-sqlite tests/integration/stuck.test.ts > when a teacher books, then it hangs (for 1 s)',
    );
    expect(report).toContain('integration-sqlite tests/integration/stuck.test.ts (for 1 s)');
    expect(report).not.toContain('done.test.ts');
  });
});

describe('the quiet limit from TM_TEST_QUIET_LIMIT_MS', () => {
  it('when it is unset or empty, then the limit is ten minutes', () => {
    expect(quietLimitFrom(undefined)).toBe(QUIET_LIMIT_MS);
    expect(quietLimitFrom('')).toBe(QUIET_LIMIT_MS);
  });

  it('when it is a positive number, then that is the limit', () => {
    expect(quietLimitFrom('20000')).toBe(20_000);
  });

  it('when it is not a positive number, then it is refused by name instead of ending every run at once', () => {
    for (const bad of ['ten minutes', '0', '-5', 'NaN'])
      expect(() => quietLimitFrom(bad)).toThrow(/TM_TEST_QUIET_LIMIT_MS must be a positive number/);
  });
});
