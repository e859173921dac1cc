import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import { RoomLinkInputSchema, RoomSignInSchema } from '../../../shared/room';
import { VisitInputSchema } from '../../../shared/visits';
import type { Db } from '../domain/database';
import { bookOnTheSpot, mintRoomLink, revokeMyRoomLinks, signInWithRoomLink } from '../domain/room';
import { actorOf } from './middleware';
import { presentVisit } from './presenters';
import { rateLimit } from './rate-limit';
import { wrap } from './wrap';

/** Before sign-in: the room page exchanges a link's secret (from its fragment) for a session, once. */
export function publicRoomRouter(db: Db): Router {
  const router = express.Router();
  router.post(
    '/room-links/sign-in',
    rateLimit({ limit: 30, windowMs: 60_000 }),
    wrap(async (req, res) => {
      const body = parseAt('Sign-in link', RoomSignInSchema, req.body);
      res.json(await signInWithRoomLink(db, body, new Date()));
    }),
  );
  return router;
}

/**
 * Signed in: mint a sign-in link for the room page (a phone or a new tab), revoke the unused ones, and book a seat on
 * the spot from a door sign.
 */
export function roomRouter(publicUrl: string): Router {
  const router = express.Router();
  router.post(
    '/room-links',
    wrap(async (req, res) => {
      const body = parseAt('Room link', RoomLinkInputSchema, req.body);
      res.status(201).json(await mintRoomLink(actorOf(res), body, publicUrl, new Date()));
    }),
  );
  router.delete(
    '/room-links',
    wrap(async (_req, res) => {
      await revokeMyRoomLinks(actorOf(res), new Date());
      res.status(204).end();
    }),
  );
  router.post(
    '/visits/on-the-spot',
    wrap(async (req, res) => {
      const body = parseAt('Booking', VisitInputSchema, req.body);
      const { view, created } = await bookOnTheSpot(actorOf(res), body, new Date());
      res.status(created ? 201 : 200).json(presentVisit(view));
    }),
  );
  return router;
}
