import { randomUUID } from 'node:crypto';
import type { Problem, ProblemCommentInput, ProblemData, ProblemVoteInput } from '../../../shared/cycles';
import { ConflictError, NotFoundError } from '../../../shared/errors';
import { cyclesFromProblems } from '../db/repositories/cycles';
import {
  commentsOn,
  deleteVote,
  findProblem,
  insertComment,
  insertProblem,
  problemsOf,
  type StoredProblem,
  setProblemStatus,
  upsertVote,
  votesOn,
} from '../db/repositories/problems';
import type { Actor } from './actor';
import { checkText } from './notes';
import { authorize } from './policies';

/** Proposals and comments are opinions, so only names are checked: no student or colleague is ever named. */
const checkNames = (actor: Actor, text: string) =>
  checkText(actor, text, false, {
    neverNames: 'errors.proposal.never-names',
    readsAs: 'errors.proposal.reads-as',
    namesOnly: true,
  });

async function present(actor: Actor, rows: StoredProblem[]): Promise<Problem[]> {
  const ids = rows.map((r) => r.id);
  const [votes, comments, cycles] = await Promise.all([
    votesOn(actor.scope, ids, actor.personId),
    commentsOn(actor.scope, ids),
    cyclesFromProblems(actor.scope, ids),
  ]);
  return rows.map((r) => {
    const v = votes.get(r.id) ?? { for: 0, against: 0, mine: null };
    return {
      id: r.id,
      title: r.title,
      why: r.why,
      status: r.status,
      proposer: { id: r.proposerId, name: r.proposerName },
      votes: { for: v.for, against: v.against },
      myVote: v.mine,
      comments: comments
        .filter((c) => c.problemId === r.id)
        .map((c) => ({
          id: c.id,
          text: c.text,
          author: { id: c.authorId, name: c.authorName },
          mine: c.authorId === actor.personId,
          createdAt: c.createdAt,
        })),
      cycleId: cycles.get(r.id) ?? null,
      createdAt: r.createdAt,
    };
  });
}

/** A proposal of the asker's network, or 404 (another network's proposals do not exist for them). */
async function problemOf(actor: Actor, id: string): Promise<StoredProblem> {
  const row = await findProblem(actor.scope, id);
  if (!row || row.networkId !== actor.networkId) throw new NotFoundError('errors.not-found.proposal');
  return row;
}

async function one(actor: Actor, id: string): Promise<Problem> {
  return (await present(actor, [await problemOf(actor, id)]))[0]!;
}

const notOpen = (p: StoredProblem) =>
  new ConflictError('CONFLICT', p.status === 'chosen' ? 'errors.proposal.chosen' : 'errors.proposal.closed');

/**
 * The network's proposals: open ones first, ranked by their votes (for minus against, then for, then newest), then
 * the chosen and closed ones, newest first. Proposals are ranked; people never are.
 */
export async function listProblems(actor: Actor): Promise<Problem[]> {
  const items = await present(actor, await problemsOf(actor.scope, actor.networkId));
  const open = items.filter((p) => p.status === 'open');
  const score = (p: Problem) => p.votes.for - p.votes.against;
  open.sort(
    (a, b) => score(b) - score(a) || b.votes.for - a.votes.for || b.createdAt.localeCompare(a.createdAt),
  );
  return [...open, ...items.filter((p) => p.status !== 'open')];
}

export async function getProblem(actor: Actor, id: string): Promise<Problem> {
  return one(actor, id);
}

export async function proposeProblem(actor: Actor, data: ProblemData, now: Date): Promise<Problem> {
  await checkNames(actor, data.title);
  if (data.why) await checkNames(actor, data.why);
  const stamp = now.toISOString();
  const id = randomUUID();
  await insertProblem(actor.scope, {
    id,
    networkId: actor.networkId,
    proposerId: actor.personId,
    title: data.title,
    why: data.why,
    status: 'open',
    createdAt: stamp,
    updatedAt: stamp,
  });
  return one(actor, id);
}

/** One vote per person and proposal: voting again changes it. */
export async function voteProblem(
  actor: Actor,
  id: string,
  { choice }: ProblemVoteInput,
  now: Date,
): Promise<Problem> {
  const row = await problemOf(actor, id);
  if (row.status !== 'open') throw notOpen(row);
  await upsertVote(actor.scope, id, actor.personId, choice, now.toISOString());
  return one(actor, id);
}

export async function unvoteProblem(actor: Actor, id: string): Promise<Problem> {
  const row = await problemOf(actor, id);
  if (row.status !== 'open') throw notOpen(row);
  await deleteVote(actor.scope, id, actor.personId);
  return one(actor, id);
}

export async function commentProblem(
  actor: Actor,
  id: string,
  { text }: ProblemCommentInput,
  now: Date,
): Promise<Problem> {
  const row = await problemOf(actor, id);
  if (row.status !== 'open') throw notOpen(row);
  await checkNames(actor, text);
  await insertComment(actor.scope, {
    id: randomUUID(),
    problemId: id,
    authorId: actor.personId,
    text,
    createdAt: now.toISOString(),
  });
  return one(actor, id);
}

/** The coach closes a proposal: it stays listed, with its votes and comments, but takes no more. */
export async function closeProblem(actor: Actor, id: string, now: Date): Promise<Problem> {
  authorize(actor, 'close', 'problem');
  const row = await problemOf(actor, id);
  if (!(await setProblemStatus(actor.scope, id, 'open', 'closed', now.toISOString()))) throw notOpen(row);
  return one(actor, id);
}
