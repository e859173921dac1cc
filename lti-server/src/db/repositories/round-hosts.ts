import { z } from 'zod';
import { decodeJson, encodeJson } from '../json-column';
import type { DoorTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** What a host asks their round visitors to look for. */
export interface StoredHostChoice {
  roundId: string;
  hostId: string;
  picked: string[];
  own: string | null;
  updatedAt: string;
}

const PickedSchema = z.array(z.string());

export async function hostChoiceOf(
  scope: TenantScope,
  roundId: string,
  hostId: string,
): Promise<StoredHostChoice | undefined> {
  const row = await scope
    .selectFrom('round_host_choices')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('host_id', '=', hostId)
    .executeTakeFirst();
  return (
    row && {
      roundId: row.round_id,
      hostId: row.host_id,
      picked: decodeJson(PickedSchema, row.picked, 'host look-for choice'),
      own: row.own,
      updatedAt: row.updated_at,
    }
  );
}

export async function saveHostChoice(scope: TenantScope, choice: StoredHostChoice): Promise<void> {
  await scope
    .insertInto('round_host_choices', {
      round_id: choice.roundId,
      host_id: choice.hostId,
      picked: encodeJson(choice.picked),
      own: choice.own,
      updated_at: choice.updatedAt,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'round_id', 'host_id']).doUpdateSet({
        picked: encodeJson(choice.picked),
        own: choice.own,
        updated_at: choice.updatedAt,
      }),
    )
    .execute();
}

/** Forgets a host's look-for choice in a round (their room goes back to the round's look-for). */
export async function clearHostChoice(scope: TenantScope, roundId: string, hostId: string): Promise<void> {
  await scope
    .deleteFrom('round_host_choices')
    .where('round_id', '=', roundId)
    .where('host_id', '=', hostId)
    .execute();
}

/** One classroom slot of a published round (a door). */
export interface RoundDoor {
  id: string;
  hostId: string;
  startsAt: string;
  endsAt: string;
  location: string;
  booked: number;
  status: DoorTable['status'];
  lookFor: string | null;
}

/** The doors of a round, of one host when `hostId` is given, in start order. */
export async function roundDoorsOf(
  scope: TenantScope,
  roundId: string,
  hostId?: string,
): Promise<RoundDoor[]> {
  let q = scope
    .selectFrom('doors')
    .select(['id', 'host_id', 'starts_at', 'ends_at', 'location', 'booked', 'status', 'look_for'])
    .where('round_id', '=', roundId);
  if (hostId) q = q.where('host_id', '=', hostId);
  const rows = await q.orderBy('starts_at').orderBy('id').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    hostId: r.host_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    location: r.location,
    booked: r.booked,
    status: r.status,
    lookFor: r.look_for,
  }));
}

/**
 * The host's open doors in the round that have not started carry the new look-for; their calendar events (the
 * host's and the booked visitors') move to the next SEQUENCE so calendars take the change.
 */
export async function setHostLookFor(
  scope: TenantScope,
  roundId: string,
  hostId: string,
  lookFor: string | null,
  now: string,
): Promise<void> {
  const doors = scope
    .selectFrom('doors')
    .select('id')
    .where('round_id', '=', roundId)
    .where('host_id', '=', hostId)
    .where('status', '=', 'open')
    .where('starts_at', '>', now);
  await scope
    .updateTable('visits')
    .set((eb) => ({ sequence: eb('sequence', '+', 1), updated_at: now }))
    .where('status', '=', 'booked')
    .where('door_id', 'in', doors)
    .execute();
  await scope
    .updateTable('doors')
    .set((eb) => ({ look_for: lookFor, sequence: eb('sequence', '+', 1), updated_at: now }))
    .where('round_id', '=', roundId)
    .where('host_id', '=', hostId)
    .where('status', '=', 'open')
    .where('starts_at', '>', now)
    .execute();
}

/** A slot a host declined. */
export interface StoredDecline {
  id: string;
  roundId: string;
  doorId: string;
  hostId: string;
  reason: string;
  createdAt: string;
  replannedDoorId: string | null;
  replannedAt: string | null;
}

