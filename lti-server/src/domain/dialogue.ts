import { randomUUID } from 'node:crypto';
import type { DialogueEntryData, DialoguePart } from '../../../shared/dialogue';
import { HOST_PARTS, VISITOR_PARTS } from '../../../shared/dialogue';
import { ConflictError, NotFoundError } from '../../../shared/errors';
import {
  type DialogueEntryDetail,
  dialogueEntries,
  dialogueVisitorIds,
  insertDialogueEntry,
} from '../db/repositories/dialogue';
import { type DoorDetail, findDoor } from '../db/repositories/doors';
import type { Actor } from './actor';
import { checkText, retention } from './notes';
import { authorize, can, dialogue } from './policies';

export interface DialogueThread {
  door: DoorDetail;
  role: 'host' | 'visitor';
  open: boolean;
  canWrite: DialoguePart[];
  entries: DialogueEntryDetail[];
  expiresOn: string;
}

const endOfDay = (date: string) => `${date}T23:59:59.999Z`;

/**
 * The door and its parties, when the actor is one of them. Anyone else (a coach, another teacher, another school)
 * gets 404 as for someone else's visit: the thread's existence is not theirs to learn.
 */
async function threadOf(actor: Actor, doorId: string) {
  const door = await findDoor(actor.scope, doorId);
  if (!door || door.networkId !== actor.networkId) throw new NotFoundError('errors.not-found.visit');
  const record = dialogue({
    hostId: door.hostId,
    visitorIds: await dialogueVisitorIds(actor.scope, door.id),
  });
  if (!can(actor, 'read', record)) throw new NotFoundError('errors.not-found.visit');
  return { door, record };
}

/** The thread opens once the visit has ended: it is a reflection after the lesson, not notes during it. */
const isOpen = (door: DoorDetail, now: Date) =>
  door.status === 'open' && Date.parse(door.endsAt) <= now.getTime();

export async function readDialogue(actor: Actor, doorId: string, now: Date): Promise<DialogueThread> {
  const { door, record } = await threadOf(actor, doorId);
  authorize(actor, 'read', record);
  const entries = await dialogueEntries(actor.scope, door.id, actor.personId, now.toISOString());
  const role = door.hostId === actor.personId ? 'host' : 'visitor';
  const open = isOpen(door, now);
  const mineDone = new Set(entries.filter((e) => e.authorId === actor.personId).map((e) => e.part));
  const parts: readonly DialoguePart[] = role === 'host' ? HOST_PARTS : VISITOR_PARTS;
  return {
    door,
    role,
    open,
    canWrite: open ? parts.filter((p) => !mineDone.has(p)) : [],
    entries,
    expiresOn: (await retention(actor, now)).expiresOn,
  };
}

/**
 * Every part is checked for names (no student or colleague is ever named); "noticed" is the visitors' evidence, so it
 * also gets the notes' judgment and inference check, saved only once the writer confirms. "Wondering", the reply and
 * the next step are reflective by nature: asking why or planning is what they are for.
 */
const checkPart = (actor: Actor, part: DialoguePart, text: string, confirmed: boolean) =>
  checkText(actor, text, confirmed, {
    neverNames: 'errors.dialogue.never-names',
    readsAs: 'errors.dialogue.reads-as',
    namesOnly: part !== 'noticed',
  });

/** Adds the actor's entry for one part; each part is written once (append-only), after the visit has ended. */
export async function writeDialogue(
  actor: Actor,
  doorId: string,
  data: DialogueEntryData,
  now: Date,
): Promise<DialogueThread> {
  const { door, record } = await threadOf(actor, doorId);
  const hostPart = (HOST_PARTS as readonly string[]).includes(data.part);
  authorize(actor, hostPart ? 'write-host-part' : 'write-visitor-part', record);
  if (door.status !== 'open') throw new ConflictError('CONFLICT', 'errors.dialogue.canceled');
  if (Date.parse(door.endsAt) > now.getTime()) throw new ConflictError('CONFLICT', 'errors.dialogue.not-yet');
  await checkPart(actor, data.part, data.text, data.confirmFlags);
  const stamp = now.toISOString();
  const added = await insertDialogueEntry(actor.scope, {
    id: randomUUID(),
    networkId: door.networkId,
    doorId: door.id,
    hostId: door.hostId,
    authorId: actor.personId,
    part: data.part,
    text: data.text,
    createdAt: stamp,
    expiresAt: endOfDay((await retention(actor, now)).expiresOn),
  });
  if (!added) throw new ConflictError('CONFLICT', 'errors.dialogue.written');
  return readDialogue(actor, doorId, now);
}
