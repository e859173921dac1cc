import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import { DeclineInputSchema, HostLookForInputSchema, ReplanInputSchema } from '../../../shared/round-hosts';
import { dismissHostNotice, hostNotices } from '../domain/host-notices';
import { chooseLookFor, declineSlot, replanDecline, resetLookFor, roundHosting } from '../domain/round-hosts';
import { actorOf } from './middleware';
import { wrap } from './wrap';

/**
 * Hosts in a round's decisions: a host's view of the round (/api/rounds/:id/host), their look-for choice, declining a
 * slot (/api/doors/:id/decline), the coach re-planning it, and the notices hosts get (/api/host-notices).
 */
export function roundHostRouter(): Router {
  const router = express.Router();
  router.get(
    '/rounds/:id/host',
    wrap(async (req, res) => {
      res.json(await roundHosting(actorOf(res), String(req.params.id), new Date()));
    }),
  );
  router.put(
    '/rounds/:id/host/look-for',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.look-for', HostLookForInputSchema, req.body);
      res.json(await chooseLookFor(actorOf(res), String(req.params.id), body, new Date()));
    }),
  );
  router.delete(
    '/rounds/:id/host/look-for',
    wrap(async (req, res) => {
      res.json(await resetLookFor(actorOf(res), String(req.params.id), new Date()));
    }),
  );
  router.post(
    '/doors/:id/decline',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.decline', DeclineInputSchema, req.body);
      res.json(await declineSlot(actorOf(res), String(req.params.id), body, new Date()));
    }),
  );
  router.post(
    '/rounds/:id/declines/:declineId/replan',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.re-plan', ReplanInputSchema, req.body);
      res.json(
        await replanDecline(
          actorOf(res),
          String(req.params.id),
          String(req.params.declineId),
          body,
          new Date(),
        ),
      );
    }),
  );
  router.get(
    '/host-notices',
    wrap(async (_req, res) => {
      res.json({ items: await hostNotices(actorOf(res)) });
    }),
  );
  router.post(
    '/host-notices/:id/seen',
    wrap(async (req, res) => {
      await dismissHostNotice(actorOf(res), String(req.params.id), new Date());
      res.status(204).end();
    }),
  );
  return router;
}
