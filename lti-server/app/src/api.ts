import { z } from 'zod';
import { type LanguageChoice, type Me, MeSchema } from '../../../shared/api';
import type { DeepLinkChoice } from '../../../shared/deep-linking';
import {
  type Dialogue,
  type DialogueEntry,
  type DialogueEntryInput,
  type DialoguePart,
  DialogueSchema,
} from '../../../shared/dialogue';
import { ErrorBodySchema, type FieldIssue } from '../../../shared/errors';
import { currentLanguage, t } from '../../../shared/i18n';
import { wireProblemText } from '../../../shared/problems';
import {
  type Note,
  type NoteEditInput,
  type NoteInput,
  NoteListSchema,
  type NotePrompt,
  NoteSchema,
  type Picture,
  PictureSchema,
  type Retention,
  RetentionSchema,
  type ThanksInput,
  type UsefulInput,
} from '../../../shared/notes';
import { type Device, DeviceSchema, type PairingConfirmInput } from '../../../shared/pairing';
import {
  type Debrief,
  type DebriefCardInput,
  type DebriefCardMove,
  type DebriefPatternInput,
  type DebriefPhase,
  DebriefSchema,
  type DebriefUpdate,
  PeopleSchema,
  type Round,
  type RoundGroupsInput,
  type RoundInput,
  RoundListSchema,
  type RoundNotice,
  RoundNoticeListSchema,
  type RoundPublishInput,
  RoundSchema,
} from '../../../shared/rounds';
import {
  type Briefing,
  type BriefingInput,
  BriefingSchema,
  type GroupRoles,
  type RoundRolesInput,
} from '../../../shared/round-briefing';
import {
  type DeclineInput,
  type HostLookForInput,
  type HostNotice,
  HostNoticeListSchema,
  type ReplanInput,
  type RoundHosting,
  RoundHostingSchema,
} from '../../../shared/round-hosts';
import { type FinishedRoundPictures, FinishedRoundPicturesSchema } from '../../../shared/round-pictures';
import { type SchoolDay, SchoolDaySchema } from '../../../shared/school-day';
import { type RoomNoteKey, RoomNoteKeySchema, type RoomNoteSend } from '../../../shared/sealed-note';
import {
  type RoomLink,
  type RoomLinkInput,
  RoomLinkSchema,
  type RoomSession,
  RoomSessionSchema,
  type RoomSignIn,
} from '../../../shared/room';
import {
  type PlatformInfo,
  PlatformInfoSchema,
  type MenuOptions,
  MenuOptionsSchema,
  type TenantSettings,
  TenantSettingsSchema,
} from '../../../shared/settings';
import {
  type CurationAction,
  type CurationInput,
  type MergeInput,
  type ReviewCount,
  ReviewCountSchema,
  type SimilarQuery,
  type Strategy,
  type StrategyCardPage,
  StrategyCardPageSchema,
  type StrategyDetail,
  StrategyDetailSchema,
  type StrategyEditInput,
  type StrategyInput,
  StrategyListSchema,
  type StrategyPage,
  StrategyPageSchema,
  StrategySchema,
  type TryInput,
  type TryState,
  TryStateSchema,
} from '../../../shared/strategy';
import {
  type CalendarFeed,
  CalendarFeedSchema,
  type Door,
  type DoorCard,
  type DoorInput,
  type DoorList,
  DoorListSchema,
  DoorSchema,
  DoorsCreatedSchema,
  type Visit,
  type VisitCancelInput,
  type VisitInput,
  type VisitList,
  VisitListSchema,
  VisitSchema,
} from '../../../shared/visits';

export type People = z.infer<typeof PeopleSchema>;

export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fields?: FieldIssue[] };

type Fetch = typeof fetch;

