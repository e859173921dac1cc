import { z } from 'zod';
import { NoteInputSchema } from './notes';

/**
 * Notes kept on a phone while it is offline (the room note mode) are sealed, not stored as text: each note is
 * encrypted with AES-GCM under a key derived (ECDH P-256, then HKDF-SHA-256) from a fresh key pair of the phone's and
 * the public key of the phone's room session. The private half of the session's key never leaves the server, so the
 * phone cannot open what it stored: only the server can, and only while that session lives. A lost phone's unsent
 * notes are unreadable once its session is signed out, revoked or expired.
 *
 * WebCrypto only (`crypto.subtle`, in browsers and in Node ≥ 20), so the phone and the server run this same file.
 */

const base64url = (length?: { min: number; max: number }) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/, 'errors.field.api.base64url')
    .min(length?.min ?? 1)
    .max(length?.max ?? 8_000);

/** A P-256 public key as a JWK (x and y are 32 bytes, 43 base64url characters). */
export const EcPublicJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: base64url({ min: 43, max: 43 }),
  y: base64url({ min: 43, max: 43 }),
});
export type EcPublicJwk = z.infer<typeof EcPublicJwkSchema>;

export const KID_RE = /^[A-Za-z0-9_-]{16,64}$/;

/** GET /api/room/note-key: the public half of the session's key pair, and its id. */
export const RoomNoteKeySchema = z.object({ kid: z.string().regex(KID_RE), publicKey: EcPublicJwkSchema });
export type RoomNoteKey = z.infer<typeof RoomNoteKeySchema>;

/** One sealed note: whose key (kid), the phone's one-time public key (epk), the nonce (iv) and the ciphertext. */
export const SealedNoteSchema = z.object({
  kid: z.string().regex(KID_RE, 'errors.field.api.key-id'),
  epk: EcPublicJwkSchema,
  /** 12 bytes. */
  iv: base64url({ min: 16, max: 16 }),
  /** JSON of the note (at most a few KB) plus the 16-byte tag. */
  data: base64url({ min: 22, max: 8_000 }),
});
export type SealedNote = z.infer<typeof SealedNoteSchema>;

/** POST /api/room/notes: a sealed note and the id the phone gave it (a resend finds the stored note). */
export const RoomNoteSendSchema = z.object({
  clientId: z.uuid({ error: 'errors.field.api.client-id' }),
  sealed: SealedNoteSchema,
});
export type RoomNoteSend = z.infer<typeof RoomNoteSendSchema>;

/** What is inside the seal: a note as POST /api/notes takes it. */
export const SealedContentSchema = NoteInputSchema;
export type SealedContent = z.input<typeof SealedContentSchema>;

const INFO = new TextEncoder().encode('tasting-menu room note v1');

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The seal is bound to its key and to the note's client id: it cannot be replayed as another note. */
function associatedData(kid: string, clientId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${kid}.${clientId}`);
}

async function aesKey(
  subtle: SubtleCrypto,
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  const shared = await subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const material = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

const publicJwk = ({ kty, crv, x, y }: EcPublicJwk): JsonWebKey => ({ kty, crv, x, y, ext: true });

/** Seals a note for the session whose public key is `key`. Nothing kept from here can open it again. */
export async function sealNote(
  key: RoomNoteKey,
  clientId: string,
  content: SealedContent,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<SealedNote> {
  const server = await subtle.importKey(
    'jwk',
    publicJwk(key.publicKey),
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    [],
  );
  const mine = (await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const aes = await aesKey(subtle, mine.privateKey, server, 'encrypt');
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(key.kid, clientId) },
    aes,
    new TextEncoder().encode(JSON.stringify(content)),
  );
  const epk = EcPublicJwkSchema.parse(await subtle.exportKey('jwk', mine.publicKey));
  return { kid: key.kid, epk, iv: toBase64url(iv), data: toBase64url(new Uint8Array(data)) };
}

/**
 * Opens a sealed note with the session's private key (the server's side). Throws when the seal was made for another
 * key, for another client id, or was changed; the content is returned unparsed for the caller's schema.
 */
export async function openSealedNote(
  privateKey: JsonWebKey,
  kid: string,
  clientId: string,
  sealed: SealedNote,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<unknown> {
  if (sealed.kid !== kid) throw new Error('The note was sealed for another key');
  const mine = await subtle.importKey('jwk', privateKey, { name: 'ECDH', namedCurve: 'P-256' }, false, [
    'deriveBits',
  ]);
  const phone = await subtle.importKey(
    'jwk',
    publicJwk(sealed.epk),
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    [],
  );
  const aes = await aesKey(subtle, mine, phone, 'decrypt');
  const plain = await subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64url(sealed.iv), additionalData: associatedData(kid, clientId) },
    aes,
    fromBase64url(sealed.data),
  );
  return JSON.parse(new TextDecoder().decode(plain));
}

/** A new key pair for a room session: the public half for the phone, the private half for the server to keep. */
export async function newRoomNoteKeyPair(
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<{ publicKey: EcPublicJwk; privateKey: JsonWebKey }> {
  const pair = (await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  return {
    publicKey: EcPublicJwkSchema.parse(await subtle.exportKey('jwk', pair.publicKey)),
    privateKey: await subtle.exportKey('jwk', pair.privateKey),
  };
}

/** A note the room page keeps on the phone until the server has it: sealed, with only what the list needs in clear. */
export const PendingRoomNoteSchema = z.object({
  clientId: z.uuid(),
  visitId: z.string().min(1).max(100),
  createdAt: z.string(),
  status: z.enum(['pending', 'failed']),
  sealed: SealedNoteSchema,
  /** Why the server refused it (a failed note is kept, not sent again). */
  error: z.string().optional(),
});
export type PendingRoomNote = z.infer<typeof PendingRoomNoteSchema>;
