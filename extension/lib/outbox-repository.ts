import { database, type OutboxItem, type TastingMenuDb } from './db';

/** The only module that touches the outbox table. */
export function outboxRepository(db: TastingMenuDb = database()) {
  return {
    async add(
      payload: unknown,
      clientId: string = crypto.randomUUID(),
      now = new Date(),
    ): Promise<OutboxItem> {
      const item: OutboxItem = {
        clientId,
        createdAt: now.toISOString(),
        status: 'pending',
        payload,
        attempts: 0,
      };
      await db.outbox.put(item);
      return item;
    },
    listPending(): Promise<OutboxItem[]> {
      return db.outbox.where('status').equals('pending').sortBy('createdAt');
    },
    countPending(): Promise<number> {
      return db.outbox.where('status').equals('pending').count();
    },
  };
}
