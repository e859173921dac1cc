import type { Request } from 'express';
import {
  acceptLanguages,
  firstLanguage,
  type Language,
  languageOf,
  resolveLanguage,
} from '../../../shared/i18n';

/**
 * The language to answer a request in, as the app chooses it: the person's own choice, then the LMS's locale claim,
 * then the browser's Accept-Language (the app sends its current language there; refusal pages have only that).
 */
export function requestLanguage(req: Request, person?: { language?: string; locale?: string }): Language {
  return firstLanguage([person?.language, person?.locale, ...acceptLanguages(req.get('accept-language'))]);
}

/** A page's language as its visitor picked it with its English / Español links (`?lang=en|es`), if they did. */
function chosenLanguage(req: Request): Language | undefined {
  return typeof req.query.lang === 'string' ? languageOf(req.query.lang) : undefined;
}

/**
 * A public page's language (no session, no launch): the visitor's `?lang=`, then `more` (e.g. the sandbox launch's
 * locale), then the browser's Accept-Language; US English otherwise.
 */
export function pageLanguage(
  req: Request,
  ...more: Array<string | undefined>
): { language: Language; locale: string; chosen: Language | undefined } {
  const chosen = chosenLanguage(req);
  return { ...resolveLanguage([chosen, ...more, ...acceptLanguages(req.get('accept-language'))]), chosen };
}
