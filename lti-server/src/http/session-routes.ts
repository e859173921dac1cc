import express, { type Router } from 'express';
import { LanguageChoiceSchema } from '../../../shared/api';
import { parseAt } from '../../../shared/errors';
import type { Db } from '../domain/database';
import { chooseLanguage, endSession } from '../domain/sessions';
import { principalOf } from './middleware';
import { wrap } from './wrap';

/** /api/me (who the session's token belongs to), PUT /api/me/language (the language switch) and DELETE /api/session (signing out ends the token). */
export function sessionRouter(db: Db): Router {
  const router = express.Router();
  router.get('/me', (_req, res) => {
    res.json(principalOf(res).me);
  });
  router.put(
    '/me/language',
    wrap(async (req, res) => {
      const choice = parseAt('errors.source.language', LanguageChoiceSchema, req.body);
      res.json(await chooseLanguage(db, principalOf(res), choice));
    }),
  );
  router.delete(
    '/session',
    wrap(async (req, res) => {
      const token = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
      await endSession(db, token.trim(), new Date());
      res.status(204).end();
    }),
  );
  return router;
}
