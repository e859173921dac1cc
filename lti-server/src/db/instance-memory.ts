import type { TenantScope } from './tenant-scope';

/**
 * What a server instance keeps in memory by key, one map per database handle (`TenantScope.instance`: as separate as
 * two processes would be), the oldest forgotten first once more than `max` are kept. The kept picture
 * (domain/picture-cache.ts) and the search breadths (db/repositories/search-breadth.ts) keep theirs here. Hand-written
 * rather than `lru-cache`: each caller decides itself when an entry is stale (a version, a time), and a Map in insertion
 * order is all the rest needs.
 */
export class InstanceMemory<V> {
  readonly #kept = new WeakMap<object, Map<string, V>>();

  constructor(private readonly max: number) {}

  /** The entries the scope's server instance keeps, oldest first. */
  of(scope: TenantScope): Map<string, V> {
    let entries = this.#kept.get(scope.instance);
    if (!entries) {
      entries = new Map<string, V>();
      this.#kept.set(scope.instance, entries);
    }
    return entries;
  }

  /** Keeps the value under the key as the newest entry, and forgets the oldest past `max`. */
  keep(scope: TenantScope, key: string, value: V): void {
    const entries = this.of(scope);
    entries.delete(key);
    entries.set(key, value);
    if (entries.size > this.max) entries.delete(entries.keys().next().value!);
  }
}
