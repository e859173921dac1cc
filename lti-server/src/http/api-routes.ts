import express, { type Router } from 'express';
import { NotFoundError } from '../../../shared/errors';
import type { DatabaseHandle } from '../domain/database';
import type { DeepLinkSigner } from '../domain/deep-linking';
import type { MemberSource } from '../domain/roster';
import { calendarRouter } from './calendar-routes';
import { cycleRouter } from './cycle-routes';
import { debriefRouter } from './debrief-routes';
import { deepLinkRouter } from './deep-link-routes';
import { dialogueRouter } from './dialogue-routes';
import { districtRouter } from './district-routes';
import { doorRouter } from './door-routes';
import { type DeviceRoute, deviceScope, requireSession } from './middleware';
import { noteRouter } from './note-routes';
import { pairingRouter, publicPairingRouter } from './pairing-routes';
import { pictureRouter } from './picture-routes';
import { publicRoomRouter, roomRouter } from './room-routes';
import { rosterRouter } from './roster-routes';
import { roundBriefingRouter } from './round-briefing-routes';
import { roundHostRouter } from './round-host-routes';
import { roundRouter } from './round-routes';
import { sessionRouter } from './session-routes';
import { settingsRouter } from './settings-routes';
import { strategyRouter } from './strategy-routes';
import { visitRouter } from './visit-routes';

/**
 * Everything a paired extension's device token may call, and nothing more: its pairing's status, uploading clips and
 * listing its person's own clips with their statuses. Every other route answers it 403 DEVICE_SCOPE, so a new route is
 * closed to devices until it is listed here. (Pairing itself, POST /pairings and /pairings/claim, needs no token.)
 */
export const DEVICE_SCOPE: readonly DeviceRoute[] = [
  { method: 'GET', path: '/me' },
  { method: 'POST', path: '/strategies' },
  { method: 'GET', path: '/strategies', query: { status: 'mine' } },
];

/**
 * /api/*: the JSON body parser, the session (a launch's or a paired device's bearer token), DEVICE_SCOPE, then one
 * router per feature (`<feature>-routes.ts`, named as in domain/), and 404 for anything else. Each route parses its
 * input with its schema from shared/ (parseAt, so a bad one is 400 VALIDATION_FAILED with field paths), calls the
 * domain with the typed value, and shapes the answer.
 */
export function apiRouter(
  database: DatabaseHandle,
  lms: MemberSource & DeepLinkSigner,
  publicUrl: string,
): Router {
  const db = database.db;
  const router = express.Router();
  router.use(express.json({ limit: '256kb' }));
  router.use(publicPairingRouter(db));
  router.use(publicRoomRouter(db));
  router.use(requireSession(database));
  router.use(deviceScope(DEVICE_SCOPE));
  router.use(pairingRouter(db));
  router.use(sessionRouter(db));

  router.use('/strategies', strategyRouter());
  router.use(doorRouter());
  router.use(roomRouter(publicUrl));
  router.use(visitRouter());
  router.use(calendarRouter(publicUrl));
  router.use(roundRouter(db, lms));
  router.use(roundBriefingRouter());
  router.use(roundHostRouter());
  router.use(noteRouter());
  router.use(dialogueRouter());
  router.use(pictureRouter());
  router.use(debriefRouter());
  router.use(cycleRouter());
  router.use(districtRouter(db));
  router.use(settingsRouter(db));
  router.use(deepLinkRouter(db, lms, publicUrl));
  router.use(rosterRouter(db, lms));

  router.use((req, _res, next) =>
    next(
      new NotFoundError({ key: 'errors.not-found.route', params: { method: req.method, path: req.path } }),
    ),
  );
  return router;
}
