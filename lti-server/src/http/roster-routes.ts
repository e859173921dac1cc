import express, { type Router } from 'express';
import type { Db } from '../domain/database';
import { courseColleagues, type MemberSource } from '../domain/roster';
import { actorOf } from './middleware';
import { wrap } from './wrap';

/** /api/roster: the course's colleagues, from the LMS's Names and Roles service. */
export function rosterRouter(db: Db, members: MemberSource): Router {
  const router = express.Router();
  router.get(
    '/roster',
    wrap(async (_req, res) => {
      res.json(await courseColleagues(actorOf(res), db, members));
    }),
  );
  return router;
}
