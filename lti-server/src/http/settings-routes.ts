import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import { SchoolNameInputSchema, TenantSettingsSchema } from '../../../shared/settings';
import type { Db } from '../domain/database';
import { schoolDayOf } from '../domain/school-day';
import { getSettings, menuOptions, nameSchool, platformInfo, updateSettings } from '../domain/settings';
import { actorOf } from './middleware';
import { wrap } from './wrap';

/**
 * /api/settings: the school's settings, and what the LMS platform sends (which roles make a coach). /api/school-day:
 * the school's time zone and bell schedule, read by everyone's door and round forms.
 */
export function settingsRouter(db: Db): Router {
  const router = express.Router();
  router.get(
    '/settings',
    wrap(async (_req, res) => {
      res.json(await getSettings(actorOf(res)));
    }),
  );
  router.put(
    '/settings',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.settings', TenantSettingsSchema, req.body);
      res.json(await updateSettings(actorOf(res), body, new Date()));
    }),
  );
  router.get(
    '/school-day',
    wrap(async (_req, res) => {
      res.json(await schoolDayOf(actorOf(res)));
    }),
  );
  router.get(
    '/settings/subjects',
    wrap(async (_req, res) => {
      res.json(await menuOptions(actorOf(res)));
    }),
  );
  router.get(
    '/settings/platform',
    wrap(async (_req, res) => {
      res.json(await platformInfo(actorOf(res), db));
    }),
  );
  router.put(
    '/settings/school-name',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.school-name', SchoolNameInputSchema, req.body);
      res.json(await nameSchool(actorOf(res), db, body));
    }),
  );
  return router;
}