export async function insertDecline(scope: TenantScope, d: StoredDecline): Promise<void> {
  await scope
    .insertInto('round_declines', {
      id: d.id,
      round_id: d.roundId,
      door_id: d.doorId,
      host_id: d.hostId,
      reason: d.reason,
      created_at: d.createdAt,
      replanned_door_id: d.replannedDoorId,
      replanned_at: d.replannedAt,
    })
    .execute();
}

/** A decline with where its group went, for the coach's round page. */
export interface DeclineDetail extends StoredDecline {
  startsAt: string;
  /** `hostName` is null when that host is no longer in the school (the domain says so in the asker's language). */
  replanned: { hostId: string; hostName: string | null; location: string } | null;
}

/** The declines of these rounds, by round, each in slot order. */
export async function declinesOfRounds(
  scope: TenantScope,
  roundIds: string[],
): Promise<Map<string, DeclineDetail[]>> {
  const byRound = new Map<string, DeclineDetail[]>();
  if (roundIds.length === 0) return byRound;
  const rows = await scope
    .selectFrom('round_declines')
    .innerJoin('doors as declined', 'declined.id', 'round_declines.door_id')
    .leftJoin('doors as moved', 'moved.id', 'round_declines.replanned_door_id')
    .leftJoin('people as mover', 'mover.id', 'moved.host_id')
    .selectAll('round_declines')
    .select([
      'declined.starts_at as starts_at',
      'moved.host_id as moved_host_id',
      'mover.name as moved_host_name',
      'moved.location as moved_location',
    ])
    .where('round_declines.round_id', 'in', roundIds)
    .orderBy('declined.starts_at')
    .orderBy('round_declines.id')
    .execute();
  for (const r of rows) {
    const detail: DeclineDetail = {
      id: r.id,
      roundId: r.round_id,
      doorId: r.door_id,
      hostId: r.host_id,
      reason: r.reason,
      createdAt: r.created_at,
      replannedDoorId: r.replanned_door_id,
      replannedAt: r.replanned_at,
      startsAt: r.starts_at,
      replanned: r.moved_host_id
        ? {
            hostId: r.moved_host_id,
            hostName: r.moved_host_name ?? null,
            location: r.moved_location ?? '',
          }
        : null,
    };
    byRound.set(r.round_id, [...(byRound.get(r.round_id) ?? []), detail]);
  }
  return byRound;
}

/** The reasons of the declined doors among `doorIds`, by door. */
export async function declineReasons(scope: TenantScope, doorIds: string[]): Promise<Map<string, string>> {
  if (doorIds.length === 0) return new Map();
  const rows = await scope
    .selectFrom('round_declines')
    .select(['door_id', 'reason'])
    .where('door_id', 'in', doorIds)
    .execute();
  return new Map(rows.map((r) => [r.door_id, r.reason]));
}

/** Records where the group went; false when the decline was re-planned meanwhile. */
export async function markReplanned(
  scope: TenantScope,
  id: string,
  doorId: string,
  now: string,
): Promise<boolean> {
  const result = await scope
    .updateTable('round_declines')
    .set({ replanned_door_id: doorId, replanned_at: now })
    .where('id', '=', id)
    .where('replanned_door_id', 'is', null)
    .where('replanned_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Who was booked into a door when its host took it back: their visits were cancelled "by the host". */
export async function visitorsCancelledByHost(scope: TenantScope, doorId: string): Promise<string[]> {
  const rows = await scope
    .selectFrom('visits')
    .select('visitor_id')
    .where('door_id', '=', doorId)
    .where('status', '=', 'cancelled')
    .where('cancelled_by', '=', 'host')
    .orderBy('visitor_id')
    .execute();
  return [...new Set(rows.map((r) => r.visitor_id))];
}

/** The coach re-planned a declined slot: its notice leaves their list. */
export async function closeDeclineNotice(scope: TenantScope, doorId: string, now: string): Promise<void> {
  await scope
    .updateTable('round_notices')
    .set({ seen_at: now })
    .where('door_id', '=', doorId)
    .where('kind', '=', 'slot_declined')
    .where('seen_at', 'is', null)
    .execute();
}
