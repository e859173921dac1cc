import { ExtensionRequestSchema, normaliseServerUrl, type ServerStatus } from '../../shared/messages';
import { checkServer } from './server-status';
import { DEFAULT_SERVER_URL, readSettings, writeSettings } from './settings';

export type Answer = { ok: true; value: unknown } | { ok: false; error: string };

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
        if (!url.ok) return { ok: false, error: url.message };
        return { ok: true, value: await writeSettings({ serverUrl: url.url }) };
      }
      case 'server/check': {
        const settings = await readSettings();
        const serverUrl = settings.serverUrl ?? DEFAULT_SERVER_URL;
        const status: ServerStatus = await checkServer(serverUrl, fetchImpl);
        return { ok: true, value: status };
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
