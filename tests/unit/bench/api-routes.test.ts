import { describe, expect, it } from 'vitest';
import { chosenRoutes } from '../../bench/api';

describe('which routes the api bench times (BENCH_ROUTES)', () => {
  it('times every route when none is chosen', () => {
    expect(chosenRoutes()).toContain('write_note');
    expect(chosenRoutes([])).toEqual(chosenRoutes());
  });

  it('times the chosen routes and the bare hello route, in the usual order', () => {
    expect(chosenRoutes(['search', 'menu'])).toEqual(['hello', 'menu', 'search']);
  });

  it('refuses a route it does not know, naming the known ones', () => {
    expect(() => chosenRoutes(['serach'])).toThrow(/unknown bench route serach; the routes are hello, menu/);
  });
});
