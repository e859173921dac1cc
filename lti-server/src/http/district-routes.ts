import express, { type Router } from 'express';
import { DialogueEntryInputSchema } from '../../../shared/dialogue';
import {
  CrossCancelInputSchema,
  DistrictInputSchema,
  DistrictJoinInputSchema,
  DistrictRoundInputSchema,
  DistrictVisitInputSchema,
} from '../../../shared/districts';
import { parseAt } from '../../../shared/errors';
import { NoteInputSchema } from '../../../shared/notes';
import type { Db } from '../domain/database';
import {
  acceptDistrict,
  acknowledgeCrossBriefing,
  cancelCrossVisit,
  crossDialogue,
  crossRound,
  districtPage,
  inviteToDistrict,
  joinDistrict,
  leaveDistrict,
  myDistricts,
  openRoundToDistrict,
  startDistrict,
  takeDistrictSeat,
  visitCrossRound,
  writeCrossDialogue,
  writeCrossNote,
} from '../domain/districts';
import { actorOf } from './middleware';
import { wrap } from './wrap';

/**
 * /api/districts: district networks across schools (docs/rounds.md, "Networks across schools"). Coaches of member
 * schools only; a district, round or seat the asker's school cannot reach answers 404.
 */
export function districtRouter(db: Db): Router {
  const router = express.Router();
  const id = (req: express.Request) => String(req.params.id);
  const round = (req: express.Request) => String(req.params.roundId);
  router.get(
    '/districts',
    wrap(async (_req, res) => {
      res.json({ items: await myDistricts(actorOf(res), db) });
    }),
  );
  router.post(
    '/districts',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.district', DistrictInputSchema, req.body);
      res.status(201).json(await startDistrict(actorOf(res), db, body, new Date()));
    }),
  );
  router.post(
    '/districts/join',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.invitation', DistrictJoinInputSchema, req.body);
      res.json(await joinDistrict(actorOf(res), db, body, new Date()));
    }),
  );
  router.get(
    '/districts/:id',
    wrap(async (req, res) => {
      res.json(await districtPage(actorOf(res), db, id(req), new Date()));
    }),
  );
  router.post(
    '/districts/:id/accept',
    wrap(async (req, res) => {
      res.json(await acceptDistrict(actorOf(res), db, id(req), new Date()));
    }),
  );
  router.post(
    '/districts/:id/invites',
    wrap(async (req, res) => {
      res.status(201).json(await inviteToDistrict(actorOf(res), db, id(req), new Date()));
    }),
  );
  router.post(
    '/districts/:id/rounds',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.cross-school-round', DistrictRoundInputSchema, req.body);
      res.status(201).json(await openRoundToDistrict(actorOf(res), db, id(req), body, new Date()));
    }),
  );
  router.get(
    '/districts/:id/rounds/:roundId',
    wrap(async (req, res) => {
      res.json(await crossRound(actorOf(res), db, id(req), round(req), new Date()));
    }),
  );
  router.post(
    '/districts/:id/rounds/:roundId/seat',
    wrap(async (req, res) => {
      res.json(await takeDistrictSeat(actorOf(res), db, id(req), round(req), new Date()));
    }),
  );
  router.post(
    '/districts/:id/rounds/:roundId/visits',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.visit', DistrictVisitInputSchema, req.body);
      res.json(await visitCrossRound(actorOf(res), db, id(req), round(req), body, new Date()));
    }),
  );
  router.post(
    '/districts/:id/rounds/:roundId/notes',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.note', NoteInputSchema, req.body);
      res.status(201).json(await writeCrossNote(actorOf(res), db, id(req), round(req), body, new Date()));
    }),
  );
  router.post(
    '/districts/:id/rounds/:roundId/briefing/ack',
    wrap(async (req, res) => {
      res.json(await acknowledgeCrossBriefing(actorOf(res), db, id(req), round(req), new Date()));
    }),
  );
  router.post(
    '/districts/:id/rounds/:roundId/visits/:visitId/cancel',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.cancel', CrossCancelInputSchema, req.body);
      const visitId = String(req.params.visitId);
      res.json(await cancelCrossVisit(actorOf(res), db, id(req), round(req), visitId, body, new Date()));
    }),
  );
  router.get(
    '/districts/:id/rounds/:roundId/dialogue/:doorId',
    wrap(async (req, res) => {
      const doorId = String(req.params.doorId);
      res.json(await crossDialogue(actorOf(res), db, id(req), round(req), doorId, new Date()));
    }),
  );
  router.post(
    '/districts/:id/rounds/:roundId/dialogue/:doorId',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.dialogue-entry', DialogueEntryInputSchema, req.body);
      const doorId = String(req.params.doorId);
      res
        .status(201)
        .json(await writeCrossDialogue(actorOf(res), db, id(req), round(req), doorId, body, new Date()));
    }),
  );
  router.post(
    '/districts/:id/leave',
    wrap(async (req, res) => {
      res.json(await leaveDistrict(actorOf(res), db, id(req), new Date()));
    }),
  );
  return router;
}
