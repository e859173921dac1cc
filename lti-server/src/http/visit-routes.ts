import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import { VisitCancelInputSchema, VisitInputSchema, VisitQuerySchema } from '../../../shared/visits';
import { someoneWhoLeft } from '../domain/actor';
import { visitCalendar } from '../domain/calendar';
import { bookVisit, cancelVisit, getVisit, myVisitPage } from '../domain/visits';
import { sendCalendar } from './calendar-routes';
import { actorOf, principalOf } from './middleware';
import { presentVisit } from './presenters';
import { requestLanguage } from './request-language';
import { wrap } from './wrap';

/** /api/visits: a visitor's bookings of open doors, and each one's calendar file. */
export function visitRouter(): Router {
  const router = express.Router();

  router.get(
    '/visits',
    wrap(async (req, res) => {
      const query = parseAt('errors.source.visits-query', VisitQuerySchema, req.query);
      const { views, nextCursor } = await myVisitPage(actorOf(res), query, new Date());
      const left = someoneWhoLeft(actorOf(res));
      res.json({ items: views.map((v) => presentVisit(v, left)), nextCursor });
    }),
  );
  router.post(
    '/visits',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.booking', VisitInputSchema, req.body);
      const { view, created } = await bookVisit(actorOf(res), body, new Date());
      res.status(created ? 201 : 200).json(presentVisit(view, someoneWhoLeft(actorOf(res))));
    }),
  );
  router.get(
    '/visits/:id',
    wrap(async (req, res) => {
      res.json(
        presentVisit(await getVisit(actorOf(res), String(req.params.id)), someoneWhoLeft(actorOf(res))),
      );
    }),
  );
  router.post(
    '/visits/:id/cancel',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.cancel', VisitCancelInputSchema, req.body);
      res.json(
        presentVisit(
          await cancelVisit(actorOf(res), String(req.params.id), body, new Date()),
          someoneWhoLeft(actorOf(res)),
        ),
      );
    }),
  );
  router.get(
    '/visits/:id/ics',
    wrap(async (req, res) => {
      const language = requestLanguage(req, principalOf(res).me.person);
      sendCalendar(res, await visitCalendar(actorOf(res), String(req.params.id), language), 'visit.ics');
    }),
  );
  return router;
}
