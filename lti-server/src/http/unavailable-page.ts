import type { Request, Response } from 'express';
import { type DatabaseUnavailableError, renderWords } from '../../../shared/errors';
import { translator } from '../../../shared/i18n';
import { esc, page } from '../html';
import { requestLanguage } from './request-language';

/**
 * A page for a person (a launch, a login, the sandbox) while the database is unreachable: nothing is wrong with what
 * they did, so no reason code, just "try again shortly". In the browser's language: who is asking cannot be read
 * from the database now.
 */
export function renderDatabaseUnavailable(req: Request, res: Response, error: DatabaseUnavailableError) {
  const language = requestLanguage(req);
  const t = translator(language);
  res
    .status(error.status)
    .set('Retry-After', String(error.retryAfterSeconds))
    .type('html')
    .send(
      page(
        t('unavailable.title'),
        `<h1>${esc(t('unavailable.title'))}</h1><div class="card" role="alert"><p>${esc(renderWords(error.words, language))}</p>
<p class="muted">${esc(t('unavailable.retry'))}</p></div>`,
        { lang: language },
      ),
    );
}
