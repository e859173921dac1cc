import type { TestModule } from 'vitest/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SummaryReporter from '../../support/summary-reporter';

type State = 'passed' | 'failed' | 'skipped' | 'pending';
const fakeModule = (moduleState: State, tests: State[]) =>
  ({
    state: () => moduleState,
    children: { allTests: () => tests.map((state) => ({ result: () => ({ state }) })) },
  }) as unknown as TestModule;

const summaryOf = (modules: TestModule[]): string => {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  new SummaryReporter().onTestRunEnd(modules);
  const line = String(write.mock.calls.at(-1)?.[0]);
  write.mockRestore();
  return line.trim();
};

describe('the CI summary line', () => {
  afterEach(() => vi.restoreAllMocks());

  it('when a file fails in a hook and its tests are skipped, then the line counts a failure', () => {
    expect(
      summaryOf([fakeModule('failed', ['skipped', 'skipped', 'skipped']), fakeModule('passed', ['passed'])]),
    ).toBe('vitest: 1 passed, 1 failed, 3 skipped');
  });

  it('when tests fail inside a file, then each counts once and the file adds nothing', () => {
    expect(summaryOf([fakeModule('failed', ['failed', 'failed', 'passed'])])).toBe(
      'vitest: 1 passed, 2 failed',
    );
  });

  it('when a file fails to load, then it counts one failure', () => {
    expect(summaryOf([fakeModule('failed', [])])).toBe('vitest: 0 passed, 1 failed');
  });
});
