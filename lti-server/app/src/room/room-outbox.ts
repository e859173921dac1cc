import Dexie, { type EntityTable } from 'dexie';
import { type RoomVisitSnapshot, RoomVisitSnapshotSchema } from '../../../../shared/room';
import {
  type PendingRoomNote,
  PendingRoomNoteSchema,
  type RoomNoteKey,
  RoomNoteKeySchema,
} from '../../../../shared/sealed-note';

interface KeyRow extends RoomNoteKey {
  id: 'current';
}

/**
 * The room page's own database on the phone (IndexedDB through Dexie): the notes not yet sent, sealed
 * (shared/sealed-note.ts); the public key of the room session they are sealed for; and my visits as the page last
 * saw them, so it opens offline. Nothing here can be read back as a note: only the server opens a seal. Schema
 * versions are only ever added.
 */
export class RoomDb extends Dexie {
  outbox!: EntityTable<PendingRoomNote, 'clientId'>;
  keys!: EntityTable<KeyRow, 'id'>;
  visits!: EntityTable<RoomVisitSnapshot, 'id'>;

  constructor(name = 'tasting-menu-room') {
    super(name);
    this.version(1).stores({ outbox: 'clientId, visitId, createdAt', keys: 'id', visits: 'id' });
  }
}

/** Rows read back are checked like any other input: a row that does not parse is left out, never trusted. */
function valid<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) {
  return (rows: unknown[]): T[] =>
    rows.flatMap((row) => {
      const parsed = schema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
}

/** The only module that touches the room page's database. */
export function roomOutbox(db: RoomDb = new RoomDb()) {
  return {
    async add(note: PendingRoomNote): Promise<void> {
      await db.outbox.put(PendingRoomNoteSchema.parse(note));
    },
    /** This visit's notes still on the phone, oldest first (all visits' without an id). */
    async list(visitId?: string): Promise<PendingRoomNote[]> {
      const rows = visitId
        ? await db.outbox.where('visitId').equals(visitId).sortBy('createdAt')
        : await db.outbox.orderBy('createdAt').toArray();
      return valid(PendingRoomNoteSchema)(rows);
    },
    /** The server has it: the phone keeps nothing of it. */
    async remove(clientId: string): Promise<void> {
      await db.outbox.delete(clientId);
    },
    async markFailed(clientId: string, error: string): Promise<void> {
      await db.outbox.update(clientId, { status: 'failed', error });
    },
    async key(): Promise<RoomNoteKey | undefined> {
      const row = await db.keys.get('current');
      const parsed = RoomNoteKeySchema.safeParse(row);
      return parsed.success ? parsed.data : undefined;
    },
    async keepKey(key: RoomNoteKey): Promise<void> {
      await db.keys.put({ id: 'current', ...RoomNoteKeySchema.parse(key) });
    },
    async visit(id: string): Promise<RoomVisitSnapshot | undefined> {
      return valid(RoomVisitSnapshotSchema)([await db.visits.get(id)].filter(Boolean))[0];
    },
    async keepVisit(visit: RoomVisitSnapshot): Promise<void> {
      await db.visits.put(RoomVisitSnapshotSchema.parse(visit));
    },
    /** Signed out, or the session ended: nothing on the phone can be sent or opened any more, so nothing is kept. */
    async forgetAll(): Promise<void> {
      await Promise.all([db.outbox.clear(), db.keys.clear(), db.visits.clear()]);
    },
  };
}
export type RoomOutbox = ReturnType<typeof roomOutbox>;
