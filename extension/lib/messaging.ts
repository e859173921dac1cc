import { browser } from 'wxt/browser';
import type { ExtensionRequest, ExtensionResponses } from '../../shared/messages';

/** Sends a typed request to the background and returns its typed answer (or throws the error it reported). */
export async function send<T extends ExtensionRequest>(request: T): Promise<ExtensionResponses[T['type']]> {
  const answer = (await browser.runtime.sendMessage(request)) as
    | { ok: true; value: ExtensionResponses[T['type']] }
    | { ok: false; error: string };
  if (!answer?.ok) throw new Error(answer?.error ?? 'The extension did not answer.');
  return answer.value;
}
