import { InstanceMemory } from '../instance-memory';
import type { TenantScope } from '../tenant-scope';

/**
 * Whether a search matched more strategies than are ranked ("broad", listed newest first) or not ("selective", ranked
 * by relevance), remembered for a short while by each server instance so that a search asked again (the menu's popular
 * words, the same search paged) skips counting its matches (issue #20). What it decides is only the order of the
 * matches, never which strategies match: a remembered answer that a write has since made stale orders one search the
 * old way until it expires. Kept per database handle (as separate as two processes), keyed by the tenant, network,
 * statuses and words, so no tenant reads another's.
 */
export const BREADTH_TTL_MS = 30_000;
interface Entry {
  broad: boolean;
  until: number;
}

/** Enough for a district's popular searches; the oldest goes first. */
const kept = new InstanceMemory<Entry>(2_000);

/** The key of a search's breadth: who asks (tenant, network), what may match (statuses, merge state) and the words. */
export function breadthKey(scope: TenantScope, parts: ReadonlyArray<string | number | boolean>): string {
  return [scope.tenantId, ...parts].join('\u0000');
}

/** Whether the search was broad when last counted, if that was less than BREADTH_TTL_MS ago. */
export function knownBreadth(scope: TenantScope, key: string, now = Date.now()): boolean | undefined {
  const hit = kept.of(scope).get(key);
  if (!hit) return undefined;
  if (hit.until <= now) {
    kept.of(scope).delete(key);
    return undefined;
  }
  return hit.broad;
}

export function rememberBreadth(scope: TenantScope, key: string, broad: boolean, now = Date.now()): void {
  kept.keep(scope, key, { broad, until: now + BREADTH_TTL_MS });
}
