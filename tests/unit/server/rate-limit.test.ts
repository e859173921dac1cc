import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { rateLimit } from '../../../lti-server/src/http/rate-limit';

function fakeRes() {
  const res = {
    statusCode: 200,
    headers: {} as Record<string, string>,
    body: undefined as unknown,
    setHeader(k: string, v: string) {
      this.headers[k] = v;
    },
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    json(b: unknown) {
      this.body = b;
      return this;
    },
  };
  return res;
}

function hit(mw: ReturnType<typeof rateLimit>, ip: string) {
  const res = fakeRes();
  let passed = false;
  mw(
    { ip } as Request,
    res as unknown as Response,
    (() => {
      passed = true;
    }) as NextFunction,
  );
  return { passed, res };
}

describe('rateLimit', () => {
  it('when an address sends more than the limit in a window, then the extra requests get 429 with Retry-After', () => {
    let t = 0;
    const mw = rateLimit({ limit: 3, windowMs: 60_000, now: () => t });
    expect([1, 2, 3].map(() => hit(mw, '1.1.1.1').passed)).toEqual([true, true, true]);
    const blocked = hit(mw, '1.1.1.1');
    expect(blocked.passed).toBe(false);
    expect(blocked.res.statusCode).toBe(429);
    expect(blocked.res.headers['Retry-After']).toBe('60');
    expect(hit(mw, '2.2.2.2').passed).toBe(true);
    t = 60_000;
    expect(hit(mw, '1.1.1.1').passed).toBe(true);
  });

  it('when many addresses appear, then memory stays bounded', () => {
    const mw = rateLimit({ limit: 1, windowMs: 60_000, maxKeys: 10, now: () => 0 });
    for (let i = 0; i < 100; i++) hit(mw, `10.0.0.${i}`);
    // The first address was evicted, so it is allowed again: the map never grew past maxKeys.
    expect(hit(mw, '10.0.0.0').passed).toBe(true);
  });
});
