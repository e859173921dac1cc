import { ErrorBodySchema } from '../../shared/error-body';
import {
  type PairingClaim,
  type PairingClaimResult,
  PairingClaimResultSchema,
  type PairingStart,
  type PairingStarted,
  PairingStartedSchema,
} from '../../shared/pairing';
import { StrategyCardPageSchema, StrategySchema } from '../../shared/strategy';
import { msg } from './i18n';

/** How the server answered an upload, sorted by what the outbox should do next. */
export type UploadResult =
  | { kind: 'ok'; id: string }
  | { kind: 'permanent'; message: string }
  | { kind: 'auth'; message: string }
  | { kind: 'retry'; message: string };

async function errorMessage(res: Response): Promise<string> {
  const body = ErrorBodySchema.safeParse(await res.json().catch(() => undefined));
  return body.success ? body.data.error.message : msg('upload_answered', { status: res.status });
}

export async function uploadStrategy(
  serverUrl: string,
  token: string,
  payload: unknown,
  fetchImpl: typeof fetch = fetch,
): Promise<UploadResult> {
  let res: Response;
  try {
    res = await fetchImpl(`${serverUrl}/api/strategies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  } catch {
    return { kind: 'retry', message: msg('upload_unreachable') };
  }
  if (res.ok) {
    const strategy = StrategySchema.safeParse(await res.json().catch(() => undefined));
    return strategy.success
      ? { kind: 'ok', id: strategy.data.id }
      : { kind: 'retry', message: msg('upload_unexpected') };
  }
  if (res.status === 401) return { kind: 'auth', message: msg('upload_unpaired') };
  if (res.status === 429 || res.status >= 500) return { kind: 'retry', message: await errorMessage(res) };
  return { kind: 'permanent', message: await errorMessage(res) };
}

export async function startPairing(
  serverUrl: string,
  label: string,
  fetchImpl: typeof fetch = fetch,
): Promise<PairingStarted> {
  const res = await fetchImpl(`${serverUrl}/api/pairings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ label } satisfies PairingStart),
  });
  if (!res.ok) throw new Error(await errorMessage(res));
  return PairingStartedSchema.parse(await res.json());
}

export async function claimPairing(
  serverUrl: string,
  pairingId: string,
  claimSecret: string,
  fetchImpl: typeof fetch = fetch,
): Promise<PairingClaimResult | { state: 'expired' }> {
  const res = await fetchImpl(`${serverUrl}/api/pairings/claim`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pairingId, claimSecret } satisfies PairingClaim),
  });
  if (res.status === 404 || res.status === 410) return { state: 'expired' };
  if (!res.ok) throw new Error(await errorMessage(res));
  return PairingClaimResultSchema.parse(await res.json());
}

/** The display status of the teacher's own strategies on the server, by id. */
export async function myStrategyStatuses(
  serverUrl: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Map<string, string>> {
  // Cards: the status is all this needs. A server from before `view` sends whole strategies, which parse as cards too.
  const res = await fetchImpl(`${serverUrl}/api/strategies?status=mine&limit=100&view=card`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) return new Map();
  const page = StrategyCardPageSchema.safeParse(await res.json().catch(() => undefined));
  return new Map(page.success ? page.data.items.map((s) => [s.id, s.displayStatus]) : []);
}
