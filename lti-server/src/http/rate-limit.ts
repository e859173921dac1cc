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
  /**
   * A busy client's requests are counted in the shared store several at a time (`LeasingStore`): never more than the
   * limit in all, but a few may be refused early on one instance while another holds counts it has not used. For a
   * limit on a busy route (LTI launches), where one statement per request is a cost every launch pays.
   */
  lease?: boolean;
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

  /** Counts `amount` requests of `key`; answers the window's count with them and when it ends. */
  async count(key: string, windowMs: number, amount = 1): Promise<IncrementResponse> {
    const now = this.now();
    if (now - this.#sweptAt >= SWEEP_INTERVAL_MS) {
      this.#sweptAt = now;
      await deleteEndedWindows(this.db, now);
    }
    const { hits, resetAt } = await countHit(this.db, key, windowMs, now, amount);
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
    protected readonly counter: HitCounter,
    protected readonly windowMs: number,
  ) {}

  protected digest(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }

  increment(key: string): Promise<IncrementResponse> {
    return this.counter.count(this.digest(key), this.windowMs);
  }

  get(key: string) {
    return this.counter.get(this.digest(key));
  }

  decrement(key: string) {
    return this.counter.uncount(this.digest(key));
  }

  resetKey(key: string) {
    return this.counter.reset(this.digest(key));
  }
}

/** The most a lease takes at once, as a share of the limit (a limit of 600 a minute: 30). */
const LEASE_SHARE = 1 / 20;
/** A client's next lease is twice its last when it comes this soon after it; else it is one request again. */
const LEASE_GROWS_WITHIN_MS = 1_000;
/**
 * Clients whose leases an instance keeps; past this the least recently leased is forgotten (its counts were counted:
 * forgetting them can only refuse early, never let more through).
 */
const LEASES_KEPT = 10_000;

interface Lease {
  /** The end of the window the lease was counted in. */
  resetAt: number;
  /** The window's count before the lease was added. */
  base: number;
  /** Requests of the lease that fit under the limit; 0 when the window was already full. */
  granted: number;
  used: number;
  size: number;
  leasedAt: number;
}

/**
 * Counts a busy client's requests in the shared store several at a time (issue #20: two rate-limit statements were a
 * fifth of what a launch sent beyond bare ltijs). A request takes one of its instance's leased counts; when none is
 * left it counts a new lease of `size` at once: one request for a client seen last more than a second ago (so a
 * quiet client is counted exactly, request by request, on any instance), twice the last lease when it comes sooner, up
 * to a twentieth of the limit. Only the part of a lease that fits under the limit is granted, so all instances
 * together never let through more than the limit; an instance holding unused counts makes another refuse early, at
 * most a lease per instance. A full window is refused until it ends without asking the store again: counts only grow
 * within a window (this store is for limits that never take a count back).
 */
class LeasingStore extends DatabaseStore {
  readonly #leases = new Map<string, Lease>();
  /** The lease being counted for a client, if any. */
  readonly #counting = new Map<string, Promise<void>>();
  readonly #maxLease: number;

  constructor(
    counter: HitCounter,
    windowMs: number,
    private readonly limit: number,
  ) {
    super(counter, windowMs);
    this.#maxLease = Math.max(1, Math.floor(limit * LEASE_SHARE));
  }

  override async increment(key: string): Promise<IncrementResponse> {
    const digest = this.digest(key);
    // Requests that come while this instance counts a lease for the client wait for it and take from it.
    for (let pending = this.#counting.get(digest); pending; pending = this.#counting.get(digest)) {
      await pending;
    }
    const now = this.counter.now();
    const last = this.#leases.get(digest);
    const current = last && last.resetAt > now ? last : undefined;
    if (current && current.used < current.granted) {
      current.used++;
      return { totalHits: current.base + current.used, resetTime: new Date(current.resetAt) };
    }
    if (current && current.granted === 0) {
      return { totalHits: current.base + 1, resetTime: new Date(current.resetAt) };
    }
    const size =
      current && now - current.leasedAt < LEASE_GROWS_WITHIN_MS
        ? Math.min(this.#maxLease, current.size * 2)
        : 1;
    const counting = this.counter.count(digest, this.windowMs, size);
    const settled = counting.then(
      () => undefined,
      () => undefined,
    );
    this.#counting.set(digest, settled);
    try {
      const counted = await counting;
      const resetAt = counted.resetTime?.getTime() ?? now + this.windowMs;
      const base = counted.totalHits - size;
      const granted = Math.max(0, Math.min(size, this.limit - base));
      this.#keep(digest, { resetAt, base, granted, used: granted > 0 ? 1 : 0, size, leasedAt: now });
      return { totalHits: base + 1, resetTime: new Date(resetAt) };
    } finally {
      if (this.#counting.get(digest) === settled) this.#counting.delete(digest);
    }
  }

  override decrement(): Promise<void> {
    throw new Error('LeasingStore: a leased limit never takes a count back');
  }

  /** Keeps the client's lease as the newest, and forgets the oldest past LEASES_KEPT (as InstanceMemory.keep). */
  #keep(digest: string, lease: Lease) {
    this.#leases.delete(digest);
    this.#leases.set(digest, lease);
    if (this.#leases.size > LEASES_KEPT) this.#leases.delete(this.#leases.keys().next().value!);
  }
}

function routeName(req: Request): string {
  return `${req.method} ${req.baseUrl}${(req.route as { path?: string } | undefined)?.path ?? ''}`;
}

export function rateLimit({ limit, windowMs, name, key: keyOf, lease }: RateLimitOptions): RequestHandler {
  // The limiter is made on the first request, for the app (and so the database) that request reached: routers are
  // built before they know their app, and one process may run several apps (tests, two instances).
  const limiters = new WeakMap<HitCounter, RequestHandler>();
  const limiterFor = (counter: HitCounter): RequestHandler =>
    expressRateLimit({
      windowMs,
      limit,
      store: lease ? new LeasingStore(counter, windowMs, limit) : new DatabaseStore(counter, windowMs),
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
