import { browser } from 'wxt/browser';
import {
  type ClipSummary,
  ExtensionRequestSchema,
  normaliseServerUrl,
  type ServerStatus,
  type SyncReport,
} from '../../shared/messages';
import { captureActiveTab } from './active-tab';
import { normaliseTags } from '../../shared/strategy';
import { outboxRepository } from './outbox-repository';
import { beginPairing, forgetPairing, pairedToken, pairingStatus } from './pairing';
import { msg } from './i18n';
import { SERVER_URL_PROBLEMS } from './server-url-words';
import { checkServer } from './server-status';
import { myStrategyStatuses, uploadStrategy } from './server-api';
import { DEFAULT_SERVER_URL, readSettings, writeSettings } from './settings';
import { syncOutbox } from './sync';

export type Answer = { ok: true; value: unknown } | { ok: false; error: string };

async function serverUrl(): Promise<string> {
  return (await readSettings()).serverUrl ?? DEFAULT_SERVER_URL;
}

/** Sends what is due; keeps the toolbar badge showing how many clips wait. */
export async function syncNow(fetchImpl: typeof fetch = fetch, force = false): Promise<SyncReport> {
  const outbox = outboxRepository();
  const url = await serverUrl();
  const token = await pairedToken(url);
  const report: SyncReport = token
    ? await syncOutbox(
        outbox,
        (payload) => uploadStrategy(url, token, payload, fetchImpl),
        () => new Date(),
        force,
      )
    : {
        sent: 0,
        failed: 0,
        pending: await outbox.countPending(),
        stopped: msg('sync_unpaired'),
      };
  // Chrome MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const toolbar = browser.action ?? browser.browserAction;
  await toolbar?.setBadgeText({ text: report.pending > 0 ? String(report.pending) : '' });
  return report;
}

function browserLabel(): string {
  const ua = navigator.userAgent;
  const name = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : 'Chrome';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Mac OS/.test(ua)
      ? 'macOS'
      : /CrOS/.test(ua)
        ? 'ChromeOS'
        : /Linux/.test(ua)
          ? 'Linux'
          : msg('device_computer');
  // The label the school server keeps for this paired browser, in the browser's language.
  return msg('device_label', { browser: name, os });
}

/** The background's request handler: every message is parsed first; a bad one gets an error answer. */
export async function handleMessage(message: unknown, fetchImpl: typeof fetch = fetch): Promise<Answer> {
  const parsed = ExtensionRequestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: 'Unknown or malformed message.' };
  const request = parsed.data;
  try {
    switch (request.type) {
      case 'settings/get':
        return { ok: true, value: await readSettings() };
      case 'settings/set-server': {
        const url = normaliseServerUrl(request.serverUrl);
        if (!url.ok) return { ok: false, error: msg(SERVER_URL_PROBLEMS[url.problem]) };
        return { ok: true, value: await writeSettings({ ...(await readSettings()), serverUrl: url.url }) };
      }
      case 'settings/set-default-tags':
        return {
          ok: true,
          value: await writeSettings({ ...(await readSettings()), defaultTags: normaliseTags(request.tags) }),
        };
      case 'server/check': {
        const status: ServerStatus = await checkServer(await serverUrl(), fetchImpl);
        return { ok: true, value: status };
      }
      case 'pairing/start':
        return { ok: true, value: await beginPairing(await serverUrl(), browserLabel(), fetchImpl) };
      case 'pairing/status':
        return { ok: true, value: await pairingStatus(await serverUrl(), fetchImpl) };
      case 'pairing/forget':
        return { ok: true, value: await forgetPairing() };
      case 'clip/save': {
        const item = await outboxRepository().add(request.clip);
        return { ok: true, value: { clientId: item.clientId, sync: await syncNow(fetchImpl) } };
      }
      case 'capture/active-tab':
        return { ok: true, value: await captureActiveTab() };
      case 'sync/now':
        return { ok: true, value: await syncNow(fetchImpl, true) };
      case 'clips/list': {
        const url = await serverUrl();
        const token = await pairedToken(url);
        const statuses = token
          ? await myStrategyStatuses(url, token, fetchImpl).catch(() => new Map<string, string>())
          : new Map();
        const items: ClipSummary[] = (await outboxRepository().recent()).map((i) => {
          const serverStatus = i.serverId ? statuses.get(i.serverId) : undefined;
          return {
            clientId: i.clientId,
            title: String((i.payload as { title?: unknown }).title ?? 'Untitled'),
            createdAt: i.createdAt,
            outbox: i.status,
            ...(i.lastError ? { error: i.lastError } : {}),
            ...(serverStatus ? { serverStatus } : {}),
          };
        });
        return { ok: true, value: items };
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
