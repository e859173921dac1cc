import { z } from 'zod';
import { RoundSchema } from '../../../../shared/rounds';
import { decodeJson, encodeJson } from '../json-column';
import type { RoundNoticeTable, RoundTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** A round as the server uses it: participants, hosts and groups decoded and validated, names in camelCase. */
export interface StoredRound {
  id: string;
  networkId: string;
  createdBy: string;
  title: string;
  focusKind: RoundTable['focus_kind'];
  focusValue: string;
  /** Local date and time in `timeZone`. */
  date: string;
  start: string;
  timeZone: string;
  /** Which `start` is meant when the clocks show it twice on `date`; null otherwise. */
  startOccurrence: RoundTable['start_occurrence'];
  slotMinutes: number;
  gapMinutes: number;
  lookFor: string | null;
  status: RoundTable['status'];
  /** Person ids. */
  participants: string[];
  hosts: Array<{ id: string; location: string }>;
  /** Person ids per group; the rotation is derived from them by the planner. */
  groups: string[][];
  createdAt: string;
  updatedAt: string;
  debriefPhase: RoundTable['debrief_phase'];
  prediction: string | null;
  nextLevel: string | null;
  summarizedAt: string | null;
  /** The cycle the round belongs to, or null. */
  cycleId: string | null;
}

const ParticipantsSchema = z.array(z.string());
const HostsSchema = z.array(z.object({ id: z.string(), location: z.string() }));

export function toRound(row: RoundTable): StoredRound {
  return {
    id: row.id,
    networkId: row.network_id,
    createdBy: row.created_by,
    title: row.title,
    focusKind: row.focus_kind,
    focusValue: row.focus_value,
    date: row.date,
    start: row.start,
    timeZone: row.time_zone,
    startOccurrence: row.start_occurrence,
    slotMinutes: row.slot_minutes,
    gapMinutes: row.gap_minutes,
    lookFor: row.look_for,
    status: row.status,
    participants: decodeJson(ParticipantsSchema, row.participants, 'round participants'),
    hosts: decodeJson(HostsSchema, row.hosts, 'round hosts'),
    groups: decodeJson(RoundSchema.shape.groups, row.groups, 'round groups'),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    debriefPhase: row.debrief_phase,
    prediction: row.prediction,
    nextLevel: row.next_level,
    summarizedAt: row.summarized_at,
    cycleId: row.cycle_id,
  };
}

export async function insertRound(scope: TenantScope, round: StoredRound): Promise<void> {
  await scope
    .insertInto('rounds', {
      id: round.id,
      network_id: round.networkId,
      created_by: round.createdBy,
      title: round.title,
      focus_kind: round.focusKind,
      focus_value: round.focusValue,
      date: round.date,
      start: round.start,
      time_zone: round.timeZone,
      start_occurrence: round.startOccurrence,
      slot_minutes: round.slotMinutes,
      gap_minutes: round.gapMinutes,
      look_for: round.lookFor,
      status: round.status,
      participants: encodeJson(round.participants),
      hosts: encodeJson(round.hosts),
      groups: encodeJson(round.groups),
      created_at: round.createdAt,
      updated_at: round.updatedAt,
      debrief_phase: round.debriefPhase,
      prediction: round.prediction,
      next_level: round.nextLevel,
      summarized_at: round.summarizedAt,
      cycle_id: round.cycleId,
    })
    .execute();
}

export async function findRound(scope: TenantScope, id: string): Promise<StoredRound | undefined> {
  const row = await scope.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRound(row);
}

export async function roundsOf(scope: TenantScope, networkId: string): Promise<StoredRound[]> {
  const rows = await scope
    .selectFrom('rounds')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toRound);
}

/** The rounds of a cycle, oldest first. */
export async function roundsOfCycle(scope: TenantScope, cycleId: string): Promise<StoredRound[]> {
  const rows = await scope
    .selectFrom('rounds')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('date')
    .orderBy('start')
    .orderBy('created_at')
    .limit(200)
    .execute();
  return rows.map(toRound);
}

