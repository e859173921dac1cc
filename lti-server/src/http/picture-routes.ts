import express, { type Router } from 'express';
import { toCsv } from '../../../shared/csv';
import { parseAt } from '../../../shared/errors';
import { translator } from '../../../shared/i18n';
import { PictureQuerySchema } from '../../../shared/notes';
import { schoolPicture } from '../domain/picture';
import { finishedRoundPictures } from '../domain/round-pictures';
import { actorOf, principalOf } from './middleware';
import { requestLanguage } from './request-language';
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
      const { by } = parseAt('errors.source.picture-query', PictureQuerySchema, req.query);
      res.json(await schoolPicture(actorOf(res), by));
    }),
  );
  router.get(
    '/picture.csv',
    wrap(async (req, res) => {
      const { by } = parseAt('errors.source.picture-query', PictureQuerySchema, req.query);
      const picture = await schoolPicture(actorOf(res), by);
      const rows = picture.groups.flatMap((g) => g.themes.map((t) => [g.kind, g.label, t.label, t.share]));
      // Column names in the asker's language; the rows keep the picture's stable values.
      const t = translator(requestLanguage(req, principalOf(res).me.person));
      const header = [
        t('csv.picture.group'),
        t('csv.picture.name'),
        t('csv.picture.pattern'),
        t('csv.picture.visits'),
      ];
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', 'attachment; filename="school-picture.csv"')
        .send(toCsv(header, rows));
    }),
  );
  return router;
}
