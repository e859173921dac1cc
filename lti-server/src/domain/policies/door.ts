import type { Policy, Who } from './policy';

export interface DoorRecord {
  kind: 'door';
  hostId: string;
}

export const door = (row: { hostId: string }): DoorRecord => ({ kind: 'door', hostId: row.hostId });

const isHost = (actor: Who, d: DoorRecord | undefined) => d?.hostId === actor.personId;

/**
 * An open door is its host's: they cancel it; everyone else, and only they, may book a seat. A round's classroom is
 * its host's too: they decline a slot and choose what visitors look for there.
 */
export const doorPolicy = {
  cancel: [{ allows: isHost, message: 'Only the host can cancel an open door.' }],
  decline: [{ allows: isHost, message: 'Only the teacher whose room it is can decline a round slot.' }],
  'choose-look-for': [
    { allows: isHost, message: 'Only the teacher whose room it is chooses what visitors look for there.' },
  ],
  book: [
    {
      allows: (actor, d) => d !== undefined && !isHost(actor, d),
      message: 'This is your own open door: you host it.',
    },
  ],
} satisfies Policy<DoorRecord>;
