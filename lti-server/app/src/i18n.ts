import { type FieldWords, renderWords } from '../../../shared/errors';
import { currentLanguage, type Language, setLanguage } from '../../../shared/i18n';

/** The browser's languages, most preferred first (`navigator.languages`; older browsers give only one). */
export function browserLanguages(): string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length
    ? [...navigator.languages]
    : navigator.language
      ? [navigator.language]
      : [];
}

/**
 * Sets the interface language from the person's own choice, then the LMS's `locale` claim, then the browser, and
 * tells the page (`<html lang>`, which screen readers and spell checkers follow). Returns the language chosen.
 */
export function applyLanguage(person?: { language?: string; locale?: string }): Language {
  const chosen = setLanguage([person?.language, person?.locale, ...browserLanguages()]);
  if (typeof document !== 'undefined') document.documentElement.lang = chosen.locale;
  return chosen.language;
}

/**
 * A schema's problem as a screen shows it (a form checks its input with `parseWords` before it sends it): in the
 * interface's language, catalog keys with the issue's values and zod's own default messages alike, as the server
 * words them in its answers.
 */
export function issueMessage(problem: FieldWords): string {
  return renderWords(problem.message, currentLanguage());
}
