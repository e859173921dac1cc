import type { Kysely } from 'kysely';
import { deleteExpiredLaunchNonces } from '../db/repositories/launch-nonces';
import { purgeExpiredNotesOf, visitsWithExpiredNotes } from '../db/repositories/picture';
import { purgeExpiredDialogue } from '../db/repositories/dialogue';
import { deleteExpiredSessions } from '../db/repositories/sessions';
import { refreshPlannerStatistics } from '../db/repositories/planner-statistics';
import { pruneSearchWords } from '../db/repositories/search-words';
import type { Database } from '../db/schema';
import { TenantScope } from '../db/tenant-scope';
import { databaseUnavailableReason } from '../db/unavailable';
import type { Logger } from '../logger';
import { lockPicture, refreshPictureVisits } from './picture';

/** How many visits' expired notes one transaction deletes (and takes out of the picture). */
const PURGE_BATCH = 200;

/**
 * Deletes every expired note, in every school, and takes each visit it leaves out of the picture's aggregates in the
 * same transaction (a batch of visits of one network at a time). Until this runs, an expired note is hidden from its
 * readers but still counted in the picture: at most one run's interval.
 */
export async function purgeExpiredNotes(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  now: Date,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const due = await visitsWithExpiredNotes(db, now.toISOString(), PURGE_BATCH);
    if (due.length === 0) return deleted;
    const byNetwork = new Map<string, { tenantId: string; networkId: string; visitIds: string[] }>();
    for (const d of due) {
      const key = `${d.tenantId}\u0000${d.networkId}`;
      const batch = byNetwork.get(key) ?? { tenantId: d.tenantId, networkId: d.networkId, visitIds: [] };
      batch.visitIds.push(d.visitId);
      byNetwork.set(key, batch);
    }
    for (const { tenantId, networkId, visitIds } of byNetwork.values()) {
      deleted += await new TenantScope(db, tenantId, dialect).transaction(async (scope) => {
        await lockPicture(scope, networkId);
        const n = await purgeExpiredNotesOf(scope, visitIds, now.toISOString());
        await refreshPictureVisits(scope, visitIds, now);
        return n;
      });
    }
  }
}

/**
 * How often expired notes are deleted (reads already hide them; the job makes the deletion real), expired launch
 * logins and sessions are swept (a session's room note key and unused room links go with it, so a lost phone's
 * sealed notes cannot be opened once its session has ended) and, on PostgreSQL, search words no strategy contains any
 * more are pruned. On SQLite it also refreshes the planner's statistics (planner-statistics.ts), at start and hourly.
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
      const deleted = await purgeExpiredNotes(db, dialect, now());
      if (deleted > 0) logger.info({ deleted }, 'expired notes deleted');
      const entries = await purgeExpiredDialogue(db, now().toISOString());
      if (entries > 0) logger.info({ deleted: entries }, 'expired dialogue entries deleted');
      await deleteExpiredLaunchNonces(db, now().getTime());
      await deleteExpiredSessions(db, now().toISOString());
      const pruned = await pruneSearchWords(db, dialect);
      if (pruned > 0) logger.info({ pruned }, 'unused search words pruned');
      await refreshPlannerStatistics(db, dialect);
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
