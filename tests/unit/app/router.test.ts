import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../lti-server/app/src/router';

describe('hash routes', () => {
  it.each([
    ['', { name: 'menu' }],
    ['#/', { name: 'menu' }],
    ['#/mine', { name: 'mine' }],
    ['#/queue', { name: 'queue' }],
    ['#/add', { name: 'add' }],
    ['#/s/abc%20d', { name: 'strategy', id: 'abc d' }],
    ['#/s/abc/edit', { name: 'edit', id: 'abc' }],
    ['#/nonsense', { name: 'menu' }],
  ])('when the hash is "%s", then the route is %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('when a route is written and read back, then it is the same route', () => {
    for (const r of [
      { name: 'strategy', id: 'x/y' },
      { name: 'queue' },
      { name: 'edit', id: '1' },
    ] as const) {
      expect(parseRoute(href(r))).toEqual(r);
    }
  });
});
