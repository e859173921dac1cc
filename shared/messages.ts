import { z } from 'zod';
import { StrategyInputSchema } from './strategy';

/**
 * Messages between the extension's contexts (popup, options, side panel → background), as one discriminated
 * union. Every message that crosses a context boundary is parsed with `ExtensionRequestSchema` on arrival.
 */
/** A clip as the clip form saves it: a strategy draft without the client id, which the outbox assigns. */
export const ClipSchema = StrategyInputSchema.omit({ clientId: true });
export type Clip = z.input<typeof ClipSchema>;

export const ExtensionRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('server/check') }),
  z.object({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('settings/set-server'), serverUrl: z.string() }),
  z.object({ type: z.literal('settings/set-default-tags'), tags: z.array(z.string().max(30)).max(10) }),
  z.object({ type: z.literal('pairing/start') }),
  z.object({ type: z.literal('pairing/status') }),
  z.object({ type: z.literal('pairing/forget') }),
  z.object({ type: z.literal('clip/save'), clip: ClipSchema }),
  z.object({ type: z.literal('clips/list') }),
  z.object({ type: z.literal('sync/now') }),
  z.object({ type: z.literal('capture/active-tab') }),
]);
/** What a context sends (tags may be omitted); the background parses it into the schema's output. */
export type ExtensionRequest = z.input<typeof ExtensionRequestSchema>;

export const ServerStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connected'), serverUrl: z.string(), version: z.string() }),
  z.object({ state: z.literal('unreachable'), serverUrl: z.string(), message: z.string() }),
]);
export type ServerStatus = z.infer<typeof ServerStatusSchema>;

export const SettingsSchema = z.object({
  serverUrl: z.string().nullable(),
  /** Tags every new clip starts with (a teacher's subject, grade team, …). */
  defaultTags: z.array(z.string()).default([]),
});
export type Settings = z.output<typeof SettingsSchema>;

export type PairingStatus =
  | { state: 'unpaired' }
  | { state: 'waiting'; code: string; expiresAt: string }
  | { state: 'paired'; person: string; network: string };

/** A clip as the popup lists it: where it is in the outbox, and its state on the server once sent. */
export interface ClipSummary {
  clientId: string;
  title: string;
  createdAt: string;
  outbox: 'pending' | 'sent' | 'failed';
  error?: string;
  serverStatus?: string;
}

export interface SyncReport {
  sent: number;
  failed: number;
  pending: number;
  /** Why sending stopped early, in words a teacher can act on. */
  stopped?: string;
}

/** What the extension read from the active tab for a clip (the side panel asks for it). */
export interface CapturedPage {
  text: string;
  heading: string;
  pageTitle: string;
  pageUrl: string;
  trimmed: boolean;
  /** The page's HTML when nothing was selected, for Readability. */
  html?: string;
  /** The selection's HTML (its lists, headings and paragraphs), sanitized by the clip form before any use. */
  selectionHtml?: string;
}

/** The answer to each request type, so callers get a typed response. */
export interface ExtensionResponses {
  'server/check': ServerStatus;
  'settings/get': Settings;
  'settings/set-server': Settings;
  'settings/set-default-tags': Settings;
  'pairing/start': PairingStatus;
  'pairing/status': PairingStatus;
  'pairing/forget': PairingStatus;
  'clip/save': { clientId: string; sync: SyncReport };
  'clips/list': ClipSummary[];
  'sync/now': SyncReport;
  'capture/active-tab': CapturedPage;
}

/** Hosts on this computer, where plain http:// is allowed (and assumed when no scheme is typed). */
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Why a typed server address is refused: `empty`, `not-an-address`, `scheme` (not http(s)), `https-only` (plain
 * http:// for a school server). A reason, not a sentence: the extension says it in its reader's language
 * (`extension/lib/server-url-words.ts`).
 */
export type ServerUrlProblem = 'empty' | 'not-an-address' | 'scheme' | 'https-only';

/**
 * Normalises what a person types as the server address: trims, drops trailing slashes, and without a scheme adds
 * http:// for this computer (`localhost:3000`) and https:// for any other host (`tm.school.org`); refuses what is not
 * http(s), and plain http:// for a school server.
 */
export function normaliseServerUrl(
  input: string,
): { ok: true; url: string } | { ok: false; problem: ServerUrlProblem } {
  let trimmed = input.trim().replace(/\/+$/, '');
  if (trimmed === '') return { ok: false, problem: 'empty' };
  // No scheme typed: "localhost:3000" would otherwise parse as the scheme "localhost:". A scheme-like start that is
  // not a host and port ("mailto:", "javascript:") is left for the checks below to refuse.
  if (!/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed)) {
    const host = (/^(\[[^\]]*\]|[^:/?#]*)/.exec(trimmed)?.[1] ?? '').toLowerCase();
    trimmed = `${LOCAL_HOSTS.includes(host) ? 'http' : 'https'}://${trimmed}`;
  }
  const notAnAddress = { ok: false, problem: 'not-an-address' } as const;
  // Browsers' URL parsers differ: Chromium's turns "https://tasting menu" into the host "tasting%20menu".
  if (/\s/.test(trimmed)) return notAnAddress;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return notAnAddress;
  }
  if (!/^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])$/i.test(parsed.hostname)) return notAnAddress;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (parsed.protocol === 'http:' && !LOCAL_HOSTS.includes(parsed.hostname))
    return { ok: false, problem: 'https-only' };
  return { ok: true, url: `${parsed.origin}${parsed.pathname === '/' ? '' : parsed.pathname}` };
}
