import { describe, expect, it } from 'vitest';
import { type ApiSample, medianRepeats } from '../../bench/api';

const cell = (route: ApiSample['route'], concurrency: number, p95: number, p50 = p95 / 2): ApiSample => ({
  kind: 'sqlite',
  size: 1000,
  route,
  concurrency,
  p50,
  p95,
  perSecond: 1000 / p95,
  errors: 0,
  requests: 200,
  connectionsOpened: 0,
});

describe("the api bench's figures over repeats", () => {
  it('when a cell was measured three times, then its figures are those of the repeat with the median p95', () => {
    const picked = medianRepeats([
      cell('menu', 50, 65, 30),
      cell('menu', 50, 31, 20),
      cell('menu', 50, 30, 10),
    ]);
    expect(picked).toEqual([cell('menu', 50, 31, 20)]);
  });

  it('when cells differ by route or client level, then each is picked on its own, in the order first measured', () => {
    const picked = medianRepeats([
      cell('menu', 1, 2),
      cell('menu', 50, 40),
      cell('search', 1, 3),
      cell('menu', 1, 9),
      cell('menu', 50, 20),
      cell('search', 1, 1),
    ]);
    // Two repeats: the higher of the two.
    expect(picked.map((s) => [s.route, s.concurrency, s.p95])).toEqual([
      ['menu', 1, 9],
      ['menu', 50, 40],
      ['search', 1, 3],
    ]);
  });

  it('when a cell was measured once, then it is that measure', () => {
    expect(medianRepeats([cell('hello', 10, 4)])).toEqual([cell('hello', 10, 4)]);
  });
});
