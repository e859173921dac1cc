import { HealthSchema } from '../../shared/api';
import type { ServerStatus } from '../../shared/messages';
import { msg } from './i18n';

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
        message: msg('status_answered', { status: res.status }),
      };
    }
    const health = HealthSchema.safeParse(await res.json().catch(() => undefined));
    if (!health.success) {
      return {
        state: 'unreachable',
        serverUrl,
        message: msg('status_not_tasting_menu'),
      };
    }
    return { state: 'connected', serverUrl, version: health.data.version };
  } catch {
    return {
      state: 'unreachable',
      serverUrl,
      message: controller.signal.aborted ? msg('status_timeout') : msg('status_unreachable'),
    };
  } finally {
    clearTimeout(timer);
  }
}
