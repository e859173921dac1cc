import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';

/**
 * The extension's text goes through the browser's own i18n (`_locales/en|es/messages.json`, the browser's UI
 * language picks one): the manifest uses `__MSG_key__`, the pages `msg(key, params)`. Placeholders are named in the
 * catalogs (`$COUNT$`) and handed over in the order of their names. Where the browser has no catalog (unit tests run
 * a fake browser) the English one is read directly.
 */
export type ExtensionMessageKey = keyof typeof en;

/**
 * The language of the catalog the browser picked, for `<html lang>` and `Intl`: each catalog says its own
 * (`ext_lang`), since `@@ui_locale` and `getUILanguage()` can disagree with the catalog used (headless Chromium
 * with --lang=es answers en_US yet shows Spanish). US English where the browser has no catalog.
 */
export function uiLocale(): string {
  try {
    const language = browser.i18n.getMessage('ext_lang');
    return language === 'en' || !language ? 'en-US' : language;
  } catch {
    return 'en-US';
  }
}

export function msg(key: ExtensionMessageKey, params: Record<string, string | number> = {}): string {
  const substitutions = Object.keys(params)
    .sort()
    .map((name) => String(params[name]));
  let text = '';
  try {
    text = browser.i18n.getMessage(key, substitutions);
  } catch {
    // A fake browser without i18n: English below.
  }
  if (text) return text;
  const entry = en[key] as { message: string };
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => String(params[name.toLowerCase()] ?? ''));
}
