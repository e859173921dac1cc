import { randomUUID } from 'node:crypto';
import {
  type Cycle,
  type CycleData,
  type CycleMembersInput,
  type CyclePicture,
  type CycleStrategyInput,
  CYCLE_MAX_STRATEGIES,
  MIN_TRIED_SHOWN,
  nextRoundFocus,
} from '../../../shared/cycles';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors';
import { EVIDENCE_THEMES } from '../../../shared/evidence-themes';
import { PICTURE_MIN_HOSTS, PICTURE_MIN_VISITS, shareWord } from '../../../shared/notes';
import {
  cyclesOf,
  endCycle as endStoredCycle,
  findCycle,
  insertCycle,
  type StoredCycle,
  setCycleMembers,
  setCycleStrategies,
  triedCounts,
} from '../db/repositories/cycles';
import { staffOf } from '../db/repositories/people';
import { roundGroupsOf } from '../db/repositories/picture';
import { findProblem, setProblemStatus } from '../db/repositories/problems';
import { roundsOfCycle, type StoredRound } from '../db/repositories/rounds';
import { findStrategy } from '../db/repositories/strategies';
import { type Actor, Names, someoneWhoLeft } from './actor';
import { authorize, can, cycleRound } from './policies';

async function namesOf(actor: Actor): Promise<Names> {
  return new Names(
    (await staffOf(actor.scope)).map((p) => [p.id, p.name]),
    someoneWhoLeft(actor),
  );
}

function unknownPeople(ids: string[], names: Names, path: string): void {
  const unknown = ids.filter((id) => !names.has(id));
  if (unknown.length > 0)
    throw new ValidationError('errors.people.unknown', [
      { path, message: { key: 'errors.people.unknown-field', params: { count: unknown.length } } },
    ]);
}

/** A cycle of the asker's network, or 404. */
async function cycleOf(actor: Actor, id: string): Promise<StoredCycle> {
  const row = await findCycle(actor.scope, id);
  if (!row || row.networkId !== actor.networkId) throw new NotFoundError('errors.not-found.cycle');
  return row;
}

/** The rounds of a cycle the asker sees: coaches every one, teachers the published ones. */
async function visibleRounds(actor: Actor, cycleId: string): Promise<StoredRound[]> {
  const rounds = await roundsOfCycle(actor.scope, cycleId);
  return can(actor, 'plan', 'round') ? rounds : rounds.filter((r) => r.status === 'published');
}

async function present(actor: Actor, row: StoredCycle, names: Names): Promise<Cycle> {
  const [problem, rounds, strategies] = await Promise.all([
    findProblem(actor.scope, row.problemId),
    visibleRounds(actor, row.id),
    Promise.all(row.strategies.map((id) => findStrategy(actor.scope, id))),
  ]);
  const finished = rounds.filter((r) => r.debriefPhase === 'done' && r.nextLevel);
  const last = finished.at(-1);
  return {
    id: row.id,
    title: row.title,
    problem: { id: row.problemId, title: problem?.title ?? row.title },
    status: row.status,
    members: row.members.map((id) => ({ id, name: names.of(id) })),
    strategies: strategies.flatMap((s) => (s ? [{ id: s.id, title: s.title }] : [])),
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      date: r.date,
      status: r.status,
      phase: r.debriefPhase,
      focus: { kind: r.focusKind, value: r.focusValue },
      lookFor: r.lookFor,
      nextLevel: r.debriefPhase === 'done' ? r.nextLevel : null,
    })),
    next: last?.nextLevel ? { fromRound: last.id, ...nextRoundFocus(last.nextLevel) } : null,
    createdAt: row.createdAt,
  };
}

/**
 * The coach starts a cycle on a proposal (open or closed), with at least three volunteers: the proposal is chosen,
 * so it takes no more votes. The menu strategies named go alongside its picture over time.
 */
