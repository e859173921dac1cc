import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../../shared/errors';
import type { MessageKey } from '../../../shared/i18n';
import {
  DEBRIEF_PHASES,
  type Debrief,
  type DebriefPhase,
  type DebriefCardInput,
  type DebriefCardMove,
  type DebriefPatternInput,
  type DebriefProgress,
  type DebriefUpdate,
  phaseNeeds,
  phasesPassed,
} from '../../../shared/rounds';
import {
  cardsOf,
  deleteCard,
  findCard,
  insertCard,
  insertPattern,
  insertSkip,
  moveCard,
  patternsOf,
  skipsOf,
  updateDebrief,
} from '../db/repositories/debrief';
import { findDoor } from '../db/repositories/doors';
import { readableNote } from '../db/repositories/notes';
import { roundDoorsOf } from '../db/repositories/round-hosts';
import { findRound, type StoredRound } from '../db/repositories/rounds';
import type { Actor } from './actor';
import { tellHostsPictureFed } from './host-notices';
import { authorize, can, card as cardRecord } from './policies';

interface Access {
  round: StoredRound;
  facilitator: boolean;
}

/**
 * Who is in the room: the round's participants and hosts (a colleague a declined slot was moved to hosts too), and
 * the school's coaches (who facilitate).
 */
/** What a phase still needs before the debrief moves past it (phaseNeeds in shared/rounds.ts, in words). */
const PHASE_NEEDS: Record<DebriefPhase, MessageKey> = {
  description: 'errors.debrief.need.description',
  analysis: 'errors.debrief.need.analysis',
  prediction: 'errors.debrief.need.prediction',
  next: 'errors.debrief.need.next',
  done: 'errors.debrief.need.next',
};

async function access(actor: Actor, roundId: string): Promise<Access> {
  const round = await findRound(actor.scope, roundId);
  if (!round || round.networkId !== actor.networkId) throw new NotFoundError('errors.not-found.round');
  const facilitator = can(actor, 'facilitate', 'debrief');
  const members = new Set([...round.participants, ...round.hosts.map((h) => h.id)]);
  if (
    !facilitator &&
    !members.has(actor.personId) &&
    (await roundDoorsOf(actor.scope, roundId, actor.personId)).length === 0
  )
    throw new NotFoundError('errors.not-found.round');
  if (round.status !== 'published') throw new ConflictError('CONFLICT', 'errors.debrief.not-published');
  return { round, facilitator };
}

