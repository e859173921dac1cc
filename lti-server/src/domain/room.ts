import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { parseAt, UnauthenticatedError, UnprocessableError } from '../../../shared/errors';
import {
  ROOM_LINK_MINUTES,
  type RoomLink,
  type RoomLinkInput,
  type RoomSession,
  type RoomSignIn,
  type RoomTarget,
  roomPath,
} from '../../../shared/room';
import {
  newRoomNoteKeyPair,
  openSealedNote,
  type RoomNoteKey,
  type RoomNoteSend,
  SealedContentSchema,
} from '../../../shared/sealed-note';
import type { VisitInput } from '../../../shared/visits';
import {
  deleteExpiredRoomLinks,
  insertRoomLink,
  revokeRoomLinks,
  useRoomLink,
} from '../db/repositories/room-links';
import { findRoomNoteKey, keepRoomNoteKey } from '../db/repositories/room-note-keys';
import type { Database } from '../db/schema';
import type { Actor } from './actor';
import { visibleDoor } from './doors';
import { type NoteDetail, noteSentBefore, writeNoteOnce } from './notes';
import { createSession, hashToken } from './sessions';
import { bookVisit, getVisit, type VisitView } from './visits';

/**
 * A short-lived, single-use sign-in link for the room page, minted from a launch (the LMS frame) for use outside it:
 * a phone, or a new tab. The secret rides in the URL's fragment, which browsers never send to a server, so it is in no
 * request line or log; only its SHA-256 is stored, bound to the asker's person, network and tenant and to the session
 * that asked (`sessionToken`): the link signs in only while that session is live, and never for longer.
 */
export async function mintRoomLink(
  actor: Actor,
  sessionToken: string,
  input: RoomLinkInput,
  publicUrl: string,
  now: Date,
): Promise<RoomLink> {
  // The link may only lead to what its person may open: their own visit, or a door they can see.
  let target: RoomTarget = { kind: 'home' };
  if (input.visitId) target = { kind: 'visit', id: (await getVisit(actor, input.visitId)).row.id };
  if (input.doorId) target = { kind: 'door', id: (await visibleDoor(actor, input.doorId)).id };
  await deleteExpiredRoomLinks(actor.scope, now.toISOString());
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ROOM_LINK_MINUTES * 60_000).toISOString();
  await insertRoomLink(actor.scope, {
    tokenHash: hashToken(token),
    sessionHash: hashToken(sessionToken),
    personId: actor.personId,
    networkId: actor.networkId,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { url: `${publicUrl.replace(/\/$/, '')}${roomPath(target)}#signin=${token}`, expiresAt };
}

/** Revokes the asker's links that are not used yet (a link shown on a screen someone else could scan). */
export async function revokeMyRoomLinks(actor: Actor, now: Date): Promise<number> {
  return revokeRoomLinks(actor.scope, actor.personId, now.toISOString());
}

/**
 * Exchanges a link's secret for a session of its person, once: the link is used up in the same conditional update
 * that finds it, so a replay, an expired or a revoked link, or one whose session ended, is refused like an unknown
 * one. The new session ends when the minting session does, at the latest: a chain of room sessions minting links for
 * each other never outlives the launch it started from.
 */
export async function signInWithRoomLink(
  db: Kysely<Database>,
  { token }: RoomSignIn,
  now: Date,
): Promise<RoomSession> {
  const owner = await useRoomLink(db, hashToken(token), now.toISOString());
  if (!owner) throw new UnauthenticatedError('errors.room.link-used');
  return createSession(db, owner, now, owner.sessionExpiresAt);
}

/**
 * Booking on the spot, from a door sign's QR code: the same rules and seats as any booking (bookVisit), except that
 * a visitor may still walk in after the door opened, until it closes.
 */
export async function bookOnTheSpot(
  actor: Actor,
  input: VisitInput,
  now: Date,
): Promise<{ view: VisitView; created: boolean }> {
  return bookVisit(actor, input, now, { onTheSpot: true });
}

/**
 * The public half of the key pair the room session's phone seals unsent notes with (shared/sealed-note.ts), made the
 * first time the session asks. The private half stays in the database with the session and goes with it.
 */
export async function roomNoteKey(actor: Actor, sessionToken: string, now: Date): Promise<RoomNoteKey> {
  const sessionHash = hashToken(sessionToken);
  const kept =
    (await findRoomNoteKey(actor.scope, sessionHash, actor.personId)) ??
    (await keepRoomNoteKey(actor.scope, {
      sessionHash,
      personId: actor.personId,
      key: { kid: randomBytes(18).toString('base64url'), ...(await newRoomNoteKeyPair()) },
      createdAt: now.toISOString(),
    }));
  return { kid: kept.kid, publicKey: kept.publicKey };
}

const UNREADABLE = 'errors.room.sealed-unreadable';

/**
 * A note the phone kept sealed while offline, sent when the connection came back: opened with the session's private
 * key, checked like any note, and written once per client id (a resend returns the stored note).
 */
export async function sendRoomNote(
  actor: Actor,
  sessionToken: string,
  { clientId, sealed }: RoomNoteSend,
  now: Date,
): Promise<{ note: NoteDetail; created: boolean }> {
  // Sent before (the answer was lost on the way back): the stored note is the answer, whatever key sealed it.
  const sent = await noteSentBefore(actor, clientId, now);
  if (sent) return { note: sent, created: false };
  const key = await findRoomNoteKey(actor.scope, hashToken(sessionToken), actor.personId);
  if (!key) throw new UnprocessableError('SEALED_NOTE_UNREADABLE', UNREADABLE);
  let content: unknown;
  try {
    content = await openSealedNote(key.privateKey, key.kid, clientId, sealed);
  } catch {
    throw new UnprocessableError('SEALED_NOTE_UNREADABLE', UNREADABLE);
  }
  return writeNoteOnce(actor, parseAt('errors.source.note', SealedContentSchema, content), now, clientId);
}
