import express, { type Router } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { claimPairing, confirmPairing, listDevices, revokeDevice, startPairing } from '../domain/pairing';
import { actorOf } from './middleware';
import { rateLimit } from './rate-limit';

/** Before sign-in: the extension starts a pairing and polls to claim its token. */
export function publicPairingRouter(db: Kysely<Database>): Router {
  const router = express.Router();
  router.post('/pairings', rateLimit({ limit: 20, windowMs: 60_000 }), (req, res, next) => {
    startPairing(db, req.body, new Date()).then((p) => res.status(201).json(p), next);
  });
  router.post('/pairings/claim', rateLimit({ limit: 120, windowMs: 60_000 }), (req, res, next) => {
    claimPairing(db, req.body, new Date()).then((r) => res.json(r), next);
  });
  return router;
}

/** Signed in: confirm a code (guessing is limited per person), list and revoke paired browsers. */
export function pairingRouter(db: Kysely<Database>): Router {
  const router = express.Router();
  const guesses = rateLimit({
    limit: 10,
    windowMs: 10 * 60_000,
    key: (_req, res) => `person:${actorOf(res).personId}`,
  });
  router.post('/pairings/confirm', guesses, (req, res, next) => {
    confirmPairing(db, actorOf(res), req.body, new Date()).then((r) => res.json(r), next);
  });
  router.get('/devices', (_req, res, next) => {
    listDevices(actorOf(res), new Date()).then((items) => res.json({ items }), next);
  });
  router.delete('/devices/:id', (req, res, next) => {
    revokeDevice(actorOf(res), String(req.params.id), new Date()).then(() => res.status(204).end(), next);
  });
  return router;
}
