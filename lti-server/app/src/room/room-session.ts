import { z } from 'zod';
import { LanguageSchema } from '../../../../shared/i18n';
import { type RoomSession, RoomSessionSchema } from '../../../../shared/room';

/**
 * The room page's session. It signs in with a single-use link whose secret rides in the fragment (`#signin=…`, never
 * sent to a server): the page removes it from the address bar at once and exchanges it for a session token, kept in
 * localStorage (this origin, outside any frame) until it expires, so a door sign scanned later in a new tab finds it.
 * Signing out ends the session on the server and forgets it here.
 */
const KEY = 'tasting-menu.room-session';

/** The secret of a sign-in link in the address, removed from the address bar (and history) before anything else. */
export function takeSignInSecret(location: Location, history: History): string | undefined {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const secret = params.get('signin');
  if (!secret) return undefined;
  history.replaceState(null, '', location.pathname + location.search);
  return secret;
}

export function readRoomSession(storage: Storage, now: Date): string | undefined {
  try {
    const stored = RoomSessionSchema.safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    if (stored.success && Date.parse(stored.data.expiresAt) > now.getTime()) return stored.data.token;
    storage.removeItem(KEY);
  } catch {
    // Unreadable or blocked storage: no session.
  }
  return undefined;
}

export function keepRoomSession(storage: Storage, session: RoomSession): void {
  try {
    storage.setItem(KEY, JSON.stringify({ token: session.token, expiresAt: session.expiresAt }));
  } catch {
    // Storage blocked: the session still works for this page view.
  }
}

export function forgetRoomSession(storage: Storage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

/**
 * The person's language preferences (their own choice, their LMS's locale) from the last /api/me this phone read, so
 * the page speaks their language before /api/me answers, or when it opens offline. Kept after signing out: it names
 * nobody, and the next sign-in page is then in the language the phone was used in.
 */
const LANGUAGE_KEY = 'tasting-menu.room-language';
const RoomLanguageSchema = z.object({
  language: LanguageSchema.optional(),
  locale: z.string().max(64).optional(),
});
export type RoomLanguage = z.infer<typeof RoomLanguageSchema>;

export function readRoomLanguage(storage: Storage): RoomLanguage {
  try {
    return RoomLanguageSchema.safeParse(JSON.parse(storage.getItem(LANGUAGE_KEY) ?? 'null')).data ?? {};
  } catch {
    return {}; // unreadable or blocked storage: the browser's languages
  }
}

export function keepRoomLanguage(storage: Storage, person: RoomLanguage): void {
  try {
    storage.setItem(
      LANGUAGE_KEY,
      JSON.stringify({
        ...(person.language ? { language: person.language } : {}),
        ...(person.locale ? { locale: person.locale } : {}),
      }),
    );
  } catch {
    // Storage blocked: the language follows /api/me for this page view.
  }
}
