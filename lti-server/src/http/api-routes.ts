import express, { type Router } from 'express';
import { DeepLinkChoiceSchema } from '../../../shared/deep-linking';
import { NotFoundError, parseAt } from '../../../shared/errors';
import { TenantSettingsSchema } from '../../../shared/settings';
import type { DatabaseHandle } from '../domain/database';
import { answerDeepLink, type DeepLinkSigner } from '../domain/deep-linking';
import { courseColleagues, type MemberSource } from '../domain/roster';
import { endSession } from '../domain/sessions';
import { getSettings, platformInfo, updateSettings } from '../domain/settings';
import { debriefRouter } from './debrief-routes';
import { actorOf, type DeviceRoute, deviceScope, principalOf, requireSession } from './middleware';
import { noteRouter } from './note-routes';
import { pairingRouter, publicPairingRouter } from './pairing-routes';
import { roundRouter } from './round-routes';
import { strategyRouter } from './strategy-routes';
import { visitRouter } from './visit-routes';
import { wrap } from './wrap';

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
 * /api/*: thin routes; each parses its input with its schema from shared/ (parseAt, so a bad one is 400
 * VALIDATION_FAILED with field paths), calls the domain with the typed value, and shapes the answer.
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
  router.use(requireSession(database));
  router.use(deviceScope(DEVICE_SCOPE));
  router.use(pairingRouter(db));

  router.get('/me', (_req, res) => {
    res.json(principalOf(res).me);
  });

  router.delete(
    '/session',
    wrap(async (req, res) => {
      const token = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
      await endSession(db, token.trim(), new Date());
      res.status(204).end();
    }),
  );

  router.use('/strategies', strategyRouter());
  router.use(visitRouter(publicUrl));
  router.use(roundRouter(db, lms));
  router.use(noteRouter());
  router.use(debriefRouter());

  router.get(
    '/settings',
    wrap(async (_req, res) => {
      res.json(await getSettings(actorOf(res)));
    }),
  );
  router.put(
    '/settings',
    wrap(async (req, res) => {
      const body = parseAt('Settings', TenantSettingsSchema, req.body);
      res.json(await updateSettings(actorOf(res), body, new Date()));
    }),
  );
  router.post(
    '/deep-links/:id',
    wrap(async (req, res) => {
      const body = parseAt('Deep link', DeepLinkChoiceSchema, req.body);
      res.json(
        await answerDeepLink(actorOf(res), db, lms, publicUrl, String(req.params.id), body, new Date()),
      );
    }),
  );
  router.get(
    '/roster',
    wrap(async (_req, res) => {
      res.json(await courseColleagues(actorOf(res), db, lms));
    }),
  );
  router.get(
    '/settings/platform',
    wrap(async (_req, res) => {
      res.json(await platformInfo(actorOf(res), db));
    }),
  );

  router.use((req, _res, next) => next(new NotFoundError(`The API route ${req.method} ${req.path}`)));
  return router;
}
