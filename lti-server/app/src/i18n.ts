import { isMessageKey, type Language, setLanguage, t } from '../../../shared/i18n';

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

/** What a screen reads of a failed zod check (a `z.core.$ZodIssue`). */
interface SchemaIssue {
  code: string;
  message: string;
  minimum?: unknown;
  maximum?: unknown;
}

/**
 * A schema's own message as a screen shows it: a catalog key (`errors.field.*`) in the interface's language, with the
 * issue's bounds as `{{minimum}}` / `{{maximum}}` like the server's answers; any other text as it is.
 */
export function issueMessage(issue: SchemaIssue): string {
  if (!isMessageKey(issue.message)) return issue.message;
  const params: Record<string, number> = {};
  if (issue.code === 'too_small') params.minimum = Number(issue.minimum);
  if (issue.code === 'too_big') params.maximum = Number(issue.maximum);
  return t(issue.message, params);
}
