import { z } from 'zod';
import { safeText, safeToken } from './text';

/**
 * The "in the room" note mode: a page made for a phone, opened outside the LMS frame (the frame is for planning). It
 * lives under /room/ — its own small entry page, so a service worker can later be scoped to it alone. A person signs
 * in there with a short-lived, single-use link minted from a launch; a door sign's QR code carries only the door's
 * address, never a secret.
 */
export const ROOM_LINK_MINUTES = 10;

/** What a room page shows: a door (from its sign's QR code), one of my visits, or the signed-in start page. */
export type RoomTarget = { kind: 'door'; id: string } | { kind: 'visit'; id: string } | { kind: 'home' };

const ID_RE = /^[A-Za-z0-9-]{1,100}$/;

export function roomPath(target: RoomTarget): string {
  return target.kind === 'home' ? '/room/' : `/room/${target.kind}/${encodeURIComponent(target.id)}`;
}

/** The target of a room address, or undefined for an address that is not a room page. */
export function parseRoomPath(pathname: string): RoomTarget | undefined {
  if (pathname === '/room' || pathname === '/room/') return { kind: 'home' };
  const match = /^\/room\/(door|visit)\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1] || !match[2]) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(match[2]);
  } catch {
    return undefined;
  }
  return ID_RE.test(id) ? { kind: match[1] as 'door' | 'visit', id } : undefined;
}

const optionalId = safeText().regex(ID_RE, 'errors.field.room.id').optional();

/** POST /api/room-links: a sign-in link for the room page, optionally straight to one of my visits or a door. */
export const RoomLinkInputSchema = z
  .object({ visitId: optionalId, doorId: optionalId })
  .refine((v) => !(v.visitId && v.doorId), { message: 'errors.field.room.visit-or-door', path: ['doorId'] });
export type RoomLinkInput = z.infer<typeof RoomLinkInputSchema>;

/** The link, shown once (only its hash is stored); it signs in once, within ROOM_LINK_MINUTES. */
export const RoomLinkSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type RoomLink = z.infer<typeof RoomLinkSchema>;

/** POST /api/room-links/sign-in: the secret from the link's fragment, exchanged for a session of the room page. */
export const RoomSignInSchema = z.object({
  token: safeToken({ error: 'errors.field.room.link' }).regex(
    /^[A-Za-z0-9_-]{20,200}$/,
    'errors.field.room.link',
  ),
});
export type RoomSignIn = z.infer<typeof RoomSignInSchema>;

export const RoomSessionSchema = z.object({ token: z.string(), expiresAt: z.string() });
export type RoomSession = z.infer<typeof RoomSessionSchema>;

/**
 * What the room page keeps of one of my visits on the phone, so it opens offline: the visit's time and what to look
 * for, nothing about a person (the names the linter checks for come from the server while online).
 */
export const RoomVisitSnapshotSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(300),
  status: z.enum(['booked', 'cancelled']),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().max(300),
  lookFor: z.string().max(300).nullable(),
});
export type RoomVisitSnapshot = z.infer<typeof RoomVisitSnapshotSchema>;
