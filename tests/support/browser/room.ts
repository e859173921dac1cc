import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiClient } from '../server/api-client';
import { daysFromNow } from '../server/colleagues';
import { approvedStrategy } from '../server/menu';
import type { BrowserSession } from './browser';
import { type BrowserTest, type SandboxColleague, useBrowserTest } from './use-browser-test';

/** A phone's screen, as issue #18 measured it. */
export const PHONE = { width: 390, height: 844 };

/** The sandbox colleagues a room test launches: Ana hosts, Ben visits, Dana is the coach. */
export type RoomColleague = Extract<SandboxColleague, 'ana' | 'ben' | 'dana'>;

/**
 * The room tests' set-up: one test server for the file, the built app, Chromium (its own language English), and
 * `colleagues` launched from the sandbox through the API, in that order. `onReady` hands them to the file before its
 * first test; Chromium is closed after its last.
 */
export function useRoomTest<C extends RoomColleague>(
  colleagues: readonly C[],
  onReady: (room: BrowserTest<C>) => void,
): void {
  useBrowserTest({ builtApp: true, colleagues }, onReady);
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
