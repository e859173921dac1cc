import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import { DoorInputSchema, DoorQuerySchema } from '../../../shared/visits';
import { someoneWhoLeft } from '../domain/actor';
import { doorCalendar } from '../domain/calendar';
import { cancelDoor, findDoors, getDoor, openDoors } from '../domain/doors';
import { sendCalendar } from './calendar-routes';
import { actorOf, principalOf } from './middleware';
import { presentDoor, presentDoorCard } from './presenters';
import { requestLanguage } from './request-language';
import { wrap } from './wrap';

/** /api/doors: the time windows hosts open for sampling their strategy, and each one's calendar file. */
export function doorRouter(): Router {
  const router = express.Router();

  router.get(
    '/doors',
    wrap(async (req, res) => {
      const query = parseAt('errors.source.open-doors-query', DoorQuerySchema, req.query);
      const { views, nextCursor } = await findDoors(actorOf(res), query);
      const left = someoneWhoLeft(actorOf(res));
      res.json({ items: views.map((v) => presentDoorCard(v, left)), nextCursor });
    }),
  );
  router.post(
    '/doors',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.open-door', DoorInputSchema, req.body);
      const { views, seriesId } = await openDoors(actorOf(res), body, new Date());
      res
        .status(201)
        .json({ items: views.map((v) => presentDoor(v, someoneWhoLeft(actorOf(res)))), seriesId });
    }),
  );
  router.get(
    '/doors/:id',
    wrap(async (req, res) => {
      res.json(presentDoor(await getDoor(actorOf(res), String(req.params.id)), someoneWhoLeft(actorOf(res))));
    }),
  );
  router.post(
    '/doors/:id/cancel',
    wrap(async (req, res) => {
      res.json(
        presentDoor(
          await cancelDoor(actorOf(res), String(req.params.id), new Date()),
          someoneWhoLeft(actorOf(res)),
        ),
      );
    }),
  );
  router.get(
    '/doors/:id/ics',
    wrap(async (req, res) => {
      const language = requestLanguage(req, principalOf(res).me.person);
      sendCalendar(res, await doorCalendar(actorOf(res), String(req.params.id), language), 'open-door.ics');
    }),
  );
  return router;
}