/** Calls the JSON API with the session's bearer token and validates what comes back against the shared schemas. */
export async function request<S extends z.ZodType>(
  token: string,
  method: string,
  path: string,
  schema: S,
  body?: unknown,
  fetchImpl: Fetch = fetch,
): Promise<ApiResult<z.infer<S>>> {
  let res: Response;
  try {
    res = await fetchImpl(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        // The interface language, for what the server writes itself (CSV headers, calendar texts).
        'accept-language': currentLanguage(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return {
      ok: false,
      code: 'NETWORK',
      message: t('error.network'),
    };
  }
  const payload: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ErrorBodySchema.safeParse(payload);
    return parsed.success
      ? {
          ok: false,
          code: parsed.data.error.code,
          message: parsed.data.error.message,
          ...(parsed.data.error.fields ? { fields: parsed.data.error.fields.map(inReadersLanguage) } : {}),
        }
      : { ok: false, code: 'INTERNAL', message: t('error.status', { status: res.status }) };
  }
  const data = schema.safeParse(payload);
  return data.success
    ? { ok: true, data: data.data }
    : {
        ok: false,
        code: 'INTERNAL',
        message: t('error.unreadable'),
      };
}

/**
 * A field's problem said in the interface's language when the server sent its words (the round planner's problems, a
 * plan's trade-offs, the roles' problems); otherwise the server's message, already in the asker's language.
 */
function inReadersLanguage(field: FieldIssue): FieldIssue {
  const said = field.problem && wireProblemText(field.problem, currentLanguage());
  return said ? { ...field, message: said } : field;
}

export function getMe(token: string, fetchImpl: Fetch = fetch): Promise<ApiResult<Me>> {
  return request(token, 'GET', '/api/me', MeSchema, undefined, fetchImpl);
}

/** The language switch: remembers the person's choice (null: follow the LMS and the browser again). */
export function putLanguage(token: string, choice: LanguageChoice): Promise<ApiResult<Me>> {
  return request(token, 'PUT', '/api/me/language', MeSchema, choice);
}

/** Signing out: the server ends the session's token. */
export function endSession(token: string): Promise<ApiResult<undefined>> {
  return request(token, 'DELETE', '/api/session', z.undefined());
}

export interface MenuQuery {
  q?: string;
  subject?: string;
  gradeBand?: string;
  tags?: string;
  maxMinutes?: string;
  status?: string;
  cursor?: string;
  limit?: string;
}

export function listStrategies(token: string, query: MenuQuery): Promise<ApiResult<StrategyPage>> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  return request(token, 'GET', `/api/strategies?${params}`, StrategyPageSchema);
}

/** A menu page of cards (`view=card`): what a list shows, a third of the whole strategies' bytes. */
export function listStrategyCards(token: string, query: MenuQuery): Promise<ApiResult<StrategyCardPage>> {
  const params = new URLSearchParams({ view: 'card' });
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  return request(token, 'GET', `/api/strategies?${params}`, StrategyCardPageSchema);
}

export type { StrategyDetail, TryState };

export function getStrategy(token: string, id: string): Promise<ApiResult<StrategyDetail>> {
  return request(token, 'GET', `/api/strategies/${encodeURIComponent(id)}`, StrategyDetailSchema);
}

export function createStrategy(token: string, input: StrategyInput): Promise<ApiResult<Strategy>> {
  return request(token, 'POST', '/api/strategies', StrategySchema, input);
}

export function editStrategy(
  token: string,
  id: string,
  input: StrategyEditInput,
): Promise<ApiResult<Strategy>> {
  return request(token, 'PATCH', `/api/strategies/${encodeURIComponent(id)}`, StrategySchema, input);
}

export function curate(
  token: string,
  id: string,
  action: CurationAction,
  message?: string,
): Promise<ApiResult<Strategy>> {
  return request(token, 'POST', `/api/strategies/${encodeURIComponent(id)}/curation`, StrategySchema, {
    action,
    message,
  } satisfies CurationInput);
}

export function merge(token: string, fromId: string, intoId: string): Promise<ApiResult<Strategy>> {
  return request(token, 'POST', `/api/strategies/${encodeURIComponent(fromId)}/merge`, StrategySchema, {
    intoId,
  } satisfies MergeInput);
}

export function duplicates(token: string, id: string): Promise<ApiResult<{ items: Strategy[] }>> {
  return request(token, 'GET', `/api/strategies/${encodeURIComponent(id)}/duplicates`, StrategyListSchema);
}

/** Strategies the one about to be submitted looks like (shared/strategy-similarity.ts), best first. */
export function similarStrategies(
  token: string,
  probe: SimilarQuery,
): Promise<ApiResult<{ items: Strategy[] }>> {
  return request(token, 'POST', '/api/strategies/similar', StrategyListSchema, probe);
}

