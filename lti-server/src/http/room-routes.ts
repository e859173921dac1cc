import express, { type Request, type Router } from 'express';
import { parseAt, UnauthenticatedError } from '../../../shared/errors';
import { RoomLinkInputSchema, RoomSignInSchema } from '../../../shared/room';
import { RoomNoteSendSchema } from '../../../shared/sealed-note';
import { VisitInputSchema } from '../../../shared/visits';
import { someoneWhoLeft } from '../domain/actor';
import type { Db } from '../domain/database';
import {
  bookOnTheSpot,
  mintRoomLink,
  revokeMyRoomLinks,
  roomNoteKey,
  sendRoomNote,
  signInWithRoomLink,
} from '../domain/room';
import { actorOf } from './middleware';
import { presentNote, presentVisit } from './presenters';
import { rateLimit } from './rate-limit';
import { wrap } from './wrap';

/** Before sign-in: the room page exchanges a link's secret (from its fragment) for a session, once. */
export function publicRoomRouter(db: Db): Router {
  const router = express.Router();
  router.post(
    '/room-links/sign-in',
    rateLimit({ limit: 30, windowMs: 60_000 }),
    wrap(async (req, res) => {
      const body = parseAt('errors.source.sign-in-link', RoomSignInSchema, req.body);
      res.json(await signInWithRoomLink(db, body, new Date()));
    }),
  );
  return router;
}

/**
 * The session token the request signed in with: a room link and the room note key belong to that session, not to
 * the person. (A paired extension's device token never gets here: DEVICE_SCOPE in api-routes.ts answers it 403.)
 */
function sessionToken(req: Request): string {
  const token = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim();
  if (!token) throw new UnauthenticatedError();
  return token;
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
      const body = parseAt('errors.source.room-link', RoomLinkInputSchema, req.body);
      res.status(201).json(await mintRoomLink(actorOf(res), sessionToken(req), body, publicUrl, new Date()));
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
      const body = parseAt('errors.source.booking', VisitInputSchema, req.body);
      const { view, created } = await bookOnTheSpot(actorOf(res), body, new Date());
      res.status(created ? 201 : 200).json(presentVisit(view, someoneWhoLeft(actorOf(res))));
    }),
  );
  // The room note mode offline: the key its phone seals unsent notes with, and the sealed notes sent once.
  router.get(
    '/room/note-key',
    wrap(async (req, res) => {
      res.json(await roomNoteKey(actorOf(res), sessionToken(req), new Date()));
    }),
  );
  router.post(
    '/room/notes',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.sealed-note', RoomNoteSendSchema, req.body);
      const actor = actorOf(res);
      const { note, created } = await sendRoomNote(actor, sessionToken(req), body, new Date());
      res.status(created ? 201 : 200).json(presentNote(note, actor.personId));
    }),
  );
  return router;
}
