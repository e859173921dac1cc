import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  type FieldProblem,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../../../shared/errors';
import type { MessageKey } from '../../../shared/i18n';
import { blocksSave, lintNote, type NoteFlag } from '../../../shared/note-linter';
import type { NoteData, NoteEdit, Retention, ThanksInput, UsefulInput } from '../../../shared/notes';
import { findDoor } from '../db/repositories/doors';
import {
  deleteNote,
  findNoteIdByClientId,
  insertNote,
  type NoteDetail,
  noteParties,
  readableNote,
  readableNotes,
  retentionOf,
  setRetention,
  setUseful,
  thankVisitor,
  updateNoteText,
} from '../db/repositories/notes';
import { staffOf } from '../db/repositories/people';
import { findVisit } from '../db/repositories/visits';
import type { Actor } from './actor';
import { visitsWithExpiredNotesOf } from '../db/repositories/picture';
import { addNoteToPicture, lockPicture, lockTenantPicture, refreshPictureVisits } from './picture';
import { authorize, note } from './policies';

export type { NoteDetail };

/** Without a coach's choice, notes last until the end of the current term: 31 January or 30 June. */
export function defaultExpiresOn(now: Date): string {
  const year = now.getUTCFullYear();
  const today = now.toISOString().slice(0, 10);
  return [`${year}-01-31`, `${year}-06-30`, `${year + 1}-01-31`].find((d) => d > today)!;
}

const endOfDay = (date: string) => `${date}T23:59:59.999Z`;

export async function retention(actor: Actor, now: Date): Promise<Retention> {
  return { expiresOn: (await retentionOf(actor.scope)) ?? defaultExpiresOn(now) };
}

export async function changeRetention(actor: Actor, { expiresOn }: Retention, now: Date): Promise<Retention> {
  authorize(actor, 'change', 'retention');
  const today = now.toISOString().slice(0, 10);
  const limit = `${now.getUTCFullYear() + 2}${today.slice(4)}`;
  if (expiresOn < today || expiresOn > limit || Number.isNaN(Date.parse(expiresOn)))
    throw new ValidationError('errors.note.expiry', [
      { path: 'expiresOn', message: { key: 'errors.note.expiry-field', params: { today, limit } } },
    ]);
  await actor.scope.transaction(async (scope) => {
    await lockTenantPicture(scope);
    // Notes past their expiry that the hourly job has not deleted yet take the new date too, and count again.
    const revived = await visitsWithExpiredNotesOf(scope, now.toISOString());
    await setRetention(scope, expiresOn, endOfDay(expiresOn), actor.personId, now.toISOString());
    await refreshPictureVisits(scope, revived, now);
  });
  return { expiresOn };
}

/** Names the linter must flag: everyone on staff the tool knows (teachers and coaches of this school). */
async function rosterNames(actor: Actor): Promise<string[]> {
  return (await staffOf(actor.scope)).map((p) => p.name);
}

/** What a checked text is called in the refusals: a note, or a part of the reflective dialogue. */
export interface CheckedText {
  /** "Notes never name people: remove the names, then save." … */
  neverNames: MessageKey;
  /** "This note reads as a judgment or a guess. Rephrase it…" … */
  readsAs: MessageKey;
  /** Only names are checked (reflective parts, where wondering and planning are what they are for). */
  namesOnly?: boolean;
}

/** Why a visitor canceled a round visit: read by the coach, so it never names anyone (a student, a colleague). */
export const CANCEL_REASON_TEXT: CheckedText = {
  neverNames: 'errors.cancel-reason.never-names',
  readsAs: 'errors.cancel-reason.reads-as',
  namesOnly: true,
};

const NOTE_TEXT: CheckedText = {
  neverNames: 'errors.note.never-names',
  readsAs: 'errors.note.reads-as',
};

/**
 * The note linter at the server, for notes and the reflective dialogue alike: names can never be saved; judgments and
 * inferences only after the writer confirms, having seen why.
 */
export async function checkText(
  actor: Actor,
  text: string,
  confirmed: boolean,
  what: CheckedText = NOTE_TEXT,
): Promise<void> {
  const names = await rosterNames(actor);
  const keep = (f: NoteFlag) => !what.namesOnly || f.kind === 'name';
  const flags = lintNote(text, { names }).filter(keep);
  if (flags.length === 0) return;
  // The linter words its flags itself, in the interface's language: both are kept, and the answer picks the asker's.
  const spanish = lintNote(text, { names, language: 'es' }).filter(keep);
  const fields = flags.map(
    (f, i): FieldProblem => ({
      path: 'text',
      message: {
        key: 'errors.note.flag',
        params: {
          excerpt: text.slice(f.start, f.end),
          message: { each: { en: f.message, es: spanish[i]?.message ?? f.message } },
        },
      },
    }),
  );
  if (blocksSave(flags))
    throw new UnprocessableError(
      'NOTE_FLAGGED',
      what.neverNames,
      fields.filter((_f, i) => flags[i]!.kind === 'name'),
    );
  if (!confirmed) throw new UnprocessableError('NOTE_FLAGGED', what.readsAs, fields);
}

export async function writeNote(actor: Actor, data: NoteData, now: Date): Promise<NoteDetail> {
  return (await writeNoteOnce(actor, data, now)).note;
}

