import { describe, expect, it } from 'vitest';
import {
  BREADTH_TTL_MS,
  breadthKey,
  knownBreadth,
  rememberBreadth,
} from '../../../lti-server/src/db/repositories/search-breadth';
import type { TenantScope } from '../../../lti-server/src/db/tenant-scope';

/** Only what the memo reads of a scope: its tenant and the database handle it keys by. */
const scopeOf = (tenantId: string, instance: object) => ({ tenantId, instance }) as unknown as TenantScope;

describe('remembered search breadth', () => {
  it('when a breadth was remembered, then it is known until it expires and not after', () => {
    const scope = scopeOf('t1', {});
    const key = breadthKey(scope, ['n', 'approved', 'rubric']);
    expect(knownBreadth(scope, key, 1_000)).toBeUndefined();
    rememberBreadth(scope, key, true, 1_000);
    expect(knownBreadth(scope, key, 1_000 + BREADTH_TTL_MS - 1)).toBe(true);
    expect(knownBreadth(scope, key, 1_000 + BREADTH_TTL_MS)).toBeUndefined();
    rememberBreadth(scope, key, false, 5_000);
    expect(knownBreadth(scope, key, 5_001)).toBe(false);
  });

  it('when another tenant or another server instance asks the same search, then it knows nothing of it', () => {
    const instance = {};
    const here = scopeOf('t1', instance);
    const key = breadthKey(here, ['n', 'approved', 'rubric']);
    rememberBreadth(here, key, true, 0);
    const otherTenant = scopeOf('t2', instance);
    expect(breadthKey(otherTenant, ['n', 'approved', 'rubric'])).not.toBe(key);
    expect(
      knownBreadth(otherTenant, breadthKey(otherTenant, ['n', 'approved', 'rubric']), 1),
    ).toBeUndefined();
    expect(knownBreadth(scopeOf('t1', {}), key, 1)).toBeUndefined();
  });

  it('when more searches are remembered than are kept, then the oldest are forgotten first', () => {
    const scope = scopeOf('t1', {});
    for (let i = 0; i < 2_001; i++) rememberBreadth(scope, breadthKey(scope, [i]), i % 2 === 0, 0);
    expect(knownBreadth(scope, breadthKey(scope, [0]), 1)).toBeUndefined();
    expect(knownBreadth(scope, breadthKey(scope, [1]), 1)).toBe(false);
    expect(knownBreadth(scope, breadthKey(scope, [2_000]), 1)).toBe(true);
  });
});
