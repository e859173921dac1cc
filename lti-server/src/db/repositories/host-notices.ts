import type { HostNoticeTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** A host is told their room's visits fed the school picture of a finished round. */
export interface StoredHostNotice {
  id: string;
  roundId: string;
  hostId: string;
  kind: HostNoticeTable['kind'];
  createdAt: string;
  seenAt: string | null;
}

/** Inserts the notices; a host already told about that round is not told twice. */
export async function insertHostNotices(scope: TenantScope, notices: StoredHostNotice[]): Promise<void> {
  if (notices.length === 0) return;
  await scope
    .insertInto(
      'host_notices',
      notices.map((n) => ({
        id: n.id,
        round_id: n.roundId,
        host_id: n.hostId,
        kind: n.kind,
        created_at: n.createdAt,
        seen_at: n.seenAt,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'round_id', 'host_id', 'kind']).doNothing())
    .execute();
}

/** The host's notices not yet dismissed, newest first, with the round's title. */
export async function openHostNoticesOf(
  scope: TenantScope,
  hostId: string,
): Promise<Array<StoredHostNotice & { roundTitle: string }>> {
  const rows = await scope
    .selectFrom('host_notices')
    .innerJoin('rounds', 'rounds.id', 'host_notices.round_id')
    .selectAll('host_notices')
    .select('rounds.title as round_title')
    .where('host_notices.host_id', '=', hostId)
    .where('host_notices.seen_at', 'is', null)
    .orderBy('host_notices.created_at', 'desc')
    .orderBy('host_notices.id')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    hostId: r.host_id,
    kind: r.kind,
    createdAt: r.created_at,
    seenAt: r.seen_at,
    roundTitle: r.round_title,
  }));
}

export async function markHostNoticeSeen(
  scope: TenantScope,
  hostId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await scope
    .updateTable('host_notices')
    .set({ seen_at: at })
    .where('id', '=', id)
    .where('host_id', '=', hostId)
    .where('seen_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The hosts whose rooms count in a round's picture group (their visits in it have unexpired notes), read from the
 * picture's aggregates: who a finished round tells.
 */
export async function hostsCountedInRound(
  scope: TenantScope,
  networkId: string,
  roundId: string,
): Promise<string[]> {
  const rows = await scope
    .selectFrom('picture_group_hosts')
    .select('host_id')
    .where('network_id', '=', networkId)
    .where('kind', '=', 'round')
    .where('label', '=', roundId)
    .where('visits', '>', 0)
    .orderBy('host_id')
    .execute();
  return rows.map((r) => r.host_id);
}
