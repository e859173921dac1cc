import { z } from 'zod';

/** The interface languages, US English first: it is the source language every key is written in. */
export const LANGUAGES = ['en', 'es'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Each language's own name, as a language switch shows it (never translated: a reader looks for their own). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/** The language of a BCP 47 tag, when it is one we have: "es", "es-419", "es-MX" → es; "en-GB" → en; "fr" → none. */
export function languageOf(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LanguageSchema.safeParse(primary).data;
}

/**
 * The language of the first of `tags` that names one we have, US English when none does: resolveLanguage's language
 * without its formatting tag, which asks `Intl` about the tag (the API answers every request in a language, issue #20).
 */
export function firstLanguage(tags: ReadonlyArray<string | null | undefined>): Language {
  for (const tag of tags) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'en';
}

/**
 * The first of `tags` (most preferred first: the person's own choice, the LTI launch's `locale` claim, the browser's
 * `navigator.languages`) that names a language we have, and the tag to format dates and numbers with: the tag itself
 * when `Intl` knows it ("es-419" keeps Latin-American formats), else the bare language. US English when none fits.
 */
export function resolveLanguage(tags: ReadonlyArray<string | null | undefined>): {
  language: Language;
  locale: string;
} {
  const language = tags.map(languageOf).find((l) => l !== undefined);
  if (!language) return { language: 'en', locale: 'en-US' };
  // A bare choice ("es") borrows a region from a later tag of the same language ("es-MX") for its formats.
  const tag =
    tags.find((t) => languageOf(t) === language && /[-_]/.test(t ?? '')) ??
    tags.find((t) => languageOf(t) === language) ??
    language;
  return { language, locale: intlTag(tag.trim().replace(/_/g, '-'), language) };
}

function intlTag(tag: string, language: Language): string {
  try {
    const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
    return supported ?? (language === 'en' ? 'en-US' : language);
  } catch {
    return language === 'en' ? 'en-US' : language; // a malformed tag
  }
}

/**
 * The tags of an HTTP Accept-Language header, most preferred first ("es-419,es;q=0.9,en;q=0.5" → es-419, es, en);
 * entries with q=0 and the wildcard are left out.
 */
export function acceptLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.tag && e.tag !== '*' && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}
