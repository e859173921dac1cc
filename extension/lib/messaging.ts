import { browser } from 'wxt/browser';
import type { ExtensionRequest, ExtensionResponses } from '../../shared/messages';

/** Chrome's words when no background listener exists yet (the service worker is still starting after install). */
const NOT_LISTENING = /Receiving end does not exist|Could not establish connection/i;

/** Waits before each retry while the background starts: about 1.5 s in all. */
export const RETRY_DELAYS_MS = [100, 300, 1000];

type Answer<T> = { ok: true; value: T } | { ok: false; error: string } | undefined;

/**
 * Sends a typed request to the background and returns its typed answer (or throws the error it reported). When the
 * background is not listening yet, the request is sent again a few times before the page reports it.
 */
export async function send<T extends ExtensionRequest>(
  request: T,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<ExtensionResponses[T['type']]> {
  let answer: Answer<ExtensionResponses[T['type']]>;
  for (let attempt = 0; ; attempt++) {
    try {
      answer = (await browser.runtime.sendMessage(request)) as Answer<ExtensionResponses[T['type']]>;
      if (answer !== undefined || attempt >= delays.length) break;
    } catch (error) {
      if (!NOT_LISTENING.test((error as Error).message ?? '') || attempt >= delays.length) throw error;
    }
    await new Promise((r) => setTimeout(r, delays[attempt]));
  }
  if (!answer?.ok) throw new Error(answer?.error ?? 'The extension did not answer.');
  return answer.value;
}
