import express, { type Router } from 'express';
import { createFeed, feedCalendar, feedStatus, revokeFeed } from '../domain/calendar';
import type { DatabaseHandle } from '../domain/database';
import { actorOf } from './middleware';
import { rateLimit } from './rate-limit';
import { wrap } from './wrap';

/** A calendar file to download (an open door's or a visit's .ics). */
export function sendCalendar(res: express.Response, ics: string, filename: string) {
  res
    .type('text/calendar; charset=utf-8')
    .set('Content-Disposition', `attachment; filename="${filename}"`)
    .set('Cache-Control', 'no-store')
    .send(ics);
}

/** /api/calendar: the person's private calendar feed, its status, creating (or replacing) and revoking it. */
export function calendarRouter(publicUrl: string): Router {
  const router = express.Router();
  router.get(
    '/calendar',
    wrap(async (_req, res) => {
      res.json(await feedStatus(actorOf(res)));
    }),
  );
  router.post(
    '/calendar',
    wrap(async (_req, res) => {
      res.status(201).json(await createFeed(actorOf(res), publicUrl, new Date()));
    }),
  );
  router.delete(
    '/calendar',
    wrap(async (_req, res) => {
      await revokeFeed(actorOf(res), new Date());
      res.status(204).end();
    }),
  );
  return router;
}

/** /calendar/:token.ics: calendar apps fetch a person's private feed by its secret URL, with no session. */
export function calendarFeedRouter(database: DatabaseHandle): Router {
  const router = express.Router();
  router.get(
    '/:file',
    rateLimit({ name: 'calendar', limit: 120, windowMs: 60_000 }),
    wrap(async (req, res) => {
      const token = String(req.params.file).replace(/\.ics$/, '');
      const ics = await feedCalendar(database.db, database.kind, token, new Date());
      res.type('text/calendar; charset=utf-8').set('Cache-Control', 'no-store').send(ics);
    }),
  );
  return router;
}
