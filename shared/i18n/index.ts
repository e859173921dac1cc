import i18next, { type i18n } from 'i18next';
import en from './en.json';
import es from './es.json';
import { type Language, LANGUAGES, resolveLanguage } from './languages';

export {
  acceptLanguages,
  firstLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  LanguageSchema,
  languageOf,
  resolveLanguage,
} from './languages';

/** Every message key of the US English catalog; a plural is one key ("menu.count"), its forms are `_one`, `_other`… */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
export type MessageKey = {
  [K in keyof typeof en]: K extends `${infer Base}_${PluralSuffix}` ? Base : K;
}[keyof typeof en];

/** Values for a message's `{{name}}` placeholders; `count` also picks the plural form (Intl.PluralRules). */
export type MessageParams = Record<string, string | number>;

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const CATALOGS: Record<Language, Record<string, string>> = { en, es };

/** Whether a text is a key of the catalogs (a plural by its base name), e.g. a zod schema's custom message. */
export function isMessageKey(text: string): text is MessageKey {
  return text in en || `${text}_one` in en;
}

/**
 * One i18next instance, set up synchronously with both catalogs (no loading, no global instance touched): keys are
 * flat ("nav.menu"), so neither `.` nor `:` means anything; values are not HTML-escaped here because every reader
 * escapes on output (Preact, the server's page helpers, CSV and ICS writers); a key missing in Spanish falls back to
 * English (a unit test keeps both catalogs complete).
 */
const instance: i18n = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: CATALOGS[l] }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  returnNull: false,
  interpolation: { escapeValue: false },
});

/** A translator fixed to one language: for the server, which answers each request in its asker's language. */
export function translator(language: Language): Translate {
  let cached = translators.get(language);
  if (!cached) {
    const fixed = instance.getFixedT(language);
    cached = (key, params) => fixed(key, params ?? {}) as string;
    translators.set(language, cached);
  }
  return cached;
}
const translators = new Map<Language, Translate>();

// The interface's current language (the app and the extension pages each show one at a time).
let current: { language: Language; locale: string } = { language: 'en', locale: 'en-US' };
let currentT = translator('en');

/**
 * Sets the interface language from preference tags, most preferred first (see `resolveLanguage`), and returns what
 * was chosen. Re-rendering is the caller's business (the app keeps the language in its root state).
 */
export function setLanguage(tags: ReadonlyArray<string | null | undefined>): {
  language: Language;
  locale: string;
} {
  current = resolveLanguage(tags);
  currentT = translator(current.language);
  return current;
}

/** The interface's current language. */
export function currentLanguage(): Language {
  return current.language;
}

/** The BCP 47 tag dates, times and numbers are formatted with (`Intl`), e.g. "es-419". */
export function currentLocale(): string {
  return current.locale;
}

/** A message in the interface's current language. */
export const t: Translate = (key, params) => currentT(key, params);

/** A number for the current locale ("1,234.5" / "1234,5"). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(current.locale, options).format(value);
}

/** A list for the current locale ("a, b, and c" / "a, b y c"). */
export function formatList(items: string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(current.locale, { style: 'long', type }).format(items);
}
