import { HealthSchema } from '../../shared/api';
import type { ServerStatus } from '../../shared/messages';

/** Asks the server's /healthz whether it is there and is Tasting Menu, within `timeoutMs`. */
export async function checkServer(
  serverUrl: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 5000,
): Promise<ServerStatus> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchImpl(`${serverUrl}/healthz`, { signal: controller.signal, cache: 'no-store' });
    if (!res.ok) {
      return {
        state: 'unreachable',
        serverUrl,
        message: `The server answered ${res.status}. Check the address in Options.`,
      };
    }
    const health = HealthSchema.safeParse(await res.json().catch(() => undefined));
    if (!health.success) {
      return {
        state: 'unreachable',
        serverUrl,
        message:
          'Something answers at this address, but it is not a Tasting Menu server. Check the address in Options.',
      };
    }
    return { state: 'connected', serverUrl, version: health.data.version };
  } catch {
    return {
      state: 'unreachable',
      serverUrl,
      message: controller.signal.aborted
        ? 'The server did not answer in time. Is it running? Check the address in Options.'
        : "Can't reach the server. Is it running? Check the address in Options.",
    };
  } finally {
    clearTimeout(timer);
  }
}
