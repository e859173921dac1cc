import { describe, expect, it } from 'vitest';
import { formatFigure, percentile } from '../../bench/report';

describe('benchmark report', () => {
  it('when asked for percentiles, then it uses the nearest rank', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(() => percentile([], 50)).toThrow();
  });

  it('when a figure has a baseline, then the line carries the baseline and the ratio', () => {
    expect(
      formatFigure({ name: 'x.p95', value: 2, unit: 'ms', baseline: { label: 'LIKE scan', value: 40 } }),
    ).toBe('x.p95: 2.00 ms (baseline LIKE scan: 40.0 ms, ratio 0.05x)');
    expect(formatFigure({ name: 'n', value: 100000, unit: 'rows' })).toBe('n: 100000 rows');
  });

  it('when a figure asks for more decimals, then a ratio just under its goal is not rounded onto it', () => {
    expect(formatFigure({ name: 'recall', value: 123 / 130, unit: 'ratio' })).toBe('recall: 0.95 ratio');
    expect(
      formatFigure({
        name: 'recall',
        value: 123 / 130,
        unit: 'ratio',
        digits: 3,
        baseline: { label: 'v1', value: 74 / 130 },
      }),
    ).toBe('recall: 0.946 ratio (baseline v1: 0.569 ratio, ratio 1.66x)');
  });
});
