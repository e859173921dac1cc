import { z } from 'zod';
import type { DialogueEntryInput } from '../../../shared/dialogue';
import {
  type CrossDialogue,
  CrossDialogueSchema,
  type CrossRound,
  CrossRoundSchema,
  type DistrictInvite,
  DistrictInviteSchema,
  type DistrictPage,
  DistrictPageSchema,
  type DistrictRoundSummary,
  DistrictRoundSummarySchema,
  type DistrictSummary,
  DistrictSummarySchema,
} from '../../../shared/districts';
import type { NoteInput } from '../../../shared/notes';
import { type ApiResult, request } from './api';

export type {
  CrossDialogue,
  CrossRound,
  DistrictInvite,
  DistrictPage,
  DistrictRoundSummary,
  DistrictSummary,
};

const path = (id: string) => `/api/districts/${encodeURIComponent(id)}`;
const roundPath = (id: string, roundId: string) => `${path(id)}/rounds/${encodeURIComponent(roundId)}`;

export function listDistricts(token: string): Promise<ApiResult<{ items: DistrictSummary[] }>> {
  return request(token, 'GET', '/api/districts', z.object({ items: z.array(DistrictSummarySchema) }));
}

export function startDistrict(token: string, name: string): Promise<ApiResult<DistrictSummary>> {
  return request(token, 'POST', '/api/districts', DistrictSummarySchema, { name });
}

export function joinDistrict(token: string, code: string): Promise<ApiResult<DistrictSummary>> {
  return request(token, 'POST', '/api/districts/join', DistrictSummarySchema, { code });
}

export function acceptDistrict(token: string, id: string): Promise<ApiResult<DistrictSummary>> {
  return request(token, 'POST', `${path(id)}/accept`, DistrictSummarySchema);
}

export function getDistrict(token: string, id: string): Promise<ApiResult<DistrictPage>> {
  return request(token, 'GET', path(id), DistrictPageSchema);
}

export function inviteSchool(token: string, id: string): Promise<ApiResult<DistrictInvite>> {
  return request(token, 'POST', `${path(id)}/invites`, DistrictInviteSchema);
}

export function openRound(
  token: string,
  id: string,
  roundId: string,
  problem: string,
): Promise<ApiResult<DistrictRoundSummary>> {
  return request(token, 'POST', `${path(id)}/rounds`, DistrictRoundSummarySchema, { roundId, problem });
}

export function getCrossRound(token: string, id: string, roundId: string): Promise<ApiResult<CrossRound>> {
  return request(token, 'GET', roundPath(id, roundId), CrossRoundSchema);
}

export function takeSeat(token: string, id: string, roundId: string): Promise<ApiResult<CrossRound>> {
  return request(token, 'POST', `${roundPath(id, roundId)}/seat`, CrossRoundSchema);
}

export function visitRoom(
  token: string,
  id: string,
  roundId: string,
  doorId: string,
): Promise<ApiResult<CrossRound>> {
  return request(token, 'POST', `${roundPath(id, roundId)}/visits`, CrossRoundSchema, { doorId });
}

export function writeCrossNote(
  token: string,
  id: string,
  roundId: string,
  note: NoteInput,
): Promise<ApiResult<CrossRound>> {
  return request(token, 'POST', `${roundPath(id, roundId)}/notes`, CrossRoundSchema, note);
}

export function acknowledgeCrossBriefing(
  token: string,
  id: string,
  roundId: string,
): Promise<ApiResult<CrossRound>> {
  return request(token, 'POST', `${roundPath(id, roundId)}/briefing/ack`, CrossRoundSchema);
}

export function cancelCrossVisit(
  token: string,
  id: string,
  roundId: string,
  visitId: string,
  reason: string,
): Promise<ApiResult<CrossRound>> {
  return request(
    token,
    'POST',
    `${roundPath(id, roundId)}/visits/${encodeURIComponent(visitId)}/cancel`,
    CrossRoundSchema,
    { reason },
  );
}

export function getCrossDialogue(
  token: string,
  id: string,
  roundId: string,
  doorId: string,
): Promise<ApiResult<CrossDialogue>> {
  return request(
    token,
    'GET',
    `${roundPath(id, roundId)}/dialogue/${encodeURIComponent(doorId)}`,
    CrossDialogueSchema,
  );
}

export function writeCrossDialogue(
  token: string,
  id: string,
  roundId: string,
  doorId: string,
  entry: DialogueEntryInput,
): Promise<ApiResult<CrossDialogue>> {
  return request(
    token,
    'POST',
    `${roundPath(id, roundId)}/dialogue/${encodeURIComponent(doorId)}`,
    CrossDialogueSchema,
    entry,
  );
}

export function leaveDistrict(token: string, id: string): Promise<ApiResult<{ canceledVisits: number }>> {
  return request(token, 'POST', `${path(id)}/leave`, z.object({ canceledVisits: z.number().int() }));
}
