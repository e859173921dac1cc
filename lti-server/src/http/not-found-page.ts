import type { Request, Response } from 'express';
import { type MessageKey, translator } from '../../../shared/i18n';
import { esc, page } from '../html';
import { requestLanguage } from './request-language';

/** A 404 HTML page in the asker's language (the person's choice, else the browser's), with an optional hint below. */
export function sendNotFoundPage(req: Request, res: Response, hint?: MessageKey): void {
  const language = requestLanguage(req);
  const t = translator(language);
  const body = `<h1>${esc(t('page.not-found.heading'))}</h1>${hint ? `<p>${esc(t(hint))}</p>` : ''}`;
  res
    .status(404)
    .type('html')
    .send(page(t('page.not-found.title'), body, { lang: language }));
}
