import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../../shared/errors';
import type { HostNotice } from '../../../shared/round-hosts';
import {
  hostsCountedInRound,
  insertHostNotices,
  markHostNoticeSeen,
  openHostNoticesOf,
} from '../db/repositories/host-notices';
import type { TenantScope } from '../db/tenant-scope';
import type { Actor } from './actor';

/**
 * When a round's debrief is finished, each host whose room's visits count in the picture (they have notes) is told
 * that their room fed the school picture of that round: never how, never which notes. Once per host and round. Call
 * it in the transaction that finishes the debrief.
 */
export async function tellHostsPictureFed(
  scope: TenantScope,
  networkId: string,
  roundId: string,
  now: Date,
): Promise<void> {
  const hosts = await hostsCountedInRound(scope, networkId, roundId);
  await insertHostNotices(
    scope,
    hosts.map((hostId) => ({
      id: randomUUID(),
      roundId,
      hostId,
      kind: 'picture_fed' as const,
      createdAt: now.toISOString(),
      seenAt: null,
    })),
  );
}

/** The asker's own notices as a host, newest first. */
export async function hostNotices(actor: Actor): Promise<HostNotice[]> {
  return (await openHostNoticesOf(actor.scope, actor.personId)).map((n) => ({
    id: n.id,
    kind: n.kind,
    round: { id: n.roundId, title: n.roundTitle },
    createdAt: n.createdAt,
  }));
}

export async function dismissHostNotice(actor: Actor, id: string, now: Date): Promise<void> {
  if (!(await markHostNoticeSeen(actor.scope, actor.personId, id, now.toISOString())))
    throw new NotFoundError('errors.not-found.notice');
}
