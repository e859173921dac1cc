import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LanguageChoice, Me } from '../../../shared/api';
import { UnauthenticatedError } from '../../../shared/errors';
import { setPersonLanguage } from '../db/repositories/people';
import {
  findLiveDevice,
  findLiveSession,
  insertSession,
  revokeSession,
  touchDevice,
} from '../db/repositories/sessions';
import { forgetRoomNoteKey } from '../db/repositories/room-note-keys';
import type { Database } from '../db/schema';

/** How long a launch's session lasts: a school day. A new launch from the LMS makes a new one. */
export const SESSION_HOURS = 8;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface Principal {
  /** How the asker signed in: a launch from the LMS, or a paired extension's long-lived device token. */
  kind: 'launch' | 'device';
  tenantId: string;
  personId: string;
  networkId: string;
  role: 'teacher' | 'coach';
  me: Me;
}

/** A new session of SESSION_HOURS, or until `endsBy` when that comes first (a room link's minting session's end). */
export async function createSession(
  db: Kysely<Database>,
  ids: { tenantId: string; personId: string; networkId: string },
  now: Date,
  endsBy?: string,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const full = now.getTime() + SESSION_HOURS * 3600_000;
  const expiresAt = new Date(endsBy ? Math.min(full, Date.parse(endsBy)) : full).toISOString();
  await insertSession(db, hashToken(token), { ...ids, expiresAt }, now.toISOString());
  return { token, expiresAt };
}

/** Resolves a bearer token to who is asking, or throws UNAUTHENTICATED. Only the token's hash is looked up. */
export async function authenticate(db: Kysely<Database>, token: string, now: Date): Promise<Principal> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) throw new UnauthenticatedError('errors.session.malformed');
  const hash = hashToken(token);
  const stamp = now.toISOString();
  const launch = await findLiveSession(db, hash, stamp);
  const row = launch ?? (await deviceSession(db, hash, now));
  if (!row) throw new UnauthenticatedError('errors.session.ended');
  return {
    kind: launch ? 'launch' : 'device',
    tenantId: row.tenantId,
    personId: row.personId,
    networkId: row.networkId,
    role: row.role,
    me: {
      person: {
        id: row.personId,
        name: row.personName,
        role: row.role,
        ...(row.personLocale ? { locale: row.personLocale } : {}),
        ...(row.personTimeZone ? { timeZone: row.personTimeZone } : {}),
        ...(row.personLanguage ? { language: row.personLanguage } : {}),
      },
      network: { id: row.networkId, title: row.networkTitle, scope: row.networkScope },
      platform: { name: row.tenantName, issuer: row.issuer, schoolName: row.schoolName ?? null },
      session: { expiresAt: row.expiresAt },
    },
  };
}

/** A paired extension authenticates with its device token; last use is recorded at most every five minutes. */
async function deviceSession(db: Kysely<Database>, hash: string, now: Date) {
  const row = await findLiveDevice(db, hash, now.toISOString());
  if (!row) return undefined;
  if (!row.lastUsedAt || Date.parse(row.lastUsedAt) < now.getTime() - 5 * 60_000) {
    await touchDevice(db, row.deviceId, now.toISOString());
  }
  return row;
}

export async function endSession(db: Kysely<Database>, token: string, now: Date): Promise<void> {
  await revokeSession(db, hashToken(token), now.toISOString());
  // The room note mode's key goes with the session: notes its phone still holds sealed can never be opened.
  await forgetRoomNoteKey(db, hashToken(token));
}

/** Remembers the interface language the asker chose (their own row only) and answers their /api/me with it. */
export async function chooseLanguage(
  db: Kysely<Database>,
  principal: Principal,
  choice: LanguageChoice,
): Promise<Me> {
  await setPersonLanguage(db, principal.tenantId, principal.personId, choice.language);
  const { language: _previous, ...person } = principal.me.person;
  return {
    ...principal.me,
    person: { ...person, ...(choice.language ? { language: choice.language } : {}) },
  };
}
