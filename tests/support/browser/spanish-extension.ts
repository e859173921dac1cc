import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import es from '../../../extension/public/_locales/es/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/**
 * The browser's Spanish catalog, as Chromium started with --lang=es reads it: `browser.i18n.getMessage` answers
 * from `_locales/es/messages.json`, each `$NAME$` replaced by the substitution its placeholder names (`$1`…).
 */
export function readSpanish(): void {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: unknown) => {
    const entry = (es as Record<string, Entry | undefined>)[key];
    if (!entry) return '';
    const given = ([] as unknown[]).concat(substitutions ?? []).map(String);
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return given[Number(content.replace('$', '')) - 1] ?? '';
    });
  });
}
