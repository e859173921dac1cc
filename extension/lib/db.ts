import Dexie, { type EntityTable } from 'dexie';

/** A clip waiting to be sent to the server. `clientId` makes a retried upload idempotent on the server. */
export interface OutboxItem {
  clientId: string;
  createdAt: string;
  status: 'pending' | 'sent' | 'failed';
  payload: unknown;
  attempts: number;
  lastError?: string;
  /** When a retry is due after a failure that may pass (server down, overloaded). */
  nextAttemptAt?: string;
  /** The strategy's id on the server once sent. */
  serverId?: string;
}

/**
 * The extension's one database. Schema versions are only ever added, never edited or deleted, so a browser with
 * an older version upgrades in place.
 */
export class TastingMenuDb extends Dexie {
  outbox!: EntityTable<OutboxItem, 'clientId'>;

  constructor(name = 'tasting-menu') {
    super(name);
    this.version(1).stores({ outbox: 'clientId, status, createdAt' });
  }
}

let db: TastingMenuDb | undefined;

/** Opened lazily: the service worker may be stopped and woken at any time. */
export function database(): TastingMenuDb {
  db ??= new TastingMenuDb();
  return db;
}
