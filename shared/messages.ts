import { z } from 'zod';

/**
 * Messages between the extension's contexts (popup, options, side panel → background), as one discriminated
 * union. Every message that crosses a context boundary is parsed with `ExtensionRequestSchema` on arrival.
 */
export const ExtensionRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('server/check') }),
  z.object({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('settings/set-server'), serverUrl: z.string() }),
]);
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>;

export const ServerStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connected'), serverUrl: z.string(), version: z.string() }),
  z.object({ state: z.literal('unreachable'), serverUrl: z.string(), message: z.string() }),
]);
export type ServerStatus = z.infer<typeof ServerStatusSchema>;

export const SettingsSchema = z.object({ serverUrl: z.string().nullable() });
export type Settings = z.infer<typeof SettingsSchema>;

/** The answer to each request type, so callers get a typed response. */
export interface ExtensionResponses {
  'server/check': ServerStatus;
  'settings/get': Settings;
  'settings/set-server': Settings;
}

/** Normalises what a person types as the server address: trims, adds nothing, refuses what is not http(s). */
export function normaliseServerUrl(
  input: string,
): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = input.trim().replace(/\/+$/, '');
  if (trimmed === '') return { ok: false, message: 'Enter the address of your Tasting Menu server.' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return {
      ok: false,
      message: 'That is not a web address. It looks like https://tasting-menu.your-school.org',
    };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return {
      ok: false,
      message: 'The address must start with https:// (or http:// for a server on this computer).',
    };
  }
  if (parsed.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) {
    return {
      ok: false,
      message: 'Use https:// for a school server; http:// is only for a server on this computer.',
    };
  }
  return { ok: true, url: `${parsed.origin}${parsed.pathname === '/' ? '' : parsed.pathname}` };
}
