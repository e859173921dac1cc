import type { Kysely } from 'kysely';
import { z } from 'zod';
import { EcPublicJwkSchema, type RoomNoteKey } from '../../../../shared/sealed-note';
import { decodeJson, encodeJson } from '../json-column';
import type { Database } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** A room session's key pair: the public half for its phone, the private half for opening what the phone sealed. */
export interface StoredRoomNoteKey extends RoomNoteKey {
  privateKey: JsonWebKey;
}

const PrivateJwkSchema = z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), d: z.string() });

/**
 * Keeps the first key pair made for a session: two requests racing to make one both read back the same pair (the
 * session's hash is the primary key, so the second insert does nothing).
 */
export async function keepRoomNoteKey(
  scope: TenantScope,
  row: { sessionHash: string; personId: string; key: StoredRoomNoteKey; createdAt: string },
): Promise<StoredRoomNoteKey> {
  await scope
    .insertInto('room_note_keys', {
      session_hash: row.sessionHash,
      person_id: row.personId,
      kid: row.key.kid,
      public_jwk: encodeJson(row.key.publicKey),
      private_jwk: encodeJson(row.key.privateKey),
      created_at: row.createdAt,
    })
    .onConflict((oc) => oc.column('session_hash').doNothing())
    .execute();
  const kept = await findRoomNoteKey(scope, row.sessionHash, row.personId);
  if (!kept) throw new Error('The room note key was not kept');
  return kept;
}

export async function findRoomNoteKey(
  scope: TenantScope,
  sessionHash: string,
  personId: string,
): Promise<StoredRoomNoteKey | undefined> {
  const row = await scope
    .selectFrom('room_note_keys')
    .select(['kid', 'public_jwk', 'private_jwk'])
    .where('session_hash', '=', sessionHash)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return (
    row && {
      kid: row.kid,
      publicKey: decodeJson(EcPublicJwkSchema, row.public_jwk, 'room note public key'),
      privateKey: decodeJson(PrivateJwkSchema, row.private_jwk, 'room note private key'),
    }
  );
}

/** Signing out forgets the session's key: what its phone sealed can no longer be opened by anyone. */
export async function forgetRoomNoteKey(db: Kysely<Database>, sessionHash: string): Promise<void> {
  await db.deleteFrom('room_note_keys').where('session_hash', '=', sessionHash).execute();
}
