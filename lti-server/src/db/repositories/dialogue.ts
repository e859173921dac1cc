import type { Kysely } from 'kysely';
import type { Database, DialogueEntryTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** One entry of a visit's reflective dialogue. */
export interface StoredDialogueEntry {
  id: string;
  networkId: string;
  doorId: string;
  hostId: string;
  authorId: string;
  part: DialogueEntryTable['part'];
  text: string;
  createdAt: string;
  expiresAt: string;
}

export interface DialogueEntryDetail extends StoredDialogueEntry {
  authorName: string;
}

/** The people a door's thread belongs to: its host and the visitors booked into it (not those who canceled). */
export async function dialogueVisitorIds(scope: TenantScope, doorId: string): Promise<string[]> {
  const rows = await scope
    .selectFrom('visits')
    .select('visitor_id')
    .where('door_id', '=', doorId)
    .where('status', '=', 'booked')
    .execute();
  return rows.map((r) => r.visitor_id);
}

/**
 * A door's unexpired entries, for a reader who is one of its parties: the host or a booked visitor. The query keeps
 * its own filter (the reader is the host or holds a booked visit of the door) so it never hands out more than the
 * policy allows.
 */
export async function dialogueEntries(
  scope: TenantScope,
  doorId: string,
  readerId: string,
  now: string,
): Promise<DialogueEntryDetail[]> {
  const rows = await scope
    .selectFrom('dialogue_entries')
    .innerJoin('people', 'people.id', 'dialogue_entries.author_id')
    .selectAll('dialogue_entries')
    .select('people.name as author_name')
    .where('dialogue_entries.door_id', '=', doorId)
    .where('dialogue_entries.expires_at', '>', now)
    .where((eb) =>
      eb.or([
        eb('dialogue_entries.host_id', '=', readerId),
        eb(
          'dialogue_entries.door_id',
          'in',
          scope
            .selectFrom('visits')
            .select('visits.door_id')
            .where('visits.visitor_id', '=', readerId)
            .where('visits.status', '=', 'booked'),
        ),
      ]),
    )
    .orderBy('dialogue_entries.created_at')
    .orderBy('dialogue_entries.id')
    .limit(200)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    networkId: row.network_id,
    doorId: row.door_id,
    hostId: row.host_id,
    authorId: row.author_id,
    part: row.part,
    text: row.text,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    authorName: row.author_name,
  }));
}

/** Adds an entry; false when the author already wrote this part for this door (entries are written once). */
export async function insertDialogueEntry(scope: TenantScope, entry: StoredDialogueEntry): Promise<boolean> {
  const written = () =>
    scope
      .selectFrom('dialogue_entries')
      .select('id')
      .where('door_id', '=', entry.doorId)
      .where('author_id', '=', entry.authorId)
      .where('part', '=', entry.part)
      .executeTakeFirst();
  if (await written()) return false;
  try {
    await scope
      .insertInto('dialogue_entries', {
        id: entry.id,
        network_id: entry.networkId,
        door_id: entry.doorId,
        host_id: entry.hostId,
        author_id: entry.authorId,
        part: entry.part,
        text: entry.text,
        created_at: entry.createdAt,
        expires_at: entry.expiresAt,
      })
      .execute();
    return true;
  } catch (error) {
    // Two saves of the same part at once: the unique constraint lets one in; the other is "already written".
    if (await written()) return false;
    throw error;
  }
}

/** The retention job: deletes every expired dialogue entry, in every school. */
export async function purgeExpiredDialogue(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db.deleteFrom('dialogue_entries').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
