import { expect } from 'vitest';
import type { ApiClient } from './api-client';
import { daysFromNow } from './colleagues';
import { approvedStrategy } from './menu';
import type { TestServer } from './test-server';

/**
 * Moves a door (and its visits) into the past, as if the visit had happened: doors can only be opened in the future,
 * and notes can only be written once a visit has started.
 */
export async function visitHappened(server: TestServer, doorId: string, minutesAgo = 60): Promise<void> {
  const start = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const end = new Date(Date.now() - (minutesAgo - 10) * 60_000).toISOString();
  const db = server.database.db;
  await db.updateTable('doors').set({ starts_at: start, ends_at: end }).where('id', '=', doorId).execute();
  await db
    .updateTable('visits')
    .set({ starts_at: start, ends_at: end })
    .where('door_id', '=', doorId)
    .execute();
}

/**
 * A visit of `visitor` to `host`'s door, opened `daysAhead` days out for a new approved strategy and then moved into the
 * past (visitHappened), so notes can be written on it. Returns the visit's id.
 */
export async function pastVisit(
  on: TestServer,
  people: { coach: ApiClient; host: ApiClient; visitor: ApiClient },
  strategy: { title: string; tags: string[] },
  daysAhead: number,
): Promise<string> {
  const strategyId = await approvedStrategy(people.host, people.coach, strategy);
  const door = await people.host.post('/api/doors', {
    strategyId,
    date: daysFromNow(daysAhead),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room 1',
  });
  expect(door.status, JSON.stringify(door.body)).toBe(201);
  const booked = await people.visitor.post('/api/visits', { doorId: door.body.items[0].id });
  expect(booked.status).toBe(201);
  await visitHappened(on, door.body.items[0].id);
  return booked.body.id as string;
}
