import express, { type Router } from 'express';
import { toCsv } from '../../../shared/csv';
import { parseAt } from '../../../shared/errors';
import {
  NoteEditSchema,
  NoteInputSchema,
  NotesQuerySchema,
  PictureQuerySchema,
  RetentionSchema,
  ThanksInputSchema,
  UsefulInputSchema,
} from '../../../shared/notes';
import {
  changeRetention,
  editNote,
  getNote,
  listNotes,
  markUseful,
  removeNote,
  retention,
  thankForVisit,
  writeNote,
} from '../domain/notes';
import { schoolPicture } from '../domain/picture';
import { actorOf } from './middleware';
import { presentNote } from './presenters';
import { wrap } from './wrap';

/** /api/notes, /api/picture: evidence notes (read only by the visited teacher and the writer) and the picture. */
export function noteRouter(): Router {
  const router = express.Router();

  router.get(
    '/notes',
    wrap(async (req, res) => {
      const actor = actorOf(res);
      const q = parseAt('Notes query', NotesQuerySchema, req.query);
      const now = new Date();
      const rows = await listNotes(actor, q.which, now, q.visitId);
      res.json({
        items: rows.map((r) => presentNote(r, actor.personId)),
        expiresOn: (await retention(actor, now)).expiresOn,
      });
    }),
  );
  router.post(
    '/notes',
    wrap(async (req, res) => {
      const actor = actorOf(res);
      const body = parseAt('Note', NoteInputSchema, req.body);
      res.status(201).json(presentNote(await writeNote(actor, body, new Date()), actor.personId));
    }),
  );
  router.get(
    '/notes/retention',
    wrap(async (_req, res) => {
      res.json(await retention(actorOf(res), new Date()));
    }),
  );
  router.put(
    '/notes/retention',
    wrap(async (req, res) => {
      const body = parseAt('Retention', RetentionSchema, req.body);
      res.json(await changeRetention(actorOf(res), body, new Date()));
    }),
  );
  router.get(
    '/notes/:id',
    wrap(async (req, res) => {
      const actor = actorOf(res);
      res.json(presentNote(await getNote(actor, String(req.params.id), new Date()), actor.personId));
    }),
  );
  router.patch(
    '/notes/:id',
    wrap(async (req, res) => {
      const actor = actorOf(res);
      const body = parseAt('Note', NoteEditSchema, req.body);
      res.json(presentNote(await editNote(actor, String(req.params.id), body, new Date()), actor.personId));
    }),
  );
  router.delete(
    '/notes/:id',
    wrap(async (req, res) => {
      await removeNote(actorOf(res), String(req.params.id), new Date());
      res.status(204).end();
    }),
  );
  router.post(
    '/notes/:id/useful',
    wrap(async (req, res) => {
      const actor = actorOf(res);
      const body = parseAt('Useful', UsefulInputSchema, req.body);
      res.json(presentNote(await markUseful(actor, String(req.params.id), body, new Date()), actor.personId));
    }),
  );
  router.post(
    '/visits/:id/thanks',
    wrap(async (req, res) => {
      const body = parseAt('Thanks', ThanksInputSchema, req.body);
      await thankForVisit(actorOf(res), String(req.params.id), body, new Date());
      res.status(204).end();
    }),
  );

  router.get(
    '/picture',
    wrap(async (req, res) => {
      const { by } = parseAt('Picture query', PictureQuerySchema, req.query);
      res.json(await schoolPicture(actorOf(res), by, new Date()));
    }),
  );
  router.get(
    '/picture.csv',
    wrap(async (req, res) => {
      const { by } = parseAt('Picture query', PictureQuerySchema, req.query);
      const picture = await schoolPicture(actorOf(res), by, new Date());
      const rows = picture.groups.flatMap((g) => g.themes.map((t) => [g.kind, g.label, t.label, t.share]));
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', 'attachment; filename="school-picture.csv"')
        .send(toCsv(['group', 'name', 'pattern of evidence', 'visits showing it'], rows));
    }),
  );
  return router;
}
