import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clipPageQuery, draftFrom } from '../lib/capture';
import { handleMessage, syncNow } from '../lib/handle-message';

const MENU_ID = 'add-to-tasting-menu';

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
    if (info.menuItemId !== MENU_ID) return;
    const draft = draftFrom(info, tab ?? {});
    browser.windows.create({
      url: `${browser.runtime.getURL('/clip.html')}?${clipPageQuery(draft)}`,
      type: 'popup',
      width: 440,
      height: 720,
    });
  });

  // The service worker sleeps when idle; alarms wake it to retry clips that are due.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'sync') syncNow();
  });
});
