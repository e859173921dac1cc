import type { TenantScope } from '../tenant-scope';

/**
 * Whether a search matched more strategies than are ranked ("broad", listed newest first) or not ("selective", ranked
 * by relevance), remembered for a short while by each server instance so that a search asked again (the menu's popular
 * words, the same search paged) skips counting its matches (issue #20). What it decides is only the order of the
 * matches, never which strategies match: a remembered answer that a write has since made stale orders one search the
 * old way until it expires. Kept per database handle (as separate as two processes), keyed by the tenant, network,
 * statuses and words, so no tenant reads another's.
 *
 * Hand-written (a Map in insertion order, oldest out first) rather than `lru-cache`: the kept picture
 * (domain/picture-cache.ts) keeps its reads the same way, and a dozen lines do not earn a dependency.
 */
export const BREADTH_TTL_MS = 30_000;
/** Enough for a district's popular searches; the oldest goes first. */
const MAX_ENTRIES = 2_000;

interface Entry {
  broad: boolean;
  until: number;
}

const kept = new WeakMap<object, Map<string, Entry>>();

function entriesOf(scope: TenantScope): Map<string, Entry> {
  const entries = kept.get(scope.instance) ?? new Map<string, Entry>();
  kept.set(scope.instance, entries);
  return entries;
}

/** The key of a search's breadth: who asks (tenant, network), what may match (statuses, merge state) and the words. */
export function breadthKey(scope: TenantScope, parts: ReadonlyArray<string | number | boolean>): string {
  return [scope.tenantId, ...parts].join('\u0000');
}

/** Whether the search was broad when last counted, if that was less than BREADTH_TTL_MS ago. */
export function knownBreadth(scope: TenantScope, key: string, now = Date.now()): boolean | undefined {
  const entries = entriesOf(scope);
  const hit = entries.get(key);
  if (!hit) return undefined;
  if (hit.until <= now) {
    entries.delete(key);
    return undefined;
  }
  return hit.broad;
}

export function rememberBreadth(scope: TenantScope, key: string, broad: boolean, now = Date.now()): void {
  const entries = entriesOf(scope);
  entries.delete(key);
  entries.set(key, { broad, until: now + BREADTH_TTL_MS });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}
