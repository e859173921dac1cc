import {
  type Cycle,
  type CycleInput,
  CycleListSchema,
  type CyclePicture,
  CyclePictureSchema,
  CycleSchema,
  type Problem,
  type ProblemInput,
  ProblemListSchema,
  ProblemSchema,
  type VoteChoice,
} from '../../../shared/cycles';
import { type ApiResult, request } from './api';

export type { Cycle, CyclePicture, Problem, VoteChoice };

const problemPath = (id: string) => `/api/problems/${encodeURIComponent(id)}`;
const cyclePath = (id: string) => `/api/cycles/${encodeURIComponent(id)}`;

/** The school's proposals, open ones ranked by votes. */
export function listProblems(token: string): Promise<ApiResult<{ items: Problem[] }>> {
  return request(token, 'GET', '/api/problems', ProblemListSchema);
}

export function proposeProblem(token: string, input: ProblemInput): Promise<ApiResult<Problem>> {
  return request(token, 'POST', '/api/problems', ProblemSchema, input);
}

/** One vote per person and proposal; `null` takes it back. */
export function voteProblem(
  token: string,
  id: string,
  choice: VoteChoice | null,
): Promise<ApiResult<Problem>> {
  return choice
    ? request(token, 'PUT', `${problemPath(id)}/vote`, ProblemSchema, { choice })
    : request(token, 'DELETE', `${problemPath(id)}/vote`, ProblemSchema);
}

export function commentProblem(token: string, id: string, text: string): Promise<ApiResult<Problem>> {
  return request(token, 'POST', `${problemPath(id)}/comments`, ProblemSchema, { text });
}

export function closeProblem(token: string, id: string): Promise<ApiResult<Problem>> {
  return request(token, 'POST', `${problemPath(id)}/close`, ProblemSchema);
}

export function listCycles(token: string): Promise<ApiResult<{ items: Cycle[] }>> {
  return request(token, 'GET', '/api/cycles', CycleListSchema);
}

export function startCycle(token: string, input: CycleInput): Promise<ApiResult<Cycle>> {
  return request(token, 'POST', '/api/cycles', CycleSchema, input);
}

export function getCycle(token: string, id: string): Promise<ApiResult<Cycle>> {
  return request(token, 'GET', cyclePath(id), CycleSchema);
}

export function addCycleMembers(token: string, id: string, personIds: string[]): Promise<ApiResult<Cycle>> {
  return request(token, 'POST', `${cyclePath(id)}/members`, CycleSchema, { personIds });
}

/** The coach adds a menu strategy to a running cycle: its "I tried it" count joins the picture over time. */
export function addCycleStrategy(token: string, id: string, strategyId: string): Promise<ApiResult<Cycle>> {
  return request(token, 'POST', `${cyclePath(id)}/strategies`, CycleSchema, { strategyId });
}

/** The coach takes a strategy added by mistake out of a running cycle; the menu keeps it. */
export function removeCycleStrategy(
  token: string,
  id: string,
  strategyId: string,
): Promise<ApiResult<Cycle>> {
  return request(
    token,
    'DELETE',
    `${cyclePath(id)}/strategies/${encodeURIComponent(strategyId)}`,
    CycleSchema,
  );
}

/** The coach ends the cycle: it keeps its rounds and picture, and takes no new round or people. */
export function endCycle(token: string, id: string): Promise<ApiResult<Cycle>> {
  return request(token, 'POST', `${cyclePath(id)}/end`, CycleSchema);
}

export function getCyclePicture(token: string, id: string): Promise<ApiResult<CyclePicture>> {
  return request(token, 'GET', `${cyclePath(id)}/picture`, CyclePictureSchema);
}
