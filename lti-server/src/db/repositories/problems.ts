import type { ProblemTable, ProblemVoteTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** A proposed problem of practice, with its proposer's name and its vote counts. */
export interface StoredProblem {
  id: string;
  networkId: string;
  proposerId: string;
  proposerName: string;
  title: string;
  why: string | null;
  status: ProblemTable['status'];
  createdAt: string;
  updatedAt: string;
}

export interface StoredComment {
  id: string;
  problemId: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

export async function insertProblem(
  scope: TenantScope,
  p: Omit<StoredProblem, 'proposerName'>,
): Promise<void> {
  await scope
    .insertInto('problems', {
      id: p.id,
      network_id: p.networkId,
      proposer_id: p.proposerId,
      title: p.title,
      why: p.why,
      status: p.status,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    })
    .execute();
}

const problemQuery = (scope: TenantScope) =>
  scope
    .selectFrom('problems')
    .innerJoin('people', 'people.id', 'problems.proposer_id')
    .selectAll('problems')
    .select('people.name as proposer_name');

type ProblemRow = ProblemTable & { proposer_name: string };

const toProblem = (row: ProblemRow): StoredProblem => ({
  id: row.id,
  networkId: row.network_id,
  proposerId: row.proposer_id,
  proposerName: row.proposer_name,
  title: row.title,
  why: row.why,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function findProblem(scope: TenantScope, id: string): Promise<StoredProblem | undefined> {
  const row = await problemQuery(scope).where('problems.id', '=', id).executeTakeFirst();
  return row && toProblem(row);
}

/** A network's proposals, newest first (the domain ranks them). */
export async function problemsOf(scope: TenantScope, networkId: string): Promise<StoredProblem[]> {
  const rows = await problemQuery(scope)
    .where('problems.network_id', '=', networkId)
    .orderBy('problems.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toProblem);
}

/** Moves a proposal on from `from` only; false when it was no longer in that state. */
export async function setProblemStatus(
  scope: TenantScope,
  id: string,
  from: ProblemTable['status'],
  to: ProblemTable['status'],
  at: string,
): Promise<boolean> {
  const result = await scope
    .updateTable('problems')
    .set({ status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Per proposal, its votes for and against, and the asker's own vote. */
export async function votesOn(
  scope: TenantScope,
  problemIds: string[],
  personId: string,
): Promise<Map<string, { for: number; against: number; mine: ProblemVoteTable['choice'] | null }>> {
  const out = new Map<string, { for: number; against: number; mine: ProblemVoteTable['choice'] | null }>();
  if (problemIds.length === 0) return out;
  const rows = await scope
    .selectFrom('problem_votes')
    .select(['problem_id', 'person_id', 'choice'])
    .where('problem_id', 'in', problemIds)
    .execute();
  for (const id of problemIds) out.set(id, { for: 0, against: 0, mine: null });
  for (const r of rows) {
    const v = out.get(r.problem_id)!;
    v[r.choice]++;
    if (r.person_id === personId) v.mine = r.choice;
  }
  return out;
}

/** Records or changes one person's vote on a proposal. */
export async function upsertVote(
  scope: TenantScope,
  problemId: string,
  personId: string,
  choice: ProblemVoteTable['choice'],
  at: string,
): Promise<void> {
  await scope
    .insertInto('problem_votes', { problem_id: problemId, person_id: personId, choice, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'problem_id', 'person_id']).doUpdateSet({ choice, updated_at: at }),
    )
    .execute();
}

export async function deleteVote(scope: TenantScope, problemId: string, personId: string): Promise<void> {
  await scope
    .deleteFrom('problem_votes')
    .where('problem_id', '=', problemId)
    .where('person_id', '=', personId)
    .execute();
}

export async function insertComment(scope: TenantScope, c: Omit<StoredComment, 'authorName'>) {
  await scope
    .insertInto('problem_comments', {
      id: c.id,
      problem_id: c.problemId,
      author_id: c.authorId,
      text: c.text,
      created_at: c.createdAt,
    })
    .execute();
}

/** The comments on these proposals, oldest first, with their authors' names. */
export async function commentsOn(scope: TenantScope, problemIds: string[]): Promise<StoredComment[]> {
  if (problemIds.length === 0) return [];
  const rows = await scope
    .selectFrom('problem_comments')
    .innerJoin('people', 'people.id', 'problem_comments.author_id')
    .selectAll('problem_comments')
    .select('people.name as author_name')
    .where('problem_comments.problem_id', 'in', problemIds)
    .orderBy('problem_comments.created_at')
    .orderBy('problem_comments.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    problemId: r.problem_id,
    authorId: r.author_id,
    authorName: r.author_name,
    text: r.text,
    createdAt: r.created_at,
  }));
}
