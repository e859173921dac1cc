import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { PairingStatus } from '../../shared/messages';
import { claimPairing, startPairing } from './server-api';

const KEY = 'pairing';

/** What this browser keeps about its pairing: the pending claim, or the token (never shown, sent only to the server). */
const StoredSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('waiting'),
    serverUrl: z.string(),
    pairingId: z.string(),
    claimSecret: z.string(),
    code: z.string(),
    expiresAt: z.string(),
  }),
  z.object({
    state: z.literal('paired'),
    serverUrl: z.string(),
    token: z.string(),
    person: z.string(),
    network: z.string(),
  }),
]);
type Stored = z.infer<typeof StoredSchema>;

async function read(): Promise<Stored | undefined> {
  const parsed = StoredSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : undefined;
}

const write = (value: Stored) => browser.storage.local.set({ [KEY]: value });

function publicStatus(stored: Stored | undefined): PairingStatus {
  if (!stored) return { state: 'unpaired' };
  return stored.state === 'waiting'
    ? { state: 'waiting', code: stored.code, expiresAt: stored.expiresAt }
    : { state: 'paired', person: stored.person, network: stored.network };
}

/** The token for `serverUrl`, if this browser is paired with that server. */
export async function pairedToken(serverUrl: string): Promise<string | undefined> {
  const stored = await read();
  return stored?.state === 'paired' && stored.serverUrl === serverUrl ? stored.token : undefined;
}

export async function beginPairing(
  serverUrl: string,
  label: string,
  fetchImpl: typeof fetch = fetch,
): Promise<PairingStatus> {
  const started = await startPairing(serverUrl, label, fetchImpl);
  const stored: Stored = { state: 'waiting', serverUrl, ...started };
  await write(stored);
  return publicStatus(stored);
}

/** Reports the pairing; while waiting, asks the server whether the teacher confirmed the code yet. */
export async function pairingStatus(
  serverUrl: string,
  fetchImpl: typeof fetch = fetch,
  now = new Date(),
): Promise<PairingStatus> {
  const stored = await read();
  if (!stored || stored.serverUrl !== serverUrl) return { state: 'unpaired' };
  if (stored.state === 'paired') return publicStatus(stored);
  if (Date.parse(stored.expiresAt) <= now.getTime()) {
    await forgetPairing();
    return { state: 'unpaired' };
  }
  const claim = await claimPairing(serverUrl, stored.pairingId, stored.claimSecret, fetchImpl);
  if (claim.state === 'expired') {
    await forgetPairing();
    return { state: 'unpaired' };
  }
  if (claim.state === 'waiting') return publicStatus(stored);
  const paired: Stored = {
    state: 'paired',
    serverUrl,
    token: claim.token,
    person: claim.person.name,
    network: claim.network.title,
  };
  await write(paired);
  return publicStatus(paired);
}

/** Forgets the token here (clips stay in the outbox until the browser is paired again). */
export async function forgetPairing(): Promise<PairingStatus> {
  await browser.storage.local.remove(KEY);
  return { state: 'unpaired' };
}
