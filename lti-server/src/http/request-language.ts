import type { Request } from 'express';
import { acceptLanguages, type Language, resolveLanguage } from '../../../shared/i18n';

/**
 * The language to answer a request in, as the app chooses it: the person's own choice, then the LMS's locale claim,
 * then the browser's Accept-Language (the app sends its current language there; refusal pages have only that).
 */
export function requestLanguage(req: Request, person?: { language?: string; locale?: string }): Language {
  return resolveLanguage([person?.language, person?.locale, ...acceptLanguages(req.get('accept-language'))])
    .language;
}
