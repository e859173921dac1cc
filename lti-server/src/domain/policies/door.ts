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
  cancel: [{ allows: isHost, message: 'errors.policy.cancel-door' }],
  decline: [{ allows: isHost, message: 'errors.policy.decline-slot' }],
  'choose-look-for': [{ allows: isHost, message: 'errors.policy.choose-look-for' }],
  book: [
    {
      allows: (actor, d) => d !== undefined && !isHost(actor, d),
      message: 'errors.policy.own-door',
    },
  ],
} satisfies Policy<DoorRecord>;
