import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors';
import type {
  Debrief,
  DebriefCardInput,
  DebriefCardMove,
  DebriefPatternInput,
  DebriefUpdate,
} from '../../../shared/rounds';
import {
  cardsOf,
  deleteCard,
  findCard,
  insertCard,
  insertPattern,
  moveCard,
  patternsOf,
  updateDebrief,
} from '../db/repositories/debrief';
import { findDoor } from '../db/repositories/doors';
import { readableNote } from '../db/repositories/notes';
import { findRound, type RoundRow } from '../db/repositories/rounds';
import type { Actor } from './actor';
import { authorize, can, card as cardRecord } from './policies';

interface Access {
  round: RoundRow;
  facilitator: boolean;
}

/** Who is in the room: the round's participants and hosts, and the school's coaches (who facilitate). */
async function access(actor: Actor, roundId: string): Promise<Access> {
  const round = await findRound(actor.scope, roundId);
  if (!round || round.network_id !== actor.networkId) throw new NotFoundError('Round');
  const facilitator = can(actor, 'facilitate', 'debrief');
  const members = new Set([
    ...(JSON.parse(round.participants) as string[]),
    ...(JSON.parse(round.hosts) as Array<{ id: string }>).map((h) => h.id),
  ]);
  if (!facilitator && !members.has(actor.personId)) throw new NotFoundError('Round');
  if (round.status !== 'published')
    throw new ConflictError('CONFLICT', 'The debrief opens once the round is published.');
  return { round, facilitator };
}

export async function getDebrief(actor: Actor, roundId: string): Promise<Debrief> {
  const { round, facilitator } = await access(actor, roundId);
  const [cards, patterns] = await Promise.all([
    cardsOf(actor.scope, roundId),
    patternsOf(actor.scope, roundId),
  ]);
  return {
    roundId,
    title: round.title,
    focus: { kind: round.focus_kind, value: round.focus_value },
    phase: round.debrief_phase,
    facilitator,
    cards: cards.map((c) => ({
      id: c.id,
      text: c.text,
      patternId: c.pattern_id,
      mine: c.author_id === actor.personId,
    })),
    patterns: patterns.map((p) => ({ id: p.id, name: p.name })),
    prediction: round.prediction,
    nextLevel: round.next_level,
    summarizedAt: round.summarized_at,
  };
}

/** A writer adds one of their own notes from a visit of this round; only its text travels, not who or where. */
export async function addCard(
  actor: Actor,
  roundId: string,
  { noteId }: DebriefCardInput,
  now: Date,
): Promise<Debrief> {
  await access(actor, roundId);
  const note = await readableNote(actor.scope, actor.personId, noteId, now.toISOString());
  if (!note || note.writer_id !== actor.personId) throw new NotFoundError('Note');
  const door = await findDoor(actor.scope, note.door_id);
  if (door?.round_id !== roundId)
    throw new ValidationError('That note is about a visit of another round or an open door.', [
      { path: 'noteId', message: 'not a note from this round' },
    ]);
  await insertCard(actor.scope, {
    id: randomUUID(),
    round_id: roundId,
    author_id: actor.personId,
    source_note_id: noteId,
    text: note.text,
    pattern_id: null,
    created_at: now.toISOString(),
  });
  return getDebrief(actor, roundId);
}

export async function withdrawCard(actor: Actor, roundId: string, cardId: string): Promise<Debrief> {
  await access(actor, roundId);
  const card = await findCard(actor.scope, roundId, cardId);
  if (!card) throw new NotFoundError('Card');
  authorize(actor, 'withdraw', cardRecord(card));
  await deleteCard(actor.scope, cardId);
  return getDebrief(actor, roundId);
}

export async function addPattern(
  actor: Actor,
  roundId: string,
  { name }: DebriefPatternInput,
  now: Date,
): Promise<Debrief> {
  await access(actor, roundId);
  authorize(actor, 'facilitate', 'debrief');
  await insertPattern(actor.scope, {
    id: randomUUID(),
    round_id: roundId,
    name,
    created_at: now.toISOString(),
  });
  return getDebrief(actor, roundId);
}

export async function groupCard(
  actor: Actor,
  roundId: string,
  cardId: string,
  { patternId }: DebriefCardMove,
): Promise<Debrief> {
  await access(actor, roundId);
  authorize(actor, 'facilitate', 'debrief');
  if (!(await findCard(actor.scope, roundId, cardId))) throw new NotFoundError('Card');
  if (patternId && !(await patternsOf(actor.scope, roundId)).some((p) => p.id === patternId))
    throw new ValidationError('That pattern is not in this debrief.', [
      { path: 'patternId', message: 'unknown pattern' },
    ]);
  await moveCard(actor.scope, cardId, patternId);
  return getDebrief(actor, roundId);
}

/** The facilitator moves the phase and records the group's prediction and next level of work; "done" saves it. */
export async function updateDebriefPhase(
  actor: Actor,
  roundId: string,
  data: DebriefUpdate,
  now: Date,
): Promise<Debrief> {
  await access(actor, roundId);
  authorize(actor, 'facilitate', 'debrief');
  const stamp = now.toISOString();
  await updateDebrief(actor.scope, roundId, {
    ...(data.phase ? { debrief_phase: data.phase } : {}),
    ...(data.prediction !== undefined ? { prediction: data.prediction || null } : {}),
    ...(data.nextLevel !== undefined ? { next_level: data.nextLevel || null } : {}),
    ...(data.phase === 'done' ? { summarized_at: stamp } : {}),
    updated_at: stamp,
  });
  return getDebrief(actor, roundId);
}
