import type { Kysely } from 'kysely';
import { z } from 'zod';
import { decodeJson, encodeJson } from '../json-column';
import type { Database } from '../schema';

/** The public half of one of the tool's signing keys, as a JWK; fields in the order the key set publishes them. */
const PublicJwkSchema = z.object({
  kty: z.string(),
  n: z.string().optional(),
  e: z.string().optional(),
  kid: z.string(),
  alg: z.literal('RS256'),
  use: z.literal('sig'),
});
export type PublicJwk = z.infer<typeof PublicJwkSchema>;

/** Keeps a rotated-out public key published until `expiresAt`. */
export async function retireToolKey(
  db: Kysely<Database>,
  key: { kid: string; publicJwk: PublicJwk; retiredAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('retired_tool_keys')
    .values({
      kid: key.kid,
      public_jwk: encodeJson(key.publicJwk),
      retired_at: key.retiredAt,
      expires_at: key.expiresAt,
    })
    .execute();
}

/** Rotated-out public keys still in their grace period. */
export async function liveRetiredKeys(db: Kysely<Database>, now: string): Promise<PublicJwk[]> {
  const rows = await db
    .selectFrom('retired_tool_keys')
    .select('public_jwk')
    .where('expires_at', '>', now)
    .execute();
  return rows.map((r) => decodeJson(PublicJwkSchema, r.public_jwk, 'retired tool key'));
}
