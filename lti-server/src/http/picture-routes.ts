import express, { type Router } from 'express';
import { toCsv } from '../../../shared/csv';
import { parseAt } from '../../../shared/errors';
import { PictureQuerySchema } from '../../../shared/notes';
import { schoolPicture } from '../domain/picture';
import { finishedRoundPictures } from '../domain/round-pictures';
import { actorOf } from './middleware';
import { wrap } from './wrap';

/**
 * /api/picture and /api/picture.csv: the school-wide picture of the evidence, never per teacher (coaches);
 * /api/picture/rounds: the picture of finished rounds, shared with every teacher of the school.
 */
export function pictureRouter(): Router {
  const router = express.Router();
  router.get(
    '/picture/rounds',
    wrap(async (_req, res) => {
      res.json(await finishedRoundPictures(actorOf(res)));
    }),
  );
  router.get(
    '/picture',
    wrap(async (req, res) => {
      const { by } = parseAt('Picture query', PictureQuerySchema, req.query);
      res.json(await schoolPicture(actorOf(res), by));
    }),
  );
  router.get(
    '/picture.csv',
    wrap(async (req, res) => {
      const { by } = parseAt('Picture query', PictureQuerySchema, req.query);
      const picture = await schoolPicture(actorOf(res), by);
      const rows = picture.groups.flatMap((g) => g.themes.map((t) => [g.kind, g.label, t.label, t.share]));
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', 'attachment; filename="school-picture.csv"')
        .send(toCsv(['group', 'name', 'pattern of evidence', 'visits showing it'], rows));
    }),
  );
  return router;
}
