import type { PictureGroupTable } from '../db/schema';
import {
  pictureGroupCount,
  pictureGroupsOver,
  pictureVersion,
  type StoredPictureGroup,
} from '../db/repositories/picture';
import { InstanceMemory } from '../db/instance-memory';
import type { TenantScope } from '../db/tenant-scope';

/** What the school picture reads from the aggregates: the groups over the thresholds and how many groups there are. */
export interface PictureGroupsRead {
  candidates: StoredPictureGroup[];
  total: number;
}

/** A read at a version, shared by every request that misses at that version while it runs. */
interface Entry {
  version: number;
  read: Promise<PictureGroupsRead>;
}

/**
 * Per server instance (its database handle), as separate as two processes would be; 500 entries are enough for every
 * network of a district's schools and both views, the oldest read goes first.
 */
const kept = new InstanceMemory<Entry>(500);

/**
 * The picture's groups of one tenant's network and view, kept in this process until the network's picture version
 * moves (issue #20). Every transaction that changes `picture_groups` bumps that version in the database
 * (`bumpPictureVersion`), so the check is as correct beside other instances on one PostgreSQL database as alone on
 * SQLite: the version is read before the groups, so a kept read is never older than the version it is kept under.
 * A hit costs one primary-key read instead of the groups' range and count (on SQLite, a synchronous read on the one
 * event loop that every concurrent request waits behind). The key holds the tenant, so no tenant reads another's.
 * Each server instance keeps its own (keyed by its database handle), so nothing relies on being told in memory.
 */
export async function cachedPictureGroups(
  scope: TenantScope,
  networkId: string,
  kinds: Array<PictureGroupTable['kind']>,
  minVisits: number,
  minHosts: number,
): Promise<PictureGroupsRead> {
  const key = [scope.tenantId, networkId, [...kinds].sort().join(','), minVisits, minHosts].join('\u0000');
  const entries = kept.of(scope);
  const version = await pictureVersion(scope, networkId);
  const hit = entries.get(key);
  if (hit && hit.version === version) {
    kept.keep(scope, key, hit);
    return hit.read;
  }
  // Requests that miss together wait for one read instead of each running it on the event loop.
  const read = Promise.all([
    pictureGroupsOver(scope, networkId, kinds, minVisits, minHosts),
    pictureGroupCount(scope, networkId, kinds),
  ]).then(([candidates, total]) => ({ candidates, total }));
  // A request that read an older version than the kept one (a write committed meanwhile) leaves the newer one kept.
  if (hit && hit.version > version) return read;
  const entry = { version, read };
  kept.keep(scope, key, entry);
  read.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return read;
}
