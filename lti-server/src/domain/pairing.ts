import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { GoneError, NotFoundError } from '../../../shared/errors';
import {
  type Device,
  formatPairingCode,
  PAIRING_ALPHABET,
  PAIRING_CODE_LENGTH,
  type PairingClaim,
  type PairingClaimResult,
  type PairingConfirm,
  type PairingStart,
  type PairingStarted,
} from '../../../shared/pairing';
import {
  confirmPairingRow,
  deleteExpiredPairings,
  deletePairing,
  findPairing,
  findPairingByCode,
  insertDeviceToken,
  insertPairing,
  ownerNames,
  listDeviceTokens,
  revokeDeviceToken,
} from '../db/repositories/pairings';
import type { Database } from '../db/schema';
import type { Actor } from './actor';
import { hashToken } from './sessions';

/** A code is typed within minutes; a paired extension keeps working for half a year unless revoked. */
export const PAIRING_MINUTES = 10;
export const DEVICE_DAYS = 180;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function newCode(): string {
  return Array.from(
    { length: PAIRING_CODE_LENGTH },
    () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)],
  ).join('');
}

/** Step 1, by the extension (no one is signed in yet): a short code to show, and a secret to claim the token with. */
export async function startPairing(
  db: Kysely<Database>,
  { label }: PairingStart,
  now: Date,
): Promise<PairingStarted> {
  await deleteExpiredPairings(db, now.toISOString());
  const code = newCode();
  const claimSecret = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000).toISOString();
  await insertPairing(db, {
    id,
    codeHash: sha(code),
    claimHash: sha(claimSecret),
    tenantId: null,
    personId: null,
    networkId: null,
    label,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { pairingId: id, code: formatPairingCode(code), claimSecret, expiresAt };
}

/** Step 2, by the signed-in teacher in the LMS: the code they read off the extension binds it to them. */
export async function confirmPairing(
  db: Kysely<Database>,
  actor: Actor,
  { code }: PairingConfirm,
  now: Date,
): Promise<{ label: string }> {
  const pairing = await findPairingByCode(db, sha(code), now.toISOString());
  if (!pairing || pairing.personId) {
    throw new NotFoundError('errors.pairing.code-invalid');
  }
  await confirmPairingRow(db, pairing.id, {
    tenantId: actor.scope.tenantId,
    personId: actor.personId,
    networkId: actor.networkId,
  });
  return { label: pairing.label };
}

/** Step 3, by the extension, polling: once confirmed it receives its token, exactly once. */
export async function claimPairing(
  db: Kysely<Database>,
  { pairingId, claimSecret }: PairingClaim,
  now: Date,
): Promise<PairingClaimResult> {
  const pairing = await findPairing(db, pairingId);
  const given = Buffer.from(sha(claimSecret));
  if (!pairing || !timingSafeEqual(Buffer.from(pairing.claimHash), given))
    throw new NotFoundError('errors.not-found.pairing');
  if (pairing.expiresAt <= now.toISOString()) {
    throw new GoneError('errors.pairing.expired');
  }
  if (!pairing.personId || !pairing.tenantId || !pairing.networkId)
    return { state: 'waiting', expiresAt: pairing.expiresAt };
  // Deleting first makes the claim single-use even if two polls race.
  if ((await deletePairing(db, pairing.id)) !== 1) throw new NotFoundError('errors.not-found.pairing');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + DEVICE_DAYS * 86_400_000).toISOString();
  await insertDeviceToken(db, {
    id: randomUUID(),
    tokenHash: hashToken(token),
    tenantId: pairing.tenantId,
    personId: pairing.personId,
    networkId: pairing.networkId,
    label: pairing.label,
    createdAt: now.toISOString(),
    expiresAt,
  });
  const names = await ownerNames(db, { personId: pairing.personId, networkId: pairing.networkId });
  return {
    state: 'paired',
    token,
    person: { name: names.personName },
    network: { title: names.networkTitle },
    expiresAt,
  };
}

export async function listDevices(actor: Actor, now: Date): Promise<Device[]> {
  const rows = await listDeviceTokens(actor.scope, actor.personId, now.toISOString());
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    expiresAt: r.expiresAt,
  }));
}

export async function revokeDevice(actor: Actor, id: string, now: Date): Promise<void> {
  if (!(await revokeDeviceToken(actor.scope, actor.personId, id, now.toISOString())))
    throw new NotFoundError('errors.not-found.paired-browser');
}
