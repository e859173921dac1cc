import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import { DoorInputSchema, DoorQuerySchema, VisitInputSchema } from '../../../shared/visits';
import { createFeed, doorCalendar, feedStatus, revokeFeed, visitCalendar } from '../domain/calendar';
import { cancelDoor, findDoors, getDoor, openDoors } from '../domain/doors';
import { bookVisit, cancelVisit, getVisit, myVisits } from '../domain/visits';
import { actorOf } from './middleware';
import { presentDoor, presentVisit } from './presenters';
import { wrap } from './wrap';

function sendCalendar(res: express.Response, ics: string, filename: string) {
  res
    .type('text/calendar; charset=utf-8')
    .set('Content-Disposition', `attachment; filename="${filename}"`)
    .set('Cache-Control', 'no-store')
    .send(ics);
}

/** /api/doors, /api/visits and /api/calendar: open doors, bookings and the person's calendar. */
export function visitRouter(publicUrl: string): Router {
  const router = express.Router();

  router.get(
    '/doors',
    wrap(async (req, res) => {
      const query = parseAt('Open doors query', DoorQuerySchema, req.query);
      res.json({ items: (await findDoors(actorOf(res), query)).map(presentDoor) });
    }),
  );
  router.post(
    '/doors',
    wrap(async (req, res) => {
      const body = parseAt('Open door', DoorInputSchema, req.body);
      const { views, seriesId } = await openDoors(actorOf(res), body, new Date());
      res.status(201).json({ items: views.map(presentDoor), seriesId });
    }),
  );
  router.get(
    '/doors/:id',
    wrap(async (req, res) => {
      res.json(presentDoor(await getDoor(actorOf(res), String(req.params.id))));
    }),
  );
  router.post(
    '/doors/:id/cancel',
    wrap(async (req, res) => {
      res.json(presentDoor(await cancelDoor(actorOf(res), String(req.params.id), new Date())));
    }),
  );
  router.get(
    '/doors/:id/ics',
    wrap(async (req, res) => {
      sendCalendar(res, await doorCalendar(actorOf(res), String(req.params.id)), 'open-door.ics');
    }),
  );

  router.get(
    '/visits',
    wrap(async (_req, res) => {
      res.json({ items: (await myVisits(actorOf(res), new Date())).map(presentVisit) });
    }),
  );
  router.post(
    '/visits',
    wrap(async (req, res) => {
      const body = parseAt('Booking', VisitInputSchema, req.body);
      const { view, created } = await bookVisit(actorOf(res), body, new Date());
      res.status(created ? 201 : 200).json(presentVisit(view));
    }),
  );
  router.get(
    '/visits/:id',
    wrap(async (req, res) => {
      res.json(presentVisit(await getVisit(actorOf(res), String(req.params.id))));
    }),
  );
  router.post(
    '/visits/:id/cancel',
    wrap(async (req, res) => {
      res.json(presentVisit(await cancelVisit(actorOf(res), String(req.params.id), new Date())));
    }),
  );
  router.get(
    '/visits/:id/ics',
    wrap(async (req, res) => {
      sendCalendar(res, await visitCalendar(actorOf(res), String(req.params.id)), 'visit.ics');
    }),
  );

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
