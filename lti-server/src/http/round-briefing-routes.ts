import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import { BriefingInputSchema, RoundRolesInputSchema } from '../../../shared/round-briefing';
import { acknowledgeBriefing, getBriefing, updateBriefing, updateRoles } from '../domain/round-briefing';
import { actorOf } from './middleware';
import { wrap } from './wrap';

/**
 * /api/rounds/:id/briefing and /roles: the round's briefing (its participants and hosts once published, its network's
 * coaches always), the coach's edits, and a participant's acknowledgement.
 */
export function roundBriefingRouter(): Router {
  const router = express.Router();
  const id = (req: express.Request) => String(req.params.id);
  router.get(
    '/rounds/:id/briefing',
    wrap(async (req, res) => {
      res.json(await getBriefing(actorOf(res), id(req), new Date()));
    }),
  );
  router.put(
    '/rounds/:id/briefing',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.briefing', BriefingInputSchema, req.body);
      res.json(await updateBriefing(actorOf(res), id(req), body, new Date()));
    }),
  );
  router.put(
    '/rounds/:id/roles',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.roles', RoundRolesInputSchema, req.body);
      res.json(await updateRoles(actorOf(res), id(req), body, new Date()));
    }),
  );
  router.post(
    '/rounds/:id/briefing/ack',
    wrap(async (req, res) => {
      res.json(await acknowledgeBriefing(actorOf(res), id(req), new Date()));
    }),
  );
  return router;
}
