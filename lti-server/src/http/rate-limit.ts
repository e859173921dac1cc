import { createHash } from 'node:crypto';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import {
  type AugmentedRequest,
  type ClientRateLimitInfo,
  rateLimit as expressRateLimit,
  type IncrementResponse,
  ipKeyGenerator,
  type Store,
} from 'express-rate-limit';
import { AppError, toErrorBody } from '../../../shared/errors';
import type { Db } from '../domain/database';
import { countHit, deleteEndedWindows, hitCount, resetHits, uncountHit } from '../domain/rate-limits';
import { requestLanguage } from './request-language';

/**
 * Fixed-window request limits per client address (express-rate-limit) whose counts live in the database
 * (`rate_limits`), so several instances behind a load balancer enforce one limit together instead of one each.
 * Written through the database's ephemeral pool on PostgreSQL: a crash may forget a few counts, never more.
 */
export interface RateLimitOptions {
  /** Requests allowed per window and client. */
  limit: number;
  windowMs: number;
  /**
   * Names the limit in the shared store; limits with one name share their counts. By default the route it guards
   * (`POST /api/pairings`), which is the same on every instance.
   */
  name?: string;
  /** What is counted; the client address by default (IPv6 by its /56 network, as one household or school). */
  key?: (req: Request, res: Response) => string;
}

const COUNTER = 'rateLimitCounter';
/** Ended windows are deleted at most this often, by whichever request comes along. */
const SWEEP_INTERVAL_MS = 60_000;

/** An app's view of the `rate_limits` table. */
export class HitCounter {
  #sweptAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly db: Db,
    readonly now: () => number = Date.now,
  ) {}

  async count(key: string, windowMs: number): Promise<IncrementResponse> {
    const now = this.now();
    if (now - this.#sweptAt >= SWEEP_INTERVAL_MS) {
      this.#sweptAt = now;
      await deleteEndedWindows(this.db, now);
    }
    const { hits, resetAt } = await countHit(this.db, key, windowMs, now);
    return { totalHits: hits, resetTime: new Date(resetAt) };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const count = await hitCount(this.db, key, this.now());
    return count && { totalHits: count.hits, resetTime: new Date(count.resetAt) };
  }

  uncount(key: string): Promise<void> {
    return uncountHit(this.db, key);
  }

  reset(key: string): Promise<void> {
    return resetHits(this.db, key);
  }
}

/** Where the app's limits count: call once in createApp, before any request. */
export function useRateLimitCounter(app: Express, counter: HitCounter): void {
  app.locals[COUNTER] = counter;
}

/** express-rate-limit's store over the table. Keys are hashed: no client address is stored. */
class DatabaseStore implements Store {
  readonly localKeys = false;

  constructor(
    private readonly counter: HitCounter,
    private readonly windowMs: number,
  ) {}

  #digest(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }

  increment(key: string) {
    return this.counter.count(this.#digest(key), this.windowMs);
  }

  get(key: string) {
    return this.counter.get(this.#digest(key));
  }

  decrement(key: string) {
    return this.counter.uncount(this.#digest(key));
  }

  resetKey(key: string) {
    return this.counter.reset(this.#digest(key));
  }
}

function routeName(req: Request): string {
  return `${req.method} ${req.baseUrl}${(req.route as { path?: string } | undefined)?.path ?? ''}`;
}

export function rateLimit({ limit, windowMs, name, key: keyOf }: RateLimitOptions): RequestHandler {
  // The limiter is made on the first request, for the app (and so the database) that request reached: routers are
  // built before they know their app, and one process may run several apps (tests, two instances).
  const limiters = new WeakMap<HitCounter, RequestHandler>();
  const limiterFor = (counter: HitCounter): RequestHandler =>
    expressRateLimit({
      windowMs,
      limit,
      store: new DatabaseStore(counter, windowMs),
      keyGenerator: (req, res) =>
        `${name ?? routeName(req)}\n${keyOf?.(req, res) ?? ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`,
      // RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset on every answer; Retry-After on a 429.
      standardHeaders: 'draft-6',
      legacyHeaders: false,
      handler: (req, res) => {
        const resetTime = (req as AugmentedRequest).rateLimit?.resetTime;
        const retry = Math.max(
          1,
          Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000),
        );
        res
          .status(429)
          .json(
            toErrorBody(
              new AppError('RATE_LIMITED', { key: 'errors.rate-limited', params: { count: retry } }),
              requestLanguage(req, res.locals.principal?.me.person),
            ),
          );
      },
      // Made inside a request on purpose (see above), once per app.
      validate: { creationStack: false },
    });
  return (req: Request, res: Response, next: NextFunction) => {
    const counter = req.app.locals[COUNTER] as HitCounter | undefined;
    if (!counter) return next(new Error('rateLimit: useRateLimitCounter(app, …) was not called'));
    let limiter = limiters.get(counter);
    if (!limiter) {
      limiter = limiterFor(counter);
      limiters.set(counter, limiter);
    }
    return limiter(req, res, next);
  };
}
