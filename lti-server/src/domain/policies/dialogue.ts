import type { Policy, Rule, Who } from './policy';

/** A visit's reflective-dialogue thread: its host and the visitors booked into that visit. */
export interface DialogueRecord {
  kind: 'dialogue';
  hostId: string;
  visitorIds: readonly string[];
}

export const dialogue = (row: { hostId: string; visitorIds: readonly string[] }): DialogueRecord => ({
  kind: 'dialogue',
  hostId: row.hostId,
  visitorIds: row.visitorIds,
});

const isHost = (actor: Who, d: DialogueRecord | undefined) => d?.hostId === actor.personId;
const isVisitor = (actor: Who, d: DialogueRecord | undefined) => !!d?.visitorIds.includes(actor.personId);

/** Like notes, and stricter: only the people who were in the room; coaches and other teachers never. */
const parties: Rule<DialogueRecord> = {
  allows: (actor, d) => isHost(actor, d) || isVisitor(actor, d),
  message: 'errors.policy.dialogue-private',
};

export const dialoguePolicy = {
  read: [parties],
  'write-visitor-part': [parties, { allows: isVisitor, message: 'errors.policy.dialogue-visitor-part' }],
  'write-host-part': [
    parties,
    {
      allows: isHost,
      message: 'errors.policy.dialogue-host-part',
    },
  ],
} satisfies Policy<DialogueRecord>;
