import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clipPageQuery, draftFrom } from '../lib/capture';
import { handleMessage, syncNow } from '../lib/handle-message';
import { readSelection } from '../lib/read-selection';

const MENU_ID = 'add-to-tasting-menu';

/** Reads the selection and its heading from the tab the teacher acted on (activeTab); undefined where pages refuse scripts. */
async function readTab(tabId: number | undefined): Promise<{ text: string; heading: string } | undefined> {
  if (tabId === undefined) return undefined;
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: readSelection });
    return result?.result as { text: string; heading: string } | undefined;
  } catch {
    return undefined;
  }
}

async function openClip(
  info: { selectionText?: string; linkUrl?: string },
  tab: { id?: number; title?: string; url?: string } | undefined,
) {
  const draft = draftFrom(info, tab ?? {}, await readTab(tab?.id));
  await browser.windows.create({
    url: `${browser.runtime.getURL('/clip.html')}?${clipPageQuery(draft)}`,
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
