import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type ApiClient, launchAs } from '../server/api-client';
import { builtAppAssets } from '../server/built-app';
import { daysFromNow } from '../server/colleagues';
import { approvedStrategy } from '../server/menu';
import type { TestServer } from '../server/test-server';
import { useTestServer } from '../server/use-test-server';
import { type BrowserSession, launchBrowser } from './browser';

/** A phone's screen, as issue #18 measured it. */
export const PHONE = { width: 390, height: 844 };

/** The sandbox colleagues a room test launches: Ana hosts, Ben visits, Dana is the coach. */
const SANDBOX_USERS = {
  ana: 'sandbox-ana-rivera',
  ben: 'sandbox-ben-okafor',
  dana: 'sandbox-dana-kim',
} as const;
export type RoomColleague = keyof typeof SANDBOX_USERS;

export type RoomTest<C extends RoomColleague> = { server: TestServer; browser: BrowserSession } & Record<
  C,
  ApiClient
>;

/**
 * The room tests' set-up: one test server for the file, the built app, Chromium (its own language English), and
 * `colleagues` launched from the sandbox through the API, in that order. `onReady` hands them to the file before its
 * first test; Chromium is closed after its last.
 */
export function useRoomTest<C extends RoomColleague>(
  colleagues: readonly C[],
  onReady: (room: RoomTest<C>) => void,
): void {
  let server: TestServer;
  let browser: BrowserSession | undefined;
  useTestServer({}, (s) => {
    server = s;
  });
  beforeAll(async () => {
    await builtAppAssets();
    browser = await launchBrowser();
    const launched = {} as Record<C, ApiClient>;
    for (const who of colleagues) launched[who] = await launchAs(server, SANDBOX_USERS[who]);
    onReady({ server, browser, ...launched });
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/**
 * `host` opens a door tomorrow (UTC) for a new strategy called `title`, approved by `coach` if it needs to be;
 * returns the door's id.
 */
export async function doorTomorrow(
  host: ApiClient,
  coach: ApiClient,
  title: string,
  door: { start: string; location: string; lookFor: string; capacity?: number },
): Promise<string> {
  const strategyId = await approvedStrategy(host, coach, { title });
  const created = await host.post('/api/doors', {
    strategyId,
    date: daysFromNow(1),
    timeZone: 'UTC',
    ...door,
  });
  expect(created.status).toBe(201);
  return created.body.items[0].id as string;
}

/** A new tab the size of a phone's screen. */
export async function phoneTab(browser: BrowserSession): Promise<Page> {
  const phone = await browser.context.newPage();
  await phone.setViewportSize(PHONE);
  return phone;
}
