import { generateKeyPairSync } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findSandboxKey, insertSandboxKey } from '../db/repositories/sandbox-keys';
import type { Database } from '../db/schema';

export interface SandboxKey {
  kid: string;
  privatePem: string;
  publicJwk: Record<string, unknown>;
}

const SANDBOX_KID = 'sandbox-lms-1';

/** The sandbox LMS's signing key, created once and shared by every instance through the database. */
export async function loadOrCreateSandboxKey(db: Kysely<Database>): Promise<SandboxKey> {
  const existing = await findSandboxKey(db, SANDBOX_KID);
  if (!existing) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: SANDBOX_KID, alg: 'RS256', use: 'sig' };
    await insertSandboxKey(
      db,
      {
        kid: SANDBOX_KID,
        privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        publicJwk: jwk,
      },
      new Date().toISOString(),
    );
    return loadOrCreateSandboxKey(db);
  }
  return existing;
}
