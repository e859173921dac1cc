import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { homepageUrl } from './extension/lib/homepage-url';

// The add-on's home page in the stores: the school server's /privacy page, or the project's docs/privacy.md.
const homepage = homepageUrl({
  serverUrl: process.env.EXTENSION_SERVER_URL,
  repository: JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).repository,
});

/** The browser extension: Chrome MV3 in .output/chrome-mv3, Firefox with `-b firefox`. */
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: no auto-imported globals.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'build:before': () => {
      if ('reason' in homepage) console.warn(`wxt.config.ts: ${homepage.reason}`);
    },
  },
  // The sources zip of `wxt zip -b firefox`, from which addons.mozilla.org's reviewers rebuild the add-on (SOURCES.md
  // says how). An allow-list of what that build reads: WXT would otherwise zip the whole folder, the server, its
  // tests and the untracked data/ with the LTI key and the database. Whatever is not listed here stays out.
  zip: {
    excludeSources: ['**'],
    includeSources: [
      'SOURCES.md',
      'extension/**',
      'shared/**',
      'wxt.config.ts',
      'package.json',
      'package-lock.json',
      'tsconfig.base.json',
      'tsconfig.web.json',
    ],
  },
  manifest: ({ browser }) => ({
    // English and Spanish from extension/public/_locales (the browser's UI language picks one; docs/i18n.md).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    ...(homepage.url ? { homepage_url: homepage.url } : {}),
    // Why each permission is needed: docs/extension.md.
    permissions: ['storage', 'contextMenus', 'alarms', 'activeTab', 'scripting'],
    commands: {
      'clip-selection': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_command_clip_selection__',
      },
    },
    // Firefox: a fixed add-on id, and what the extension sends out (addons.mozilla.org requires the declaration):
    // the clipped page content, and the pairing token that says whose clip it is. Firefox reads
    // `data_collection_permissions` from version 140 on, so older versions may not install it.
    // Chrome: the side panel (`chrome.sidePanel`) needs Chrome 114.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tasting-menu@tasting-menu.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['websiteContent', 'authenticationInfo'] },
            },
          },
        }
      : { minimum_chrome_version: '114' }),
  }),
});
