import { browser } from 'wxt/browser';
import { type Settings, SettingsSchema } from '../../shared/messages';

/** Where `npm start` serves the tool; the default until a teacher enters their school's address. */
export const DEFAULT_SERVER_URL = 'http://localhost:3000';

const KEY = 'settings';

/** Settings live in browser.storage.local; what is read back is validated, a corrupt value falls back to defaults. */
export async function readSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = SettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : { serverUrl: null, defaultTags: [] };
}

export async function writeSettings(settings: Settings): Promise<Settings> {
  const valid = SettingsSchema.parse(settings);
  await browser.storage.local.set({ [KEY]: valid });
  return valid;
}
