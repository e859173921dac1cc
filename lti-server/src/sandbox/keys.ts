import { generateKeyPairSync } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface SandboxKey {
  kid: string;
  privatePem: string;
  publicJwk: Record<string, unknown>;
}

const SANDBOX_KID = 'sandbox-lms-1';

/** The sandbox LMS's signing key, created once and shared by every instance through the database. */
export async function loadOrCreateSandboxKey(db: Kysely<Database>): Promise<SandboxKey> {
  const existing = await db
    .selectFrom('sandbox_keys')
    .selectAll()
    .where('kid', '=', SANDBOX_KID)
    .executeTakeFirst();
  if (!existing) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: SANDBOX_KID, alg: 'RS256', use: 'sig' };
    await db
      .insertInto('sandbox_keys')
      .values({
        kid: SANDBOX_KID,
        private_pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        public_jwk: JSON.stringify(jwk),
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('kid').doNothing())
      .execute();
    return loadOrCreateSandboxKey(db);
  }
  return { kid: existing.kid, privatePem: existing.private_pem, publicJwk: JSON.parse(existing.public_jwk) };
}
