import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { ClipDraft } from './capture';
import { LmsPageSchema } from './lms';

/**
 * Drafts travel from the background to the clip page through session storage (a page's HTML is too big for a URL).
 * They are removed once read.
 */
const DraftSchema = z.object({
  text: z.string(),
  heading: z.string(),
  pageTitle: z.string(),
  pageUrl: z.string(),
  trimmed: z.boolean(),
  html: z.string().optional(),
  selectionHtml: z.string().optional(),
  lms: LmsPageSchema.nullable().optional(),
});
export type StoredDraft = ClipDraft & { html?: string; selectionHtml?: string };

const area = () => browser.storage.session ?? browser.storage.local;

export async function putDraft(draft: StoredDraft): Promise<string> {
  const id = crypto.randomUUID();
  await area().set({ [`draft:${id}`]: draft });
  return id;
}

export async function takeDraft(id: string): Promise<StoredDraft | undefined> {
  const key = `draft:${id}`;
  const parsed = DraftSchema.safeParse((await area().get(key))[key]);
  await area().remove(key);
  return parsed.success ? parsed.data : undefined;
}
