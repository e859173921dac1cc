import { expect } from 'vitest';
import type { ApiClient } from './api-client';
import { daysFromNow } from './colleagues';

/** The body of `POST /api/doors` for one open door of `strategyId` ten days from now, with `over` on top. */
export const doorBody = (strategyId: string, over: Record<string, unknown> = {}) => ({
  strategyId,
  date: daysFromNow(10),
  start: '09:15',
  timeZone: 'America/New_York',
  location: 'Room 12',
  capacity: 4,
  lookFor: 'Notice how students use the sentence frames',
  visitorNote: 'Sit at the back table',
  ...over,
});

/** `host` opens one door of `strategyId` (`over` on top of `doorBody`); its id. */
export async function openedDoor(
  host: ApiClient,
  strategyId: string,
  over: Record<string, unknown> = {},
): Promise<string> {
  const created = await host.post('/api/doors', doorBody(strategyId, over));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.items[0].id as string;
}
