import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openClip } from '../lib/active-tab';
import { handleMessage, syncNow } from '../lib/handle-message';
import { msg } from '../lib/i18n';

const MENU_ID = 'add-to-tasting-menu';
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => handleMessage(message));

  // Menus are created once per install/update (recreating them on every wake-up gives duplicate-id errors).
  browser.runtime.onInstalled.addListener(async () => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({
      id: MENU_ID,
      title: msg('menu_add'),
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