export async function getDebrief(actor: Actor, roundId: string): Promise<Debrief> {
  const { round, facilitator } = await access(actor, roundId);
  const [cards, patterns, skips] = await Promise.all([
    cardsOf(actor.scope, roundId),
    patternsOf(actor.scope, roundId),
    skipsOf(actor.scope, roundId),
  ]);
  const progress: DebriefProgress = {
    cards: cards.length,
    groupedCards: cards.filter((c) => c.patternId !== null).length,
    prediction: round.prediction,
    nextLevel: round.nextLevel,
  };
  return {
    roundId,
    title: round.title,
    focus: { kind: round.focusKind, value: round.focusValue },
    phase: round.debriefPhase,
    facilitator,
    cards: cards.map((c) => ({
      id: c.id,
      text: c.text,
      patternId: c.patternId,
      mine: c.authorId === actor.personId,
    })),
    patterns: patterns.map((p) => ({ id: p.id, name: p.name })),
    prediction: round.prediction,
    nextLevel: round.nextLevel,
    summarizedAt: round.summarizedAt,
    needs: phaseNeeds(round.debriefPhase, progress),
    // In the order they happened, and phase by phase within one move.
    skips: skips
      .map((k) => ({ phase: k.phase, reason: k.reason, at: k.createdAt }))
      .sort(
        (a, b) =>
          a.at.localeCompare(b.at) || DEBRIEF_PHASES.indexOf(a.phase) - DEBRIEF_PHASES.indexOf(b.phase),
      ),
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
  if (!note || note.writerId !== actor.personId) throw new NotFoundError('errors.not-found.note');
  const door = await findDoor(actor.scope, note.doorId);
  if (door?.roundId !== roundId)
    throw new ValidationError('errors.debrief.note-foreign', [
      { path: 'noteId', message: 'errors.debrief.note-foreign-field' },
    ]);
  await insertCard(actor.scope, {
    id: randomUUID(),
    roundId,
    authorId: actor.personId,
    sourceNoteId: noteId,
    text: note.text,
    patternId: null,
    createdAt: now.toISOString(),
  });
  return getDebrief(actor, roundId);
}

export async function withdrawCard(actor: Actor, roundId: string, cardId: string): Promise<Debrief> {
  await access(actor, roundId);
  const card = await findCard(actor.scope, roundId, cardId);
  if (!card) throw new NotFoundError('errors.not-found.card');
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
    roundId,
    name,
    createdAt: now.toISOString(),
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
  if (!(await findCard(actor.scope, roundId, cardId))) throw new NotFoundError('errors.not-found.card');
  if (patternId && !(await patternsOf(actor.scope, roundId)).some((p) => p.id === patternId))
    throw new ValidationError('errors.debrief.pattern', [
      { path: 'patternId', message: 'errors.debrief.pattern-field' },
    ]);
  await moveCard(actor.scope, cardId, patternId);
  return getDebrief(actor, roundId);
}

/**
 * The facilitator moves the phase and records the group's prediction and next level of work; "done" saves it. Moving
 * on from a phase that lacks what it needs is refused with what is missing, unless the coach gives a reason to skip
 * (kept with the debrief, one line per phase skipped). Moving back is always allowed.
 */
export async function updateDebriefPhase(
  actor: Actor,
  roundId: string,
  data: DebriefUpdate,
  now: Date,
): Promise<Debrief> {
  const { round } = await access(actor, roundId);
  authorize(actor, 'facilitate', 'debrief');
  const stamp = now.toISOString();
  const passed = data.phase ? phasesPassed(round.debriefPhase, data.phase) : [];
  const cards = passed.length > 0 ? await cardsOf(actor.scope, roundId) : [];
  const progress: DebriefProgress = {
    cards: cards.length,
    groupedCards: cards.filter((c) => c.patternId !== null).length,
    // The words sent with this move count: a coach may write the prediction and move on in one step.
    prediction: data.prediction !== undefined ? (data.prediction ?? null) : round.prediction,
    nextLevel: data.nextLevel !== undefined ? (data.nextLevel ?? null) : round.nextLevel,
  };
  // phaseNeeds says at most one thing per phase, in English; the answer says it in the asker's language.
  const lacking = passed.flatMap((phase) =>
    phaseNeeds(phase, progress).map(() => ({ phase, need: PHASE_NEEDS[phase] })),
  );
  if (lacking.length > 0 && !data.skipReason)
    throw new UnprocessableError(
      'DEBRIEF_PHASE_INCOMPLETE',
      {
        key: 'errors.debrief.incomplete',
        params: { needs: { items: lacking.map((l) => ({ key: l.need })), separator: ' ' } },
      },
      lacking.map((l) => ({ path: l.phase, message: l.need })),
    );
  const skipReason = data.skipReason;
  await actor.scope.transaction(async (scope) => {
    if (skipReason)
      for (const phase of new Set(lacking.map((l) => l.phase)))
        await insertSkip(scope, { id: randomUUID(), roundId, phase, reason: skipReason, createdAt: stamp });
    await updateDebrief(scope, roundId, {
      ...(data.phase ? { debriefPhase: data.phase } : {}),
      ...(data.prediction !== undefined ? { prediction: data.prediction || null } : {}),
      ...(data.nextLevel !== undefined ? { nextLevel: data.nextLevel || null } : {}),
      ...(data.phase === 'done' ? { summarizedAt: stamp } : {}),
      updatedAt: stamp,
    });
    if (data.phase === 'done') await tellHostsPictureFed(scope, round.networkId, roundId, now);
  });
  return getDebrief(actor, roundId);
}
