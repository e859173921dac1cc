import type { Kysely } from 'kysely';
import { z } from 'zod';
import { decodeJson, encodeJson } from '../json-column';
import type { Database } from '../schema';

/** The sandbox LMS's signing key pair. */
export interface StoredSandboxKey {
  kid: string;
  privatePem: string;
  publicJwk: Record<string, unknown>;
}

const JwkSchema = z.record(z.string(), z.unknown());

export async function findSandboxKey(
  db: Kysely<Database>,
  kid: string,
): Promise<StoredSandboxKey | undefined> {
  const row = await db.selectFrom('sandbox_keys').selectAll().where('kid', '=', kid).executeTakeFirst();
  return (
    row && {
      kid: row.kid,
      privatePem: row.private_pem,
      publicJwk: decodeJson(JwkSchema, row.public_jwk, 'sandbox key'),
    }
  );
}

/** Stores the key unless another instance stored one with the same kid first. */
export async function insertSandboxKey(
  db: Kysely<Database>,
  key: StoredSandboxKey,
  now: string,
): Promise<void> {
  await db
    .insertInto('sandbox_keys')
    .values({
      kid: key.kid,
      private_pem: key.privatePem,
      public_jwk: encodeJson(key.publicJwk),
      created_at: now,
    })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute();
}
