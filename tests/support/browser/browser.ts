import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface BrowserSession {
  /** Quits Chromium and starts it again on the same profile, as a teacher restarting their browser. */
  restart(): Promise<BrowserSession>;
  context: BrowserContext;
  extensionId: string | undefined;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with a fresh profile; optionally with the built extension loaded unpacked.
 * The background-networking flags keep Chromium from calling out (this machine has no internet).
 */
export async function launchBrowser(
  options: {
    extension?: boolean;
    /**
     * Chromium's cookie controls for the fresh profile: 'block' third-party cookies (as Safari does, and Chrome
     * when a person chooses it) or 'allow' them; unset keeps Chromium's default.
     */
    thirdPartyCookies?: 'block' | 'allow';
    /** Accept self-signed certificates (tests that serve the tool over HTTPS). */
    ignoreHttpsErrors?: boolean;
    /** Chromium's UI language (`--lang`), which the extension's pages follow (browser.i18n), e.g. 'es'. */
    lang?: string;
  } = {},
): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: run apt-get install -y chromium`);
  if (options.extension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built at ${EXTENSION_DIR}: run npm run build:ext`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'tasting-menu-chromium-'));
  if (options.thirdPartyCookies) {
    // The setting behind chrome://settings/cookies: 1 blocks third-party cookies, 0 allows them.
    const block = options.thirdPartyCookies === 'block';
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { cookie_controls_mode: block ? 1 : 0, block_third_party_cookies: block } }),
    );
  }
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    ...(options.lang ? [`--lang=${options.lang}`] : []),
    ...(options.extension
      ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]
      : []),
  ];
  const open = async (): Promise<BrowserSession> => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args,
      viewport: { width: 1100, height: 800 },
      ...(options.ignoreHttpsErrors ? { ignoreHTTPSErrors: true } : {}),
    });
    let extensionId: string | undefined;
    if (options.extension) {
      const worker =
        context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
      extensionId = new URL(worker.url()).host;
    }
    return {
      context,
      extensionId,
      async restart() {
        await context.close();
        return open();
      },
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  };
  return open();
}

/**
 * Runs axe (WCAG 2.x A and AA, and `heading-order`, a best-practice rule the WCAG tags leave out) on the page,
 * including its frames, and fails with a readable list.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    // `options` first: `withTags` adds the tags to these options, while `options` would replace them.
    .options({ rules: { 'heading-order': { enabled: true } } })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  throw new Error(
    `axe found ${results.violations.length} accessibility violation(s) on ${page.url()}:\n  ${lines.join('\n  ')}`,
  );
}
