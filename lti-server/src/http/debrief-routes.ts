import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import {
  DebriefCardInputSchema,
  DebriefCardMoveSchema,
  DebriefPatternInputSchema,
  DebriefUpdateSchema,
} from '../../../shared/rounds';
import {
  addCard,
  addPattern,
  getDebrief,
  groupCard,
  updateDebriefPhase,
  withdrawCard,
} from '../domain/debrief';
import { actorOf } from './middleware';
import { wrap } from './wrap';

/** /api/rounds/:id/debrief: the round's debrief room (participants and coaches). */
export function debriefRouter(): Router {
  const router = express.Router();
  const id = (req: express.Request) => String(req.params.id);
  router.get(
    '/rounds/:id/debrief',
    wrap(async (req, res) => {
      res.json(await getDebrief(actorOf(res), id(req)));
    }),
  );
  router.put(
    '/rounds/:id/debrief',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.debrief', DebriefUpdateSchema, req.body);
      res.json(await updateDebriefPhase(actorOf(res), id(req), body, new Date()));
    }),
  );
  router.post(
    '/rounds/:id/debrief/cards',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.card', DebriefCardInputSchema, req.body);
      res.status(201).json(await addCard(actorOf(res), id(req), body, new Date()));
    }),
  );
  router.put(
    '/rounds/:id/debrief/cards/:cardId',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.card-move', DebriefCardMoveSchema, req.body);
      res.json(await groupCard(actorOf(res), id(req), String(req.params.cardId), body));
    }),
  );
  router.delete(
    '/rounds/:id/debrief/cards/:cardId',
    wrap(async (req, res) => {
      res.json(await withdrawCard(actorOf(res), id(req), String(req.params.cardId)));
    }),
  );
  router.post(
    '/rounds/:id/debrief/patterns',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.pattern', DebriefPatternInputSchema, req.body);
      res.status(201).json(await addPattern(actorOf(res), id(req), body, new Date()));
    }),
  );
  return router;
}
