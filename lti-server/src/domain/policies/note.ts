import { coachesOnly, type Policy, type Rule, type Who } from './policy';

export interface NoteRecord {
  kind: 'note';
  hostId: string;
  writerId: string;
}

export const note = (row: { hostId: string; writerId: string }): NoteRecord => ({
  kind: 'note',
  hostId: row.hostId,
  writerId: row.writerId,
});

const isHost = (actor: Who, n: NoteRecord | undefined) => n?.hostId === actor.personId;
const isWriter = (actor: Who, n: NoteRecord | undefined) => n?.writerId === actor.personId;

/** A note belongs to the visited teacher: nobody else reads it, coaches included (they see only the picture). */
const readers: Rule<NoteRecord> = {
  allows: (actor, n) => isHost(actor, n) || isWriter(actor, n),
  message: 'errors.policy.note-readers',
};

export const notePolicy = {
  read: [readers],
  remove: [readers],
  edit: [readers, { allows: isWriter, message: 'errors.policy.note-edit' }],
  'mark-useful': [readers, { allows: isHost, message: 'errors.policy.note-useful' }],
} satisfies Policy<NoteRecord>;

/** How long every note is kept, school-wide. */
export const retentionPolicy = {
  change: [coachesOnly('errors.policy.retention')],
} satisfies Policy<never>;
