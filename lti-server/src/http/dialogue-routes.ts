import express, { type Router } from 'express';
import { type Dialogue, DialogueEntryInputSchema } from '../../../shared/dialogue';
import { parseAt } from '../../../shared/errors';
import { type DialogueThread, readDialogue, writeDialogue } from '../domain/dialogue';
import { actorOf } from './middleware';
import { wrap } from './wrap';

function presentDialogue(thread: DialogueThread, readerId: string): Dialogue {
  return {
    doorId: thread.door.id,
    startsAt: thread.door.startsAt,
    endsAt: thread.door.endsAt,
    strategyTitle: thread.door.strategyTitle,
    host: { id: thread.door.hostId, name: thread.door.hostName },
    role: thread.role,
    open: thread.open,
    canWrite: thread.canWrite,
    entries: thread.entries.map((e) => ({
      id: e.id,
      part: e.part,
      text: e.text,
      author: { id: e.authorId, name: e.authorName },
      mine: e.authorId === readerId,
      createdAt: e.createdAt,
    })),
    expiresOn: thread.expiresOn,
  };
}

/** /api/doors/:id/dialogue: a visit's reflective dialogue, private to its host and its visitors. */
export function dialogueRouter(): Router {
  const router = express.Router();
  router.get(
    '/doors/:id/dialogue',
    wrap(async (req, res) => {
      const actor = actorOf(res);
      res.json(presentDialogue(await readDialogue(actor, String(req.params.id), new Date()), actor.personId));
    }),
  );
  router.post(
    '/doors/:id/dialogue',
    wrap(async (req, res) => {
      const actor = actorOf(res);
      const body = parseAt('errors.source.dialogue-entry', DialogueEntryInputSchema, req.body);
      const thread = await writeDialogue(actor, String(req.params.id), body, new Date());
      res.status(201).json(presentDialogue(thread, actor.personId));
    }),
  );
  return router;
}
