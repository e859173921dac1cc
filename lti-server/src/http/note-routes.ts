import express, { type Router } from 'express';
import { parseAt } from '../../../shared/errors';
import {
  NoteEditSchema,
  NoteInputSchema,
  NotesQuerySchema,
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
import { actorOf } from './middleware';
import { presentNote } from './presenters';
import { wrap } from './wrap';

/** /api/notes: evidence notes, read only by the visited teacher and the writer, and thanks for a visit. */
export function noteRouter(): Router {
  const router = express.Router();

  router.get(
    '/notes',
    wrap(async (req, res) => {
      const actor = actorOf(res);
      const q = parseAt('errors.source.notes-query', NotesQuerySchema, req.query);
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
      const body = parseAt('errors.source.note', NoteInputSchema, req.body);
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
      const body = parseAt('errors.source.retention', RetentionSchema, req.body);
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
      const body = parseAt('errors.source.note', NoteEditSchema, req.body);
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
      const body = parseAt('errors.source.useful', UsefulInputSchema, req.body);
      res.json(presentNote(await markUseful(actor, String(req.params.id), body, new Date()), actor.personId));
    }),
  );
  router.post(
    '/visits/:id/thanks',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.thanks', ThanksInputSchema, req.body);
      await thankForVisit(actorOf(res), String(req.params.id), body, new Date());
      res.status(204).end();
    }),
  );
  return router;
}
