import type { NextFunction, Request, Response } from 'express';
import { AppError, toErrorBody } from '../../../shared/errors';

/**
 * A fixed-window request limit per client address. It protects the LTI endpoints from floods and guessing; the
 * windows live in this process, so with several instances each enforces the limit on its own share of traffic
 * (a deliberate trade: a database write per launch would cost more than the protection is worth).
 */
export interface RateLimitOptions {
  /** Requests allowed per window and address. */
  limit: number;
  windowMs: number;
  now?: () => number;
  /** At most this many addresses are tracked; the oldest windows are dropped first. */
  maxKeys?: number;
  /** What is counted; the client address by default. */
  key?: (req: Request, res: Response) => string;
}

export function rateLimit({
  limit,
  windowMs,
  now = Date.now,
  maxKeys = 10_000,
  key: keyOf,
}: RateLimitOptions) {
  const windows = new Map<string, { start: number; count: number }>();
  return (req: Request, res: Response, next: NextFunction) => {
    const key = keyOf?.(req, res) ?? req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const t = now();
    let w = windows.get(key);
    if (!w || t - w.start >= windowMs) {
      windows.delete(key);
      w = { start: t, count: 0 };
      windows.set(key, w);
      if (windows.size > maxKeys) windows.delete(windows.keys().next().value as string);
    }
    w.count++;
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - w.count)));
    if (w.count > limit) {
      const retry = Math.ceil((w.start + windowMs - t) / 1000);
      res.setHeader('Retry-After', String(retry));
      res
        .status(429)
        .json(toErrorBody(new AppError('RATE_LIMITED', `Too many requests. Try again in ${retry} seconds.`)));
      return;
    }
    next();
  };
}
