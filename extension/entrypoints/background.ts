import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { draftFrom } from '../lib/capture';
import { putDraft } from '../lib/drafts';
import { handleMessage, syncNow } from '../lib/handle-message';
import { readSelection } from '../lib/read-selection';

const MENU_ID = 'add-to-tasting-menu';
type PageReading = ReturnType<typeof readSelection>;

/** Reads the selection, its heading (and the page when nothing is selected) from the tab the teacher acted on. */
async function readTab(tabId: number | undefined): Promise<PageReading | undefined> {
  if (tabId === undefined) return undefined;
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: readSelection });
    return result?.result as PageReading | undefined;
  } catch {
    // Browser pages and the web store refuse scripts: the context menu's own selection text still works.
    return undefined;
  }
}

async function openClip(
  info: { selectionText?: string; linkUrl?: string },
  tab: { id?: number; title?: string; url?: string } | undefined,
) {
  const page = await readTab(tab?.id);
  const draft = draftFrom(info, tab ?? {}, page);
  // With nothing selected, the clip page runs Readability on the page's HTML to find its main text.
  const id = await putDraft({ ...draft, ...(draft.text === '' && page?.html ? { html: page.html } : {}) });
  await browser.windows.create({
    url: `${browser.runtime.getURL('/clip.html')}?draft=${id}`,
    type: 'popup',
    width: 440,
    height: 720,
  });
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => handleMessage(message));

  // Menus are created once per install/update (recreating them on every wake-up gives duplicate-id errors).
  browser.runtime.onInstalled.addListener(async () => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({
      id: MENU_ID,
      title: 'Add to the tasting menu',
      contexts: ['selection', 'page', 'link'],
    });
    await browser.alarms.create('sync', { periodInMinutes: 1 });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) openClip(info, tab);
  });

  // The keyboard shortcut (Alt+Shift+Y by default, changeable in the browser's shortcut settings).
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'clip-selection') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    await openClip({}, tab);
  });

  // The service worker sleeps when idle; alarms wake it to retry clips that are due.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'sync') syncNow();
  });
});
