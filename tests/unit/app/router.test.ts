import { describe, expect, it } from 'vitest';
import { href, parseRoute, section, viewKey } from '../../../lti-server/app/src/router';

describe('hash routes', () => {
  it.each([
    ['', { name: 'menu' }],
    ['#/', { name: 'menu' }],
    ['#/mine', { name: 'mine' }],
    ['#/queue', { name: 'queue' }],
    ['#/add', { name: 'add' }],
    ['#/s/abc%20d', { name: 'strategy', id: 'abc d' }],
    ['#/s/abc/edit', { name: 'edit', id: 'abc' }],
    ['#/rounds/r%201/host', { name: 'round-host', id: 'r 1' }],
    ['#/cycles', { name: 'cycles' }],
    ['#/cycles/c%201', { name: 'cycle', id: 'c 1' }],
    ['#/rounds/new?cycle=c1', { name: 'round-new', cycleId: 'c1' }],
    ['#/rounds/new', { name: 'round-new' }],
    ['#/nonsense', { name: 'menu' }],
  ])('when the hash is "%s", then the route is %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('when a route is written and read back, then it is the same route', () => {
    for (const r of [
      { name: 'strategy', id: 'x/y' },
      { name: 'queue' },
      { name: 'edit', id: '1' },
      { name: 'round-host', id: 'r/1' },
      { name: 'cycle', id: 'a/b' },
      { name: 'round-new', cycleId: 'a b' },
    ] as const) {
      expect(parseRoute(href(r))).toEqual(r);
    }
  });

  it('when the menu address has a search, then the search and filters are read, and values no filter offers are not', () => {
    expect(parseRoute('#/?q=thnk%20pair&subject=Sci&gradeBand=6-8&maxMinutes=10&tags=discussion')).toEqual({
      name: 'menu',
      search: { q: 'thnk pair', subject: 'Sci', gradeBand: '6-8', maxMinutes: '10', tags: 'discussion' },
    });
    expect(parseRoute('#/?maxMinutes=99&other=1')).toEqual({ name: 'menu' });
    // Grades are free text the server reads as the nearest of the school's grades ("7th" → "6-8").
    expect(parseRoute('#/?gradeBand=7th')).toEqual({ name: 'menu', search: { gradeBand: '7th' } });
    expect(parseRoute('#?q=turn')).toEqual({ name: 'menu', search: { q: 'turn' } });
    expect(parseRoute('#/doors?week=2026-03-02')).toEqual({ name: 'doors', week: '2026-03-02' });
  });

  it('when a menu search is written and read back, then it is the same search; an empty one is the plain menu', () => {
    const route = { name: 'menu', search: { q: 'think & pair', subject: 'Social studies' } } as const;
    expect(href(route)).toBe('#/?q=think+%26+pair&subject=Social+studies');
    expect(parseRoute(href(route))).toEqual(route);
    expect(href({ name: 'menu', search: { q: ' ' } })).toBe('#/');
    // A new search is the same view: focus stays where the teacher is.
    expect(viewKey(route)).toBe(viewKey({ name: 'menu' }));
    expect(viewKey({ name: 'doors', week: '2026-03-02' })).not.toBe(viewKey({ name: 'doors' }));
  });

  it('when a host opens their room in a round, then the navigation marks Open doors', () => {
    expect(section({ name: 'round-host', id: 'r1' })).toBe('doors');
  });
});
