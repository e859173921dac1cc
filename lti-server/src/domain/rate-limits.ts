/**
 * Request counts per client and window, kept in the database so every instance enforces one limit together. The
 * HTTP layer's limiter (http/rate-limit.ts) is the only caller; the table and its rows stay in db/.
 */
export {
  countHit,
  deleteEndedWindows,
  type HitCount,
  hitCount,
  resetHits,
  uncountHit,
} from '../db/repositories/rate-limits';
