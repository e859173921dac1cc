import express, { type Router } from 'express';
import {
  CycleInputSchema,
  CycleMembersInputSchema,
  CycleStrategyInputSchema,
  ProblemCommentInputSchema,
  ProblemInputSchema,
  ProblemVoteInputSchema,
} from '../../../shared/cycles';
import { parseAt } from '../../../shared/errors';
import {
  addCycleMembers,
  addCycleStrategy,
  cyclePicture,
  endCycle,
  getCycle,
  listCycles,
  removeCycleStrategy,
  startCycle,
} from '../domain/cycles';
import {
  closeProblem,
  commentProblem,
  getProblem,
  listProblems,
  proposeProblem,
  unvoteProblem,
  voteProblem,
} from '../domain/problems';
import { actorOf } from './middleware';
import { wrap } from './wrap';

/**
 * /api/problems and /api/cycles: staff propose problems of practice, vote and comment; a coach closes proposals,
 * starts a cycle from one, grows it, adds or removes its strategies and ends it; everyone reads the cycle and its picture over time.
 */
export function cycleRouter(): Router {
  const router = express.Router();
  const id = (req: express.Request) => String(req.params.id);
  router.get(
    '/problems',
    wrap(async (_req, res) => {
      res.json({ items: await listProblems(actorOf(res)) });
    }),
  );
  router.post(
    '/problems',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.proposal', ProblemInputSchema, req.body);
      const problem = await proposeProblem(actorOf(res), body, new Date());
      res.status(201).location(`/api/problems/${problem.id}`).json(problem);
    }),
  );
  router.get(
    '/problems/:id',
    wrap(async (req, res) => {
      res.json(await getProblem(actorOf(res), id(req)));
    }),
  );
  router.put(
    '/problems/:id/vote',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.vote', ProblemVoteInputSchema, req.body);
      res.json(await voteProblem(actorOf(res), id(req), body, new Date()));
    }),
  );
  router.delete(
    '/problems/:id/vote',
    wrap(async (req, res) => {
      res.json(await unvoteProblem(actorOf(res), id(req)));
    }),
  );
  router.post(
    '/problems/:id/comments',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.comment', ProblemCommentInputSchema, req.body);
      res.status(201).json(await commentProblem(actorOf(res), id(req), body, new Date()));
    }),
  );
  router.post(
    '/problems/:id/close',
    wrap(async (req, res) => {
      res.json(await closeProblem(actorOf(res), id(req), new Date()));
    }),
  );
  router.get(
    '/cycles',
    wrap(async (_req, res) => {
      res.json({ items: await listCycles(actorOf(res)) });
    }),
  );
  router.post(
    '/cycles',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.cycle', CycleInputSchema, req.body);
      const cycle = await startCycle(actorOf(res), body, new Date());
      res.status(201).location(`/api/cycles/${cycle.id}`).json(cycle);
    }),
  );
  router.get(
    '/cycles/:id',
    wrap(async (req, res) => {
      res.json(await getCycle(actorOf(res), id(req)));
    }),
  );
  router.post(
    '/cycles/:id/members',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.members', CycleMembersInputSchema, req.body);
      res.json(await addCycleMembers(actorOf(res), id(req), body, new Date()));
    }),
  );
  router.post(
    '/cycles/:id/strategies',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.strategy', CycleStrategyInputSchema, req.body);
      res.json(await addCycleStrategy(actorOf(res), id(req), body, new Date()));
    }),
  );
  router.delete(
    '/cycles/:id/strategies/:strategyId',
    wrap(async (req, res) => {
      res.json(await removeCycleStrategy(actorOf(res), id(req), String(req.params.strategyId), new Date()));
    }),
  );
  router.post(
    '/cycles/:id/end',
    wrap(async (req, res) => {
      res.json(await endCycle(actorOf(res), id(req), new Date()));
    }),
  );
  router.get(
    '/cycles/:id/picture',
    wrap(async (req, res) => {
      res.json(await cyclePicture(actorOf(res), id(req)));
    }),
  );
  return router;
}
