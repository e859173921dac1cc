import type { NoteTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** A note: it belongs to the visited teacher (`hostId`); only the host and the writer ever read it. */
export interface StoredNote {
  id: string;
  networkId: string;
  visitId: string;
  doorId: string;
  hostId: string;
  writerId: string;
  prompt: NoteTable['prompt'];
  text: string;
  useful: boolean;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

/** A note with what its readers see of the visit. */
export interface NoteDetail extends StoredNote {
  writerName: string;
  startsAt: string;
  strategyTitle: string | null;
  roundId: string | null;
  roundTitle: string | null;
}

type NoteDetailRow = NoteTable & {
  writer_name: string;
  starts_at: string;
  strategy_title: string | null;
  round_id: string | null;
  round_title: string | null;
};

const toNoteDetail = (row: NoteDetailRow): NoteDetail => ({
  id: row.id,
  networkId: row.network_id,
  visitId: row.visit_id,
  doorId: row.door_id,
  hostId: row.host_id,
  writerId: row.writer_id,
  prompt: row.prompt,
  text: row.text,
  useful: row.useful === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  expiresAt: row.expires_at,
  writerName: row.writer_name,
  startsAt: row.starts_at,
  strategyTitle: row.strategy_title,
  roundId: row.round_id,
  roundTitle: row.round_title,
});

/**
 * The only way notes are read one by one: by a reader who is the note's host or its writer. There is deliberately
 * no query that reads another person's notes (coaches included); the picture reads only aggregates (repositories/picture.ts).
 */
function notesReadableBy(scope: TenantScope, readerId: string, now: string) {
  return scope
    .selectFrom('notes')
    .innerJoin('people', 'people.id', 'notes.writer_id')
    .innerJoin('doors', 'doors.id', 'notes.door_id')
    .leftJoin('strategies', 'strategies.id', 'doors.strategy_id')
    .leftJoin('rounds', 'rounds.id', 'doors.round_id')
    .selectAll('notes')
    .select([
      'people.name as writer_name',
      'doors.starts_at as starts_at',
      'strategies.title as strategy_title',
      'doors.round_id as round_id',
      'rounds.title as round_title',
    ])
    .where((eb) => eb.or([eb('notes.host_id', '=', readerId), eb('notes.writer_id', '=', readerId)]))
    .where('notes.expires_at', '>', now);
}

export async function readableNote(
  scope: TenantScope,
  readerId: string,
  id: string,
  now: string,
): Promise<NoteDetail | undefined> {
  const row = await notesReadableBy(scope, readerId, now).where('notes.id', '=', id).executeTakeFirst();
  return row && toNoteDetail(row);
}

/** Notes about the reader's room (`about`) or written by the reader (`written`), newest visit first. */
export async function readableNotes(
  scope: TenantScope,
  readerId: string,
  which: 'about' | 'written',
  now: string,
  visitId?: string,
): Promise<NoteDetail[]> {
  let q = notesReadableBy(scope, readerId, now).where(
    which === 'about' ? 'notes.host_id' : 'notes.writer_id',
    '=',
    readerId,
  );
  if (visitId) q = q.where('notes.visit_id', '=', visitId);
  const rows = await q.orderBy('doors.starts_at', 'desc').orderBy('notes.created_at').limit(1000).execute();
  return rows.map(toNoteDetail);
}

/** Whose an unexpired note is (visited host, writer): the note policy decides who reads it, 403 rather than 404. */
export async function noteParties(
  scope: TenantScope,
  id: string,
  now: string,
): Promise<{ hostId: string; writerId: string } | undefined> {
  return scope
    .selectFrom('notes')
    .select(['host_id as hostId', 'writer_id as writerId'])
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Inserts a note; `clientId` is the writer's device's id for it (a unique index refuses a second one). */
export async function insertNote(
  scope: TenantScope,
  note: StoredNote & { clientId?: string | null },
): Promise<void> {
  await scope
    .insertInto('notes', {
      id: note.id,
      network_id: note.networkId,
      visit_id: note.visitId,
      door_id: note.doorId,
      host_id: note.hostId,
      writer_id: note.writerId,
      prompt: note.prompt,
      text: note.text,
      useful: note.useful ? 1 : 0,
      created_at: note.createdAt,
      updated_at: note.updatedAt,
      expires_at: note.expiresAt,
      client_id: note.clientId ?? null,
    })
    .execute();
}

/** The note a writer's device already sent under `clientId`, expired or not. */
export async function findNoteIdByClientId(
  scope: TenantScope,
  writerId: string,
  clientId: string,
): Promise<string | undefined> {
  const row = await scope
    .selectFrom('notes')
    .select('id')
    .where('writer_id', '=', writerId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row?.id;
}

export async function updateNoteText(
  scope: TenantScope,
  id: string,
  writerId: string,
  text: string,
  now: string,
) {
  await scope
    .updateTable('notes')
    .set({ text, updated_at: now })
    .where('id', '=', id)
    .where('writer_id', '=', writerId)
    .execute();
}

export async function setUseful(
  scope: TenantScope,
  id: string,
  hostId: string,
  useful: boolean,
  now: string,
) {
  await scope
    .updateTable('notes')
    .set({ useful: useful ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .where('host_id', '=', hostId)
    .execute();
}

/** Deletion is real: the row is gone. Only the host or the writer can do it. */
export async function deleteNote(scope: TenantScope, id: string, readerId: string): Promise<number> {
  const result = await scope
    .deleteFrom('notes')
    .where('id', '=', id)
    .where((eb) => eb.or([eb('host_id', '=', readerId), eb('writer_id', '=', readerId)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function retentionOf(scope: TenantScope): Promise<string | undefined> {
  return (await scope.selectFrom('notes_retention').select('expires_on').executeTakeFirst())?.expires_on;
}

/** Sets the school's retention date and moves every note's (and dialogue entry's) expiry to it. Run it in a transaction. */
export async function setRetention(
  scope: TenantScope,
  expiresOn: string,
  expiresAt: string,
  by: string,
  now: string,
) {
  await scope.deleteFrom('notes_retention').execute();
  await scope
    .insertInto('notes_retention', { expires_on: expiresOn, updated_by: by, updated_at: now })
    .execute();
  await scope.updateTable('notes').set({ expires_at: expiresAt }).execute();
  // The visits' reflective dialogue is kept exactly as long as the notes.
  await scope.updateTable('dialogue_entries').set({ expires_at: expiresAt }).execute();
}

export async function thankVisitor(scope: TenantScope, visitId: string, message: string, now: string) {
  await scope
    .updateTable('visits')
    .set({ thanks_message: message, thanked_at: now, updated_at: now })
    .where('id', '=', visitId)
    .execute();
}
