import type { Kysely } from 'kysely';
import { deleteExpiredLaunchNonces } from '../db/repositories/launch-nonces';
import { purgeExpiredDialogue } from '../db/repositories/dialogue';
import { purgeExpiredNotes } from '../db/repositories/notes';
import { pruneSearchWords } from '../db/repositories/search-words';
import type { Database } from '../db/schema';
import { databaseUnavailableReason } from '../db/unavailable';
import type { Logger } from '../logger';

/**
 * How often expired notes are deleted (reads already hide them; the job makes the deletion real), expired launch
 * logins are swept (launches never use them) and, on PostgreSQL, search words no strategy contains any more are pruned.
 */
export const RETENTION_INTERVAL_MS = 60 * 60_000;

/**
 * Deletes expired notes and dialogue entries (and prunes unused search words) now and then every hour. Any instance may run it: the
 * deletes are idempotent, so several instances on one database do no harm.
 */
export function startRetentionJob(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  logger: Logger,
  { now = () => new Date() }: { now?: () => Date } = {},
) {
  const run = async () => {
    try {
      const deleted = await purgeExpiredNotes(db, now().toISOString());
      if (deleted > 0) logger.info({ deleted }, 'expired notes deleted');
      const entries = await purgeExpiredDialogue(db, now().toISOString());
      if (entries > 0) logger.info({ deleted: entries }, 'expired dialogue entries deleted');
      await deleteExpiredLaunchNonces(db, now().getTime());
      const pruned = await pruneSearchWords(db, dialect);
      if (pruned > 0) logger.info({ pruned }, 'unused search words pruned');
    } catch (error) {
      const reason = databaseUnavailableReason(error);
      if (reason) logger.warn({ reason }, 'the database is unavailable; the retention job skips this run');
      else logger.warn({ err: error }, 'the retention job could not run; it tries again within the hour');
    }
  };
  const first = run();
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return {
    /** Resolves when the first run has finished (tests wait for it). */
    ready: first,
    stop: () => clearInterval(timer),
  };
}
