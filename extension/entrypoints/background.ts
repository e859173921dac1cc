import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../lib/handle-message';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => handleMessage(message));
});
