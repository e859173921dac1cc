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
    /** The newest clips first, for "My clips". */
    async recent(limit = 50): Promise<OutboxItem[]> {
      return (await db.outbox.orderBy('createdAt').reverse().limit(limit).toArray()) as OutboxItem[];
    },
    async markSent(clientId: string, serverId: string): Promise<void> {
      await db.outbox.update(clientId, {
        status: 'sent',
        serverId,
        lastError: undefined,
        nextAttemptAt: undefined,
      });
    },
    async markFailed(clientId: string, error: string): Promise<void> {
      await db.outbox.update(clientId, { status: 'failed', lastError: error });
    },
    async markRetry(clientId: string, attempts: number, nextAttemptAt: string, error: string): Promise<void> {
      await db.outbox.update(clientId, { attempts, nextAttemptAt, lastError: error });
    },
  };
}
export type OutboxRepository = ReturnType<typeof outboxRepository>;
