import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../../shared/errors';
import type { LtijsStore } from '../db/ltijs-store';
import { liveRetiredKeys, type PublicJwk, retireToolKey } from '../db/repositories/retired-tool-keys';
import type { Database } from '../db/schema';

/**
 * The tool's own signing keys (one per registered platform, kept by ltijs, encrypted) and their rotation. After a
 * rotation the old public key stays in the key set for a grace period, so a platform that cached it, or received a
 * token signed just before, still verifies.
 */
export type { PublicJwk };

export const DEFAULT_GRACE_DAYS = 7;

function jwkOf(pem: string, kid: string): PublicJwk {
  const jwk = createPublicKey(pem).export({ format: 'jwk' }) as { kty: string; n?: string; e?: string };
  return { kty: jwk.kty, n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' };
}

export async function toolKeySet(
  store: LtijsStore,
  db: Kysely<Database>,
  secret: string,
  now: Date,
): Promise<{ keys: PublicJwk[] }> {
  const current = ((await store.Get(secret, 'publickey')) || []) as Array<{ key: string; kid: string }>;
  const retired = await liveRetiredKeys(db, now.toISOString());
  return { keys: [...current.map((k) => jwkOf(k.key, k.kid)), ...retired] };
}

export async function rotateToolKey(
  store: LtijsStore,
  db: Kysely<Database>,
  secret: string,
  platform: { issuer: string; clientId: string },
  now: Date,
  graceDays = DEFAULT_GRACE_DAYS,
): Promise<{ oldKid: string; newKid: string; oldKeyExpiresAt: string }> {
  const where = { platformUrl: platform.issuer, clientId: platform.clientId };
  const [old] = ((await store.Get(secret, 'publickey', where)) || []) as Array<{ key: string; kid: string }>;
  if (!old) {
    throw new NotFoundError({
      key: 'errors.not-found.platform',
      params: { issuer: platform.issuer, clientId: platform.clientId },
    });
  }
  const oldKeyExpiresAt = new Date(now.getTime() + graceDays * 86_400_000).toISOString();
  await retireToolKey(db, {
    kid: old.kid,
    publicJwk: jwkOf(old.key, old.kid),
    retiredAt: now.toISOString(),
    expiresAt: oldKeyExpiresAt,
  });
  // The same shapes ltijs uses when it first registers a platform (SPKI public, PKCS#1 private, 4096 bits).
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 4096,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const newKid = randomBytes(16).toString('hex');
  const index = { kid: newKid, ...where };
  await store.Replace(secret, 'publickey', where, { key: publicKey, kid: newKid }, index);
  await store.Replace(secret, 'privatekey', where, { key: privateKey, kid: newKid }, index);
  await store.Modify(false, 'platform', where, { kid: newKid });
  return { oldKid: old.kid, newKid, oldKeyExpiresAt };
}