export async function startCycle(actor: Actor, data: CycleData, now: Date): Promise<Cycle> {
  authorize(actor, 'start', 'cycle');
  const problem = await findProblem(actor.scope, data.problemId);
  if (!problem || problem.networkId !== actor.networkId) throw new NotFoundError('errors.not-found.proposal');
  if (problem.status === 'chosen') throw new ConflictError('CONFLICT', 'errors.cycle.started');
  const names = await namesOf(actor);
  unknownPeople(data.memberIds, names, 'memberIds');
  for (const id of data.strategyIds) await requireMenuStrategy(actor, id, 'strategyIds');
  const stamp = now.toISOString();
  const row: StoredCycle = {
    id: randomUUID(),
    networkId: actor.networkId,
    problemId: problem.id,
    createdBy: actor.personId,
    title: data.title ?? (problem.title.length > 120 ? `${problem.title.slice(0, 119)}…` : problem.title),
    status: 'active',
    members: data.memberIds,
    strategies: data.strategyIds,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await actor.scope.transaction(async (scope) => {
    if (!(await setProblemStatus(scope, problem.id, problem.status, 'chosen', stamp)))
      throw new ConflictError('CONFLICT', 'errors.cycle.proposal-changed');
    await insertCycle(scope, row);
  });
  return present(actor, row, names);
}

export async function listCycles(actor: Actor): Promise<Cycle[]> {
  const names = await namesOf(actor);
  const rows = await cyclesOf(actor.scope, actor.networkId);
  return Promise.all(rows.map((r) => present(actor, r, names)));
}

export async function getCycle(actor: Actor, id: string): Promise<Cycle> {
  return present(actor, await cycleOf(actor, id), await namesOf(actor));
}

/** The cycle grows: people are added after those already in it; nobody is taken out. */
export async function addCycleMembers(
  actor: Actor,
  id: string,
  { personIds }: CycleMembersInput,
  now: Date,
): Promise<Cycle> {
  authorize(actor, 'grow', 'cycle');
  const row = await cycleOf(actor, id);
  if (row.status !== 'active') throw new ConflictError('CONFLICT', 'errors.cycle.ended');
  const names = await namesOf(actor);
  unknownPeople(personIds, names, 'personIds');
  const members = [...row.members, ...personIds.filter((p) => !row.members.includes(p))];
  if (!(await setCycleMembers(actor.scope, id, row.members, members, now.toISOString())))
    throw new ConflictError('CONFLICT', 'errors.cycle.changed');
  return present(actor, { ...row, members }, names);
}

/** A strategy of the asker's own menu, or a validation error at `path`. */
async function requireMenuStrategy(actor: Actor, id: string, path: string): Promise<void> {
  const s = await findStrategy(actor.scope, id);
  if (!s || s.networkId !== actor.networkId)
    throw new ValidationError('errors.cycle.strategies', [
      { path, message: 'errors.cycle.strategies-field' },
    ]);
}

/** Stores a running cycle's new strategies, unless another coach changed them meanwhile. */
async function changeStrategies(
  actor: Actor,
  row: StoredCycle,
  strategies: string[],
  now: Date,
): Promise<Cycle> {
  if (!(await setCycleStrategies(actor.scope, row.id, row.strategies, strategies, now.toISOString())))
    throw new ConflictError('CONFLICT', 'errors.cycle.strategies-changed');
  return present(actor, { ...row, strategies }, await namesOf(actor));
}

/**
 * The coach adds a menu strategy to a running cycle (a debrief often points to one): its "I tried it" count joins
 * the picture over time. Adding one the cycle already has changes nothing.
 */
export async function addCycleStrategy(
  actor: Actor,
  id: string,
  { strategyId }: CycleStrategyInput,
  now: Date,
): Promise<Cycle> {
  authorize(actor, 'change-strategies', 'cycle');
  const row = await cycleOf(actor, id);
  if (row.status !== 'active') throw new ConflictError('CONFLICT', 'errors.cycle.ended');
  await requireMenuStrategy(actor, strategyId, 'strategyId');
  if (row.strategies.includes(strategyId)) return present(actor, row, await namesOf(actor));
  if (row.strategies.length >= CYCLE_MAX_STRATEGIES)
    throw new ValidationError(
      { key: 'errors.cycle.strategies-full', params: { max: CYCLE_MAX_STRATEGIES } },
      [{ path: 'strategyId', message: 'errors.field.cycle.strategies-max' }],
    );
  return changeStrategies(actor, row, [...row.strategies, strategyId], now);
}

/** The coach takes a strategy out of a running cycle (one added by mistake); the menu keeps it. */
export async function removeCycleStrategy(
  actor: Actor,
  id: string,
  strategyId: string,
  now: Date,
): Promise<Cycle> {
  authorize(actor, 'change-strategies', 'cycle');
  const row = await cycleOf(actor, id);
  if (row.status !== 'active') throw new ConflictError('CONFLICT', 'errors.cycle.ended');
  if (!row.strategies.includes(strategyId)) throw new NotFoundError('errors.not-found.cycle-strategy');
  return changeStrategies(
    actor,
    row,
    row.strategies.filter((s) => s !== strategyId),
    now,
  );
}

/** The coach ends the cycle: it keeps its rounds and its picture over time, and takes no new rounds or people. */
export async function endCycle(actor: Actor, id: string, now: Date): Promise<Cycle> {
  authorize(actor, 'end', 'cycle');
  const row = await cycleOf(actor, id);
  if (!(await endStoredCycle(actor.scope, id, now.toISOString())))
    throw new ConflictError('CONFLICT', 'errors.cycle.ended-already');
  return present(actor, { ...row, status: 'ended' }, await namesOf(actor));
}

/** A round may join a cycle of its own network that has not ended. */
export async function requireActiveCycle(actor: Actor, cycleId: string): Promise<void> {
  const row = await findCycle(actor.scope, cycleId);
  if (!row || row.networkId !== actor.networkId)
    throw new ValidationError('errors.cycle.foreign', [
      { path: 'cycleId', message: 'errors.cycle.foreign-field' },
    ]);
  if (row.status !== 'active') throw new ConflictError('CONFLICT', 'errors.cycle.ended');
}

/**
 * The picture over time: per published round of the cycle, which patterns of evidence its visits' notes show, in
 * words — read from the round's aggregate (never from the notes), shown only when it spans enough visits in enough
 * classrooms; teachers see the rounds whose debrief is finished. Alongside, how many people tried each of the
 * cycle's strategies, as a count only from three people up.
 */
export async function cyclePicture(actor: Actor, id: string): Promise<CyclePicture> {
  const row = await cycleOf(actor, id);
  const rounds = (await roundsOfCycle(actor.scope, id)).filter((r) => r.status === 'published');
  const groups = new Map(
    (
      await roundGroupsOf(
        actor.scope,
        actor.networkId,
        rounds.map((r) => r.id),
      )
    ).map((g) => [g.label, g]),
  );
  const shown: CyclePicture['rounds'] = [];
  for (const r of rounds) {
    const finished = r.debriefPhase === 'done';
    if (!can(actor, 'list', cycleRound(finished, 0, 0))) continue;
    const g = groups.get(r.id);
    const readable = g && can(actor, 'read', cycleRound(finished, g.visits, g.hosts));
    shown.push({
      id: r.id,
      title: r.title,
      date: r.date,
      shares: readable
        ? EVIDENCE_THEMES.map((t) => ({ theme: t.id, share: shareWord(g.themes.get(t.id) ?? 0, g.visits) }))
        : null,
    });
  }
  const [tried, strategies] = await Promise.all([
    triedCounts(actor.scope, row.strategies),
    Promise.all(row.strategies.map((s) => findStrategy(actor.scope, s))),
  ]);
  return {
    cycleId: id,
    minVisits: PICTURE_MIN_VISITS,
    minHosts: PICTURE_MIN_HOSTS,
    themes: EVIDENCE_THEMES.map((t) => ({ id: t.id, label: t.label })),
    rounds: shown,
    strategies: strategies.flatMap((s) => {
      if (!s) return [];
      const n = tried.get(s.id) ?? 0;
      return [{ id: s.id, title: s.title, tried: n >= MIN_TRIED_SHOWN ? n : null }];
    }),
    minTried: MIN_TRIED_SHOWN,
  };
}