/**
 * Writes a note; with the writer's device's `clientId` (the room note mode's outbox), at most once: sending it again,
 * after an answer lost to a dropped connection, returns the stored note (`created: false`), also when the two sends
 * race (the unique index on the client id refuses the second insert).
 */
export async function writeNoteOnce(
  actor: Actor,
  data: NoteData,
  now: Date,
  clientId?: string,
): Promise<{ note: NoteDetail; created: boolean }> {
  if (clientId) {
    const sent = await noteSentBefore(actor, clientId, now);
    if (sent) return { note: sent, created: false };
  }
  const visit = await findVisit(actor.scope, data.visitId);
  if (!visit || visit.visitorId !== actor.personId) throw new NotFoundError('errors.not-found.visit');
  if (visit.status !== 'booked') throw new ConflictError('CONFLICT', 'errors.note.visit-canceled');
  if (Date.parse(visit.startsAt) > now.getTime())
    throw new ConflictError('CONFLICT', 'errors.note.too-early');
  const door = await findDoor(actor.scope, visit.doorId);
  if (!door) throw new NotFoundError('errors.not-found.visit');
  await checkText(actor, data.text, data.confirmFlags);
  const stamp = now.toISOString();
  const id = randomUUID();
  const expiresAt = endOfDay((await retention(actor, now)).expiresOn);
  try {
    await actor.scope.transaction(async (scope) => {
      await lockPicture(scope, door.networkId);
      await insertNote(scope, {
        id,
        networkId: door.networkId,
        visitId: visit.id,
        doorId: door.id,
        hostId: door.hostId,
        writerId: actor.personId,
        prompt: data.prompt,
        text: data.text,
        useful: false,
        createdAt: stamp,
        updatedAt: stamp,
        expiresAt,
        clientId: clientId ?? null,
      });
      await addNoteToPicture(scope, visit.id, data.text, now);
    });
  } catch (error) {
    // The same note, sent twice at once: the other send stored it.
    const sent = clientId ? await noteSentBefore(actor, clientId, now) : undefined;
    if (sent) return { note: sent, created: false };
    throw error;
  }
  return { note: (await readableNote(actor.scope, actor.personId, id, stamp))!, created: true };
}

/** The note the writer's device already sent under `clientId`. */
export async function noteSentBefore(
  actor: Actor,
  clientId: string,
  now: Date,
): Promise<NoteDetail | undefined> {
  const id = await findNoteIdByClientId(actor.scope, actor.personId, clientId);
  if (!id) return undefined;
  const stored = await readableNote(actor.scope, actor.personId, id, now.toISOString());
  if (!stored) throw new ConflictError('CONFLICT', 'errors.note.expired');
  return stored;
}

/** A note the actor may read (host or writer); anyone else gets 403 when it exists, so the rule is visible. */
async function readable(actor: Actor, id: string, now: Date): Promise<NoteDetail> {
  const parties = await noteParties(actor.scope, id, now.toISOString());
  if (!parties) throw new NotFoundError('errors.not-found.note');
  authorize(actor, 'read', note(parties));
  // The query keeps its own host-or-writer filter: the policy decides, the SQL never hands out more.
  const row = await readableNote(actor.scope, actor.personId, id, now.toISOString());
  if (!row) throw new NotFoundError('errors.not-found.note');
  return row;
}

export const getNote = readable;

export async function editNote(actor: Actor, id: string, data: NoteEdit, now: Date): Promise<NoteDetail> {
  const row = await readable(actor, id, now);
  authorize(actor, 'edit', note(row));
  await checkText(actor, data.text, data.confirmFlags);
  await actor.scope.transaction(async (scope) => {
    await lockPicture(scope, row.networkId);
    await updateNoteText(scope, id, actor.personId, data.text, now.toISOString());
    await refreshPictureVisits(scope, [row.visitId], now);
  });
  return readable(actor, id, now);
}

export async function removeNote(actor: Actor, id: string, now: Date): Promise<void> {
  const row = await readable(actor, id, now);
  authorize(actor, 'remove', note(row));
  await actor.scope.transaction(async (scope) => {
    await lockPicture(scope, row.networkId);
    await deleteNote(scope, id, actor.personId);
    await refreshPictureVisits(scope, [row.visitId], now);
  });
}

export async function markUseful(
  actor: Actor,
  id: string,
  { useful }: UsefulInput,
  now: Date,
): Promise<NoteDetail> {
  const row = await readable(actor, id, now);
  authorize(actor, 'mark-useful', note(row));
  await setUseful(actor.scope, id, actor.personId, useful, now.toISOString());
  return readable(actor, id, now);
}

export async function listNotes(
  actor: Actor,
  which: 'about' | 'written',
  now: Date,
  visitId?: string,
): Promise<NoteDetail[]> {
  return readableNotes(actor.scope, actor.personId, which, now.toISOString(), visitId);
}

/** The host thanks one of their visitors; the visitor sees it in My visits. */
export async function thankForVisit(
  actor: Actor,
  visitId: string,
  { message }: ThanksInput,
  now: Date,
): Promise<void> {
  const visit = await findVisit(actor.scope, visitId);
  const door = visit ? await findDoor(actor.scope, visit.doorId) : undefined;
  if (!visit || !door || door.hostId !== actor.personId) throw new NotFoundError('errors.not-found.visit');
  await thankVisitor(actor.scope, visitId, message, now.toISOString());
}
