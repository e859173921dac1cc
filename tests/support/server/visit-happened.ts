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