/** How many strategies wait in the review queue (coaches). */
export function reviewCount(token: string): Promise<ApiResult<ReviewCount>> {
  return request(token, 'GET', '/api/strategies/review-count', ReviewCountSchema);
}

export function putTry(token: string, id: string, body: TryInput): Promise<ApiResult<TryState>> {
  return request(token, 'PUT', `/api/strategies/${encodeURIComponent(id)}/try`, TryStateSchema, body);
}

export function deleteTry(token: string, id: string): Promise<ApiResult<undefined>> {
  return request(token, 'DELETE', `/api/strategies/${encodeURIComponent(id)}/try`, z.undefined());
}

/** Downloads the coach's CSV export (the API needs the bearer token, so a plain link cannot do it). */
export async function downloadMenuCsv(token: string): Promise<ApiResult<Blob>> {
  try {
    const res = await fetch('/api/strategies/export.csv', { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) return { ok: false, code: 'INTERNAL', message: t('error.export', { status: res.status }) };
    return { ok: true, data: await res.blob() };
  } catch {
    return {
      ok: false,
      code: 'NETWORK',
      message: t('error.network'),
    };
  }
}

/** The school's subjects, which every member may read (the strategy form and the menu's filter offer them). */
export function getMenuOptions(token: string): Promise<ApiResult<MenuOptions>> {
  return request(token, 'GET', '/api/settings/subjects', MenuOptionsSchema);
}

export function getSettings(token: string): Promise<ApiResult<TenantSettings>> {
  return request(token, 'GET', '/api/settings', TenantSettingsSchema);
}

export function putSettings(token: string, settings: TenantSettings): Promise<ApiResult<TenantSettings>> {
  return request(token, 'PUT', '/api/settings', TenantSettingsSchema, settings);
}

/** The school's time zone and bell schedule: every staff member's door and round forms offer its periods. */
export function getSchoolDay(token: string): Promise<ApiResult<SchoolDay>> {
  return request(token, 'GET', '/api/school-day', SchoolDaySchema);
}

export function putSchoolName(token: string, schoolName: string): Promise<ApiResult<PlatformInfo>> {
  return request(token, 'PUT', '/api/settings/school-name', PlatformInfoSchema, { schoolName });
}

export function getPlatformInfo(token: string): Promise<ApiResult<PlatformInfo>> {
  return request(token, 'GET', '/api/settings/platform', PlatformInfoSchema);
}

export function confirmPairing(token: string, code: string): Promise<ApiResult<{ label: string }>> {
  return request(token, 'POST', '/api/pairings/confirm', z.object({ label: z.string() }), {
    code,
  } satisfies PairingConfirmInput);
}

export function listDevices(token: string): Promise<ApiResult<{ items: Device[] }>> {
  return request(token, 'GET', '/api/devices', z.object({ items: z.array(DeviceSchema) }));
}

export function revokeDevice(token: string, id: string): Promise<ApiResult<undefined>> {
  return request(token, 'DELETE', `/api/devices/${encodeURIComponent(id)}`, z.undefined());
}

export function answerDeepLink(
  token: string,
  pick: string,
  strategyId: string,
  as: DeepLinkChoice['as'],
): Promise<ApiResult<{ returnUrl: string; jwt: string }>> {
  return request(
    token,
    'POST',
    `/api/deep-links/${encodeURIComponent(pick)}`,
    z.object({ returnUrl: z.string(), jwt: z.string() }),
    {
      strategyId,
      as,
    } satisfies DeepLinkChoice,
  );
}

// ——— Sampling visits: open doors, bookings, the calendar feed ———

/** Calls an endpoint that answers with text (an .ics file), with the same error handling as `request`. */
async function requestText(
  token: string,
  path: string,
  fetchImpl: Fetch = fetch,
): Promise<ApiResult<string>> {
  let res: Response;
  try {
    res = await fetchImpl(path, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return {
      ok: false,
      code: 'NETWORK',
      message: t('error.network'),
    };
  }
  if (res.ok) return { ok: true, data: await res.text() };
  const parsed = ErrorBodySchema.safeParse(await res.json().catch(() => undefined));
  return parsed.success
    ? { ok: false, code: parsed.data.error.code, message: parsed.data.error.message }
    : { ok: false, code: 'INTERNAL', message: t('error.status', { status: res.status }) };
}

export type { CalendarFeed, Door, DoorCard, DoorInput, Round, RoundInput, Visit };

export interface DoorFilter {
  /** ISO instants: doors starting in [from, to), at most 62 days apart. */
  from: string;
  to: string;
  strategyId?: string;
  subject?: string;
  tag?: string;
  mine?: boolean;
  /** The `nextCursor` of the page before; the first page when absent. */
  cursor?: string;
  /** Doors per page (1 to 100; the server's default, 50, when absent). */
  limit?: number;
}

/** One page of doors in start order, and the cursor of the next page (null on the last). */
export function listDoors(token: string, filter: DoorFilter): Promise<ApiResult<DoorList>> {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.strategyId) params.set('strategyId', filter.strategyId);
  if (filter.subject?.trim()) params.set('subject', filter.subject.trim());
  if (filter.tag?.trim()) params.set('tag', filter.tag.trim());
  if (filter.mine) params.set('mine', 'true');
  if (filter.cursor) params.set('cursor', filter.cursor);
  if (filter.limit) params.set('limit', String(filter.limit));
  return request(token, 'GET', `/api/doors?${params}`, DoorListSchema);
}

export function createDoors(
  token: string,
  input: DoorInput,
): Promise<ApiResult<{ items: Door[]; seriesId: string | null }>> {
  return request(token, 'POST', '/api/doors', DoorsCreatedSchema, input);
}

export function getDoor(token: string, id: string): Promise<ApiResult<Door>> {
  return request(token, 'GET', `/api/doors/${encodeURIComponent(id)}`, DoorSchema);
}

export function cancelDoor(token: string, id: string): Promise<ApiResult<Door>> {
  return request(token, 'POST', `/api/doors/${encodeURIComponent(id)}/cancel`, DoorSchema);
}

export function bookVisit(token: string, doorId: string): Promise<ApiResult<Visit>> {
  return request(token, 'POST', '/api/visits', VisitSchema, { doorId } satisfies VisitInput);
}

/** From a door sign: books a seat even after the door opened, until it closes (the same seats and rules). */
export function bookOnTheSpot(token: string, doorId: string): Promise<ApiResult<Visit>> {
  return request(token, 'POST', '/api/visits/on-the-spot', VisitSchema, { doorId } satisfies VisitInput);
}

export function getVisit(token: string, id: string): Promise<ApiResult<Visit>> {
  return request(token, 'GET', `/api/visits/${encodeURIComponent(id)}`, VisitSchema);
}

export type { RoomLink };

/** A single-use sign-in link for the room note mode (a phone or a new tab), optionally to one visit or door. */
export function createRoomLink(token: string, input: RoomLinkInput): Promise<ApiResult<RoomLink>> {
  return request(token, 'POST', '/api/room-links', RoomLinkSchema, input);
}

export function revokeRoomLinks(token: string): Promise<ApiResult<undefined>> {
  return request(token, 'DELETE', '/api/room-links', z.undefined());
}

/** Exchanges a room link's secret for a session (no session yet, so no bearer token). */
export async function roomSignIn(
  input: RoomSignIn,
  fetchImpl: Fetch = fetch,
): Promise<ApiResult<RoomSession>> {
  return request('', 'POST', '/api/room-links/sign-in', RoomSessionSchema, input, fetchImpl);
}

/** One page of my visits: the upcoming ones first, then the past ones; `cursor` is the page before's `nextCursor`. */
export function listVisits(token: string, cursor?: string | null): Promise<ApiResult<VisitList>> {
  return request(
    token,
    'GET',
    `/api/visits${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
    VisitListSchema,
  );
}

/** Cancels one of my visits; a round visit needs `reason` (the coach who planned the round reads it). */
export function cancelVisit(
  token: string,
  id: string,
  body: VisitCancelInput = {},
): Promise<ApiResult<Visit>> {
  return request(token, 'POST', `/api/visits/${encodeURIComponent(id)}/cancel`, VisitSchema, body);
}

/** The .ics file of an open door (for its host) or of a visit (for its visitor). */
export async function downloadIcs(
  token: string,
  kind: 'door' | 'visit',
  id: string,
): Promise<ApiResult<Blob>> {
  const path = `/api/${kind === 'door' ? 'doors' : 'visits'}/${encodeURIComponent(id)}/ics`;
  const r = await requestText(token, path);
  return r.ok ? { ok: true, data: new Blob([r.data], { type: 'text/calendar;charset=utf-8' }) } : r;
}

export function getCalendarFeed(token: string): Promise<ApiResult<CalendarFeed>> {
  return request(token, 'GET', '/api/calendar', CalendarFeedSchema);
}

/** Makes a new private calendar link (replacing any older one); its URL is in this answer only. */
export function createCalendarFeed(token: string): Promise<ApiResult<CalendarFeed>> {
  return request(token, 'POST', '/api/calendar', CalendarFeedSchema);
}

export function revokeCalendarFeed(token: string): Promise<ApiResult<undefined>> {
  return request(token, 'DELETE', '/api/calendar', z.undefined());
}

// ——— Rounds (coaches) ———

export function listPeople(token: string): Promise<ApiResult<People>> {
  return request(token, 'GET', '/api/people', PeopleSchema);
}

export function listRounds(token: string): Promise<ApiResult<{ items: Round[] }>> {
  return request(token, 'GET', '/api/rounds', RoundListSchema);
}

/** What the coach needs to act on in the rounds they planned (a participant cancelled a round visit). */
export function listRoundNotices(token: string): Promise<ApiResult<{ items: RoundNotice[] }>> {
  return request(token, 'GET', '/api/round-notices', RoundNoticeListSchema);
}

export function dismissRoundNotice(token: string, id: string): Promise<ApiResult<undefined>> {
  return request(token, 'POST', `/api/round-notices/${encodeURIComponent(id)}/seen`, z.undefined());
}
export type { RoundNotice };

export function createRound(token: string, input: RoundInput): Promise<ApiResult<Round>> {
  return request(token, 'POST', '/api/rounds', RoundSchema, input);
}

export function getRound(token: string, id: string): Promise<ApiResult<Round>> {
  return request(token, 'GET', `/api/rounds/${encodeURIComponent(id)}`, RoundSchema);
}

export function putRoundGroups(token: string, id: string, groups: string[][]): Promise<ApiResult<Round>> {
  return request(token, 'PUT', `/api/rounds/${encodeURIComponent(id)}/groups`, RoundSchema, {
    groups,
  } satisfies RoundGroupsInput);
}

/** Publishes a draft; a plan with trade-offs needs `confirmTradeoffs` (else 422 ROUND_TRADEOFFS_UNCONFIRMED). */
export function publishRound(
  token: string,
  id: string,
  body: RoundPublishInput = {},
): Promise<ApiResult<Round>> {
  return request(token, 'POST', `/api/rounds/${encodeURIComponent(id)}/publish`, RoundSchema, body);
}

export function deleteRound(token: string, id: string): Promise<ApiResult<undefined>> {
  return request(token, 'DELETE', `/api/rounds/${encodeURIComponent(id)}`, z.undefined());
}

// ——— A round's briefing and roles ———

export type { Briefing };

const briefingPath = (roundId: string) => `/api/rounds/${encodeURIComponent(roundId)}/briefing`;

/** A round's briefing: its participants and hosts once published, its network's coaches always. */
export function getBriefing(token: string, roundId: string): Promise<ApiResult<Briefing>> {
  return request(token, 'GET', briefingPath(roundId), BriefingSchema);
}

/** The coach changes the words (why, what visitors look for, the norms). */
export function putBriefing(
  token: string,
  roundId: string,
  input: BriefingInput,
): Promise<ApiResult<Briefing>> {
  return request(token, 'PUT', briefingPath(roundId), BriefingSchema, input);
}

/** The coach changes who holds which role, one entry per group. */
export function putRoundRoles(
  token: string,
  roundId: string,
  roles: GroupRoles[],
): Promise<ApiResult<Briefing>> {
  return request(token, 'PUT', `/api/rounds/${encodeURIComponent(roundId)}/roles`, BriefingSchema, {
    roles,
  } satisfies RoundRolesInput);
}

/** "I have read the briefing": one click, again after it changed. */
export function acknowledgeBriefing(token: string, roundId: string): Promise<ApiResult<Briefing>> {
  return request(token, 'POST', `${briefingPath(roundId)}/ack`, BriefingSchema);
}

// ——— The round's debrief room ———

export type { Debrief, DebriefPhase };

const debriefPath = (roundId: string) => `/api/rounds/${encodeURIComponent(roundId)}/debrief`;

/** The debrief of a published round (409 CONFLICT while the round is a draft). */
export function getDebrief(token: string, roundId: string): Promise<ApiResult<Debrief>> {
  return request(token, 'GET', debriefPath(roundId), DebriefSchema);
}

/** The facilitator moves the phase and records the group's prediction and next level of work. */
export function updateDebrief(
  token: string,
  roundId: string,
  input: DebriefUpdate,
): Promise<ApiResult<Debrief>> {
  return request(token, 'PUT', debriefPath(roundId), DebriefSchema, input);
}

/** A writer adds one of their own notes from this round as an evidence card (only its text travels). */
export function addDebriefCard(token: string, roundId: string, noteId: string): Promise<ApiResult<Debrief>> {
  return request(token, 'POST', `${debriefPath(roundId)}/cards`, DebriefSchema, {
    noteId,
  } satisfies DebriefCardInput);
}

/** The facilitator groups a card into a pattern, or takes it out of any pattern (`null`). */
export function moveDebriefCard(
  token: string,
  roundId: string,
  cardId: string,
  patternId: string | null,
): Promise<ApiResult<Debrief>> {
  return request(token, 'PUT', `${debriefPath(roundId)}/cards/${encodeURIComponent(cardId)}`, DebriefSchema, {
    patternId,
  } satisfies DebriefCardMove);
}

/** Takes a card out of the debrief (its writer, or the facilitator). */
export function withdrawDebriefCard(
  token: string,
  roundId: string,
  cardId: string,
): Promise<ApiResult<Debrief>> {
  return request(
    token,
    'DELETE',
    `${debriefPath(roundId)}/cards/${encodeURIComponent(cardId)}`,
    DebriefSchema,
  );
}

export function addDebriefPattern(token: string, roundId: string, name: string): Promise<ApiResult<Debrief>> {
  return request(token, 'POST', `${debriefPath(roundId)}/patterns`, DebriefSchema, {
    name,
  } satisfies DebriefPatternInput);
}

// ——— Evidence notes, thanks, retention and the school picture ———

export type { Note, NotePrompt, Picture, Retention };

/** Notes about my room (`about`, with each writer's name) or the notes I wrote (`written`), optionally for one visit. */
export function listNotes(
  token: string,
  which: 'about' | 'written',
  visitId?: string,
): Promise<ApiResult<{ items: Note[]; expiresOn: string }>> {
  const params = new URLSearchParams({ which });
  if (visitId) params.set('visitId', visitId);
  return request(token, 'GET', `/api/notes?${params}`, NoteListSchema);
}

/** `confirmFlags`: the writer saw the linter's judgement or guess flags and saves anyway (never for names). */
/** The public key the room page seals notes with while they wait on the phone (shared/sealed-note.ts). */
export function getRoomNoteKey(token: string): Promise<ApiResult<RoomNoteKey>> {
  return request(token, 'GET', '/api/room/note-key', RoomNoteKeySchema);
}

/** A sealed note from the phone, sent once per client id (a resend answers the stored note). */
export function sendRoomNote(
  token: string,
  body: RoomNoteSend,
  fetchImpl: Fetch = fetch,
): Promise<ApiResult<Note>> {
  return request(token, 'POST', '/api/room/notes', NoteSchema, body, fetchImpl);
}

export function writeNote(token: string, input: NoteInput): Promise<ApiResult<Note>> {
  return request(token, 'POST', '/api/notes', NoteSchema, input);
}

export function editNote(token: string, id: string, input: NoteEditInput): Promise<ApiResult<Note>> {
  return request(token, 'PATCH', `/api/notes/${encodeURIComponent(id)}`, NoteSchema, input);
}

/** Deletes a note for good (its host or its writer). */
export function deleteNote(token: string, id: string): Promise<ApiResult<undefined>> {
  return request(token, 'DELETE', `/api/notes/${encodeURIComponent(id)}`, z.undefined());
}

export function markNoteUseful(token: string, id: string, useful: boolean): Promise<ApiResult<Note>> {
  return request(token, 'POST', `/api/notes/${encodeURIComponent(id)}/useful`, NoteSchema, {
    useful,
  } satisfies UsefulInput);
}

/** The host thanks the visitor of one visit (the visit id a note about the host's room carries). */
export function thankVisitor(token: string, visitId: string, message: string): Promise<ApiResult<undefined>> {
  return request(token, 'POST', `/api/visits/${encodeURIComponent(visitId)}/thanks`, z.undefined(), {
    message,
  } satisfies ThanksInput);
}

export function getRetention(token: string): Promise<ApiResult<Retention>> {
  return request(token, 'GET', '/api/notes/retention', RetentionSchema);
}

export function putRetention(token: string, expiresOn: string): Promise<ApiResult<Retention>> {
  return request(token, 'PUT', '/api/notes/retention', RetentionSchema, { expiresOn } satisfies Retention);
}

export function getPicture(token: string, by: Picture['by']): Promise<ApiResult<Picture>> {
  return request(token, 'GET', `/api/picture?by=${by}`, PictureSchema);
}

/** The picture as a CSV file (fetched with the bearer token, like the .ics files). */
export async function downloadPictureCsv(token: string, by: Picture['by']): Promise<ApiResult<Blob>> {
  const r = await requestText(token, `/api/picture.csv?by=${by}`);
  return r.ok ? { ok: true, data: new Blob([r.data], { type: 'text/csv;charset=utf-8' }) } : r;
}

// ——— The reflective dialogue after a visit ———

export type { Dialogue, DialogueEntry, DialoguePart };

/** A visit's dialogue thread (its host and its visitors only), by the visited door. */
export function getDialogue(token: string, doorId: string): Promise<ApiResult<Dialogue>> {
  return request(token, 'GET', `/api/doors/${encodeURIComponent(doorId)}/dialogue`, DialogueSchema);
}

/** Adds the asker's entry for one part; each part is written once. */
export function writeDialogue(
  token: string,
  doorId: string,
  input: DialogueEntryInput,
): Promise<ApiResult<Dialogue>> {
  return request(token, 'POST', `/api/doors/${encodeURIComponent(doorId)}/dialogue`, DialogueSchema, input);
}

// ——— Hosts in a round's decisions, and the picture of finished rounds ———

export type { FinishedRoundPictures, HostNotice, RoundHosting };

const hostPath = (roundId: string) => `/api/rounds/${encodeURIComponent(roundId)}/host`;

/** A round as one of its hosts sees it: their room's slots, the look-fors to choose from, their choice. */
export function getRoundHosting(token: string, roundId: string): Promise<ApiResult<RoundHosting>> {
  return request(token, 'GET', hostPath(roundId), RoundHostingSchema);
}

export function putHostLookFor(
  token: string,
  roundId: string,
  input: HostLookForInput,
): Promise<ApiResult<RoundHosting>> {
  return request(token, 'PUT', `${hostPath(roundId)}/look-for`, RoundHostingSchema, input);
}

/** The host goes back to the round's look-for: their own choice is forgotten. */
export function resetHostLookFor(token: string, roundId: string): Promise<ApiResult<RoundHosting>> {
  return request(token, 'DELETE', `${hostPath(roundId)}/look-for`, RoundHostingSchema);
}

/** The host declines one slot of their room, saying why (the coach reads it). */
export function declineSlot(token: string, doorId: string, reason: string): Promise<ApiResult<RoundHosting>> {
  return request(token, 'POST', `/api/doors/${encodeURIComponent(doorId)}/decline`, RoundHostingSchema, {
    reason,
  } satisfies DeclineInput);
}

/** The coach moves a declined slot's group to another colleague's room. */
export function replanDecline(
  token: string,
  roundId: string,
  declineId: string,
  input: ReplanInput,
): Promise<ApiResult<Round>> {
  return request(
    token,
    'POST',
    `/api/rounds/${encodeURIComponent(roundId)}/declines/${encodeURIComponent(declineId)}/replan`,
    RoundSchema,
    input,
  );
}

export function listHostNotices(token: string): Promise<ApiResult<{ items: HostNotice[] }>> {
  return request(token, 'GET', '/api/host-notices', HostNoticeListSchema);
}

export function dismissHostNotice(token: string, id: string): Promise<ApiResult<undefined>> {
  return request(token, 'POST', `/api/host-notices/${encodeURIComponent(id)}/seen`, z.undefined());
}

/** The school picture of finished rounds (every teacher and coach). */
export function getFinishedRoundPictures(token: string): Promise<ApiResult<FinishedRoundPictures>> {
  return request(token, 'GET', '/api/picture/rounds', FinishedRoundPicturesSchema);
}
