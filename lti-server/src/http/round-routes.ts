import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import { RoundGroupsInputSchema, RoundInputSchema, RoundPublishInputSchema } from '../../../shared/rounds';
import type { Db } from '../domain/database';
import type { MemberSource } from '../domain/roster';
import {
  createRound,
  deleteRound,
  dismissNotice,
  getRound,
  listRounds,
  people,
  publishRound,
  regroupRound,
  roundNotices,
} from '../domain/rounds';
import { actorOf } from './middleware';
import { wrap } from './wrap';

/** /api/rounds and /api/people: a coach plans a round, adjusts its groups and publishes it as bookings. */
export function roundRouter(db: Db, lms: MemberSource): Router {
  const router = express.Router();
  router.get(
    '/people',
    wrap(async (_req, res) => {
      res.json({ items: await people(actorOf(res), db, lms) });
    }),
  );
  router.get(
    '/rounds',
    wrap(async (_req, res) => {
      res.json({ items: await listRounds(actorOf(res)) });
    }),
  );
  router.get(
    '/round-notices',
    wrap(async (_req, res) => {
      res.json({ items: await roundNotices(actorOf(res)) });
    }),
  );
  router.post(
    '/round-notices/:id/seen',
    wrap(async (req, res) => {
      await dismissNotice(actorOf(res), String(req.params.id), new Date());
      res.status(204).end();
    }),
  );
  router.post(
    '/rounds',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.round', RoundInputSchema, req.body);
      const round = await createRound(actorOf(res), body, new Date());
      res.status(201).location(`/api/rounds/${round.id}`).json(round);
    }),
  );
  router.get(
    '/rounds/:id',
    wrap(async (req, res) => {
      res.json(await getRound(actorOf(res), String(req.params.id)));
    }),
  );
  router.put(
    '/rounds/:id/groups',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.groups', RoundGroupsInputSchema, req.body);
      res.json(await regroupRound(actorOf(res), String(req.params.id), body, new Date()));
    }),
  );
  router.post(
    '/rounds/:id/publish',
    wrap(async (req, res) => {
      // An empty body is an unconfirmed publish: a plan with trade-offs answers 422 ROUND_TRADEOFFS_UNCONFIRMED.
      const body = parseAt('errors.source.publish', RoundPublishInputSchema, req.body);
      res.json(await publishRound(actorOf(res), String(req.params.id), body, new Date()));
    }),
  );
  router.delete(
    '/rounds/:id',
    wrap(async (req, res) => {
      await deleteRound(actorOf(res), String(req.params.id));
      res.status(204).end();
    }),
  );
  return router;
}