/** Changes a draft only: returns false when the round was published meanwhile. */
export async function updateDraft(
  scope: TenantScope,
  id: string,
  patch: Partial<Pick<StoredRound, 'groups' | 'status' | 'updatedAt'>>,
): Promise<boolean> {
  const result = await scope
    .updateTable('rounds')
    .set({
      ...(patch.groups !== undefined ? { groups: encodeJson(patch.groups) } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.updatedAt !== undefined ? { updated_at: patch.updatedAt } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDraft(scope: TenantScope, id: string): Promise<boolean> {
  const result = await scope
    .deleteFrom('rounds')
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** A notice for a round's coach: someone cancelled their round visit. */
export interface StoredNotice {
  id: string;
  roundId: string;
  coachId: string;
  personId: string;
  doorId: string;
  kind: RoundNoticeTable['kind'];
  /** Why the person canceled (null on notices from before migration 0031). */
  reason: string | null;
  createdAt: string;
  seenAt: string | null;
}

export async function insertNotice(scope: TenantScope, notice: StoredNotice): Promise<void> {
  await scope
    .insertInto('round_notices', {
      id: notice.id,
      round_id: notice.roundId,
      coach_id: notice.coachId,
      person_id: notice.personId,
      door_id: notice.doorId,
      kind: notice.kind,
      reason: notice.reason,
      created_at: notice.createdAt,
      seen_at: notice.seenAt,
    })
    .execute();
}

/** A notice with what the coach reads: the round, who cancelled, whose room and when (and a host's reason). */
export interface NoticeDetail extends StoredNotice {
  roundTitle: string;
  personName: string;
  hostName: string;
  startsAt: string;
  decline: { id: string; reason: string; replanned: boolean } | null;
}

/** The coach's notices not yet dismissed, newest first. */
export async function openNoticesOf(scope: TenantScope, coachId: string): Promise<NoticeDetail[]> {
  const rows = await scope
    .selectFrom('round_notices')
    .innerJoin('rounds', 'rounds.id', 'round_notices.round_id')
    .innerJoin('people as person', 'person.id', 'round_notices.person_id')
    .innerJoin('doors', 'doors.id', 'round_notices.door_id')
    .innerJoin('people as host', 'host.id', 'doors.host_id')
    .leftJoin('round_declines', (join) =>
      join
        .onRef('round_declines.door_id', '=', 'round_notices.door_id')
        .onRef('round_declines.tenant_id', '=', 'round_notices.tenant_id'),
    )
    .selectAll('round_notices')
    .select([
      'rounds.title as round_title',
      'person.name as person_name',
      'host.name as host_name',
      'doors.starts_at as starts_at',
      'round_declines.id as decline_id',
      'round_declines.reason as decline_reason',
      'round_declines.replanned_at as replanned_at',
    ])
    .where('round_notices.coach_id', '=', coachId)
    .where('round_notices.seen_at', 'is', null)
    .orderBy('round_notices.created_at', 'desc')
    .orderBy('round_notices.id')
    .limit(100)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    roundId: row.round_id,
    coachId: row.coach_id,
    personId: row.person_id,
    doorId: row.door_id,
    kind: row.kind,
    reason: row.reason ?? null,
    createdAt: row.created_at,
    seenAt: row.seen_at,
    roundTitle: row.round_title,
    personName: row.person_name,
    hostName: row.host_name,
    startsAt: row.starts_at,
    decline:
      row.kind === 'slot_declined' && row.decline_id
        ? { id: row.decline_id, reason: row.decline_reason ?? '', replanned: row.replanned_at !== null }
        : null,
  }));
}

/** Dismisses one of the coach's notices; false when it is not theirs or already dismissed. */
export async function markNoticeSeen(
  scope: TenantScope,
  coachId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await scope
    .updateTable('round_notices')
    .set({ seen_at: at })
    .where('id', '=', id)
    .where('coach_id', '=', coachId)
    .where('seen_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
