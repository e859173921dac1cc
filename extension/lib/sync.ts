import type { SyncReport } from '../../shared/messages';
import type { OutboxRepository } from './outbox-repository';
import type { UploadResult } from './server-api';

/** Waits after failures that may pass: 5 s, 10 s, 20 s … up to 30 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(30 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends pending clips, oldest first, each with its client id so a retry can never create a second strategy.
 * A permanent refusal marks that clip failed with the reason and moves on (it must not block the queue); an
 * unreachable server or a lost pairing stops the run and keeps everything pending.
 */
/** Clips in flight at once: enough to hide round trips, few enough not to flood a school server. */
export const SYNC_CONCURRENCY = 4;

export async function syncOutbox(
  outbox: OutboxRepository,
  upload: (payload: unknown) => Promise<UploadResult>,
  now: () => Date = () => new Date(),
  /** A person asked to send now: waiting times from earlier failures do not apply. */
  force = false,
): Promise<SyncReport> {
  let sent = 0;
  let failed = 0;
  let stopped: string | undefined;
  const due = (await outbox.listPending()).filter(
    (item) => force || !item.nextAttemptAt || Date.parse(item.nextAttemptAt) <= now().getTime(),
  );
  // Oldest first, a few at a time; each carries its client id, so sending one twice still stores it once.
  for (let i = 0; i < due.length && !stopped; i += SYNC_CONCURRENCY) {
    const batch = due.slice(i, i + SYNC_CONCURRENCY);
    const results = await Promise.all(
      batch.map((item) => upload({ ...(item.payload as object), clientId: item.clientId })),
    );
    for (const [j, result] of results.entries()) {
      const item = batch[j]!;
      if (result.kind === 'ok') {
        await outbox.markSent(item.clientId, result.id);
        sent++;
      } else if (result.kind === 'permanent') {
        await outbox.markFailed(item.clientId, result.message);
        failed++;
      } else {
        if (result.kind === 'retry') {
          const attempts = item.attempts + 1;
          await outbox.markRetry(
            item.clientId,
            attempts,
            new Date(now().getTime() + backoffMs(attempts)).toISOString(),
            result.message,
          );
        }
        stopped ??= result.message;
      }
    }
  }
  return { sent, failed, pending: await outbox.countPending(), ...(stopped ? { stopped } : {}) };
}
