import { afterAll, beforeAll } from 'vitest';
import { type ApiClient, launchAs } from '../server/api-client';
import { builtAppAssets } from '../server/built-app';
import type { startTestServer, TestServer } from '../server/test-server';
import { useTestServer } from '../server/use-test-server';
import { type BrowserSession, launchBrowser } from './browser';

/** The sandbox school's colleagues an end-to-end file can launch through the API, by first name. */
export const SANDBOX_COLLEAGUES = {
  ana: 'sandbox-ana-rivera',
  ben: 'sandbox-ben-okafor',
  chloe: 'sandbox-chloe-martin',
  dana: 'sandbox-dana-kim',
} as const;
export type SandboxColleague = keyof typeof SANDBOX_COLLEAGUES;

export type BrowserTest<C extends SandboxColleague> = {
  server: TestServer;
  browser: BrowserSession;
} & Record<C, ApiClient>;

/**
 * An end-to-end file's set-up: one test server for the file (`server` options), Chromium (`browser` options), then
 * `colleagues` launched from the sandbox LMS through the API, in that order. `onReady` hands them to the file before
 * its first test (a `beforeAll` the file declares after this call runs after it); Chromium is closed after the last.
 */
export function useBrowserTest<C extends SandboxColleague = never>(
  options: {
    server?: Parameters<typeof startTestServer>[0];
    browser?: Parameters<typeof launchBrowser>[0];
    colleagues?: readonly C[];
    /** Build the app first when the build on disk is older than its sources (pages served from the build). */
    builtApp?: boolean;
  },
  onReady: (test: BrowserTest<C>) => void,
): void {
  let server: TestServer;
  let browser: BrowserSession | undefined;
  useTestServer(options.server ?? {}, (s) => {
    server = s;
  });
  beforeAll(async () => {
    if (options.builtApp) await builtAppAssets();
    browser = await launchBrowser(options.browser);
    const launched = {} as Record<C, ApiClient>;
    for (const who of options.colleagues ?? [])
      launched[who] = await launchAs(server, SANDBOX_COLLEAGUES[who]);
    onReady({ server, browser, ...launched });
  });
  afterAll(async () => {
    await browser?.close();
  });
}
