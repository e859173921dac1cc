import express, { type Router } from 'express';
import { DeepLinkChoiceSchema } from '../../../shared/deep-linking';
import { parseAt } from '../../../shared/errors';
import type { Db } from '../domain/database';
import { answerDeepLink, type DeepLinkSigner } from '../domain/deep-linking';
import { actorOf } from './middleware';
import { wrap } from './wrap';

/** /api/deep-links/:id: the answer to an LMS's deep-linking request (the strategy a coach picked to place there). */
export function deepLinkRouter(db: Db, signer: DeepLinkSigner, publicUrl: string): Router {
  const router = express.Router();
  router.post(
    '/deep-links/:id',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.deep-link', DeepLinkChoiceSchema, req.body);
      res.json(
        await answerDeepLink(actorOf(res), db, signer, publicUrl, String(req.params.id), body, new Date()),
      );
    }),
  );
  return router;
}
