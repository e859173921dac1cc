import type { Request } from 'express';
import {
  acceptLanguages,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  languageOf,
  resolveLanguage,
  type Translate,
  translator,
} from '../../../shared/i18n';
import { esc } from '../html';
import { sandboxLocale } from './platform';

/** What a sandbox page needs to speak its visitor's language and keep it on the sandbox's own links. */
export interface SandboxWords {
  language: Language;
  t: Translate;
  /** A sandbox address that keeps an explicit `?lang=` choice. */
  link(path: string): string;
  /** English / Español links to this same page. */
  switcher: string;
}

/**
 * The sandbox LMS's own pages speak the visitor's language: an explicit `?lang=en|es` (its language links), then the
 * launch's locale (`?locale=`, from the "En español" buttons), then the browser's Accept-Language; US English otherwise.
 */
export function sandboxWords(req: Request, locale?: string): SandboxWords {
  const chosen = typeof req.query.lang === 'string' ? languageOf(req.query.lang) : undefined;
  const { language } = resolveLanguage([
    chosen,
    locale ?? sandboxLocale(req.query.locale),
    ...acceptLanguages(req.get('accept-language')),
  ]);
  const t = translator(language);
  const link = (path: string) => (chosen ? withLang(path, chosen) : path);
  const here = req.originalUrl;
  const switcher = `<nav class="sandbox-languages" aria-label="${esc(t('sandbox.languages'))}">${LANGUAGES.map(
    (l) =>
      `<a href="${esc(withLang(here, l))}" lang="${l}"${l === language ? ' aria-current="page"' : ''}>${esc(LANGUAGE_NAMES[l])}</a>`,
  ).join(' ')}</nav>`;
  return { language, t, link, switcher };
}

/** `path` with its `lang` query value set to `language` (other values kept). */
function withLang(path: string, language: Language): string {
  const [base = '', query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('lang', language);
  return `${base}?${params}`;
}
