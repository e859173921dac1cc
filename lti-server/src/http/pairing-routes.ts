import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import { PairingClaimSchema, PairingConfirmSchema, PairingStartSchema } from '../../../shared/pairing';
import type { Db } from '../domain/database';
import { claimPairing, confirmPairing, listDevices, revokeDevice, startPairing } from '../domain/pairing';
import { actorOf } from './middleware';
import { rateLimit } from './rate-limit';
import { wrap } from './wrap';

/** Before sign-in: the extension starts a pairing and polls to claim its token. */
export function publicPairingRouter(db: Db): Router {
  const router = express.Router();
  router.post(
    '/pairings',
    rateLimit({ limit: 20, windowMs: 60_000 }),
    wrap(async (req, res) => {
      const body = parseAt('errors.source.pairing', PairingStartSchema, req.body);
      res.status(201).json(await startPairing(db, body, new Date()));
    }),
  );
  router.post(
    '/pairings/claim',
    rateLimit({ limit: 120, windowMs: 60_000 }),
    wrap(async (req, res) => {
      const body = parseAt('errors.source.pairing-claim', PairingClaimSchema, req.body);
      res.json(await claimPairing(db, body, new Date()));
    }),
  );
  return router;
}

/** Signed in: confirm a code (guessing is limited per person), list and revoke paired browsers. */
export function pairingRouter(db: Db): Router {
  const router = express.Router();
  const guesses = rateLimit({
    limit: 10,
    windowMs: 10 * 60_000,
    key: (_req, res) => `person:${actorOf(res).personId}`,
  });
  router.post(
    '/pairings/confirm',
    guesses,
    wrap(async (req, res) => {
      const body = parseAt('errors.source.pairing-code', PairingConfirmSchema, req.body);
      res.json(await confirmPairing(db, actorOf(res), body, new Date()));
    }),
  );
  router.get(
    '/devices',
    wrap(async (_req, res) => {
      res.json({ items: await listDevices(actorOf(res), new Date()) });
    }),
  );
  router.delete(
    '/devices/:id',
    wrap(async (req, res) => {
      await revokeDevice(actorOf(res), String(req.params.id), new Date());
      res.status(204).end();
    }),
  );
  return router;
}
