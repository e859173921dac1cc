import { browser } from 'wxt/browser';
import type { CapturedPage } from '../../shared/messages';
import { type ClipDraft, draftFrom } from './capture';
import { putDraft } from './drafts';
import { type PageReading, readSelection } from './read-selection';

/**
 * Reads the selection, its heading (and the page when nothing is selected), and on Canvas and Schoology the course and
 * page title, from the tab the teacher acted on.
 */
export async function readTab(tabId: number | undefined): Promise<PageReading | undefined> {
  if (tabId === undefined) return undefined;
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: readSelection });
    return result?.result as PageReading | undefined;
  } catch {
    // Browser pages and the web store refuse scripts: the context menu's own selection text still works.
    return undefined;
  }
}

/** What the clip page needs beside the draft: the page's HTML when nothing was selected, else the selection's. */
function pageParts(
  draft: ClipDraft,
  page: PageReading | undefined,
): { html?: string; selectionHtml?: string } {
  if (!page) return {};
  if (draft.text === '') return page.html ? { html: page.html } : {};
  return page.text.trim() && page.selectionHtml ? { selectionHtml: page.selectionHtml } : {};
}

export async function openClip(
  info: { selectionText?: string; linkUrl?: string },
  tab: { id?: number; title?: string; url?: string } | undefined,
) {
  const page = await readTab(tab?.id);
  const draft = draftFrom(info, tab ?? {}, page);
  // With nothing selected, the clip page runs Readability on the page's HTML to find its main text.
  const id = await putDraft({ ...draft, ...pageParts(draft, page) });
  await browser.windows.create({
    url: `${browser.runtime.getURL('/clip.html')}?draft=${id}`,
    type: 'popup',
    width: 440,
    height: 720,
  });
}

/**
 * The active tab's selection, heading and page, for the side panel (works where the tab granted activeTab). `lms`
 * rides along beside the shared `CapturedPage` fields (the side panel validates it in `formDraft`); its source title
 * is already in `pageTitle`, so a reader that ignores it still shows "Page title — Course name".
 */
export async function captureActiveTab(): Promise<CapturedPage & Pick<ClipDraft, 'lms'>> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const page = await readTab(tab?.id);
  const draft = draftFrom({}, tab ?? {}, page);
  return { ...draft, ...pageParts(draft, page) };
}
