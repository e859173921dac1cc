import type { NextFunction, Request, Response } from 'express';

/**
 * Content-Security-Policy for each kind of response. Scripts and styles come from our own origin only: no inline
 * script or style anywhere (server-rendered pages load theirs from /static, see page-assets.ts).
 */
const STRICT = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
];

/**
 * Server-rendered pages (launch steps, refusals, registration, the sandbox LMS) and everything else. No
 * frame-ancestors: the LMS framing a login or launch page may not be known yet (its origin is learned from this very
 * launch), a refusal must reach the person whichever LMS framed it, and these pages hold nothing to click into.
 */
export const PAGE_POLICY = [...STRICT, "form-action 'self'"].join('; ');

/**
 * The sandbox LMS's pages: it frames the tool and posts the launch steps to it, which is another origin when the LMS
 * page is opened under another name than PUBLIC_URL's (as a real LMS is on another site).
 */
export function sandboxPolicy(toolOrigin: string): string {
  return [...STRICT, `frame-src 'self' ${toolOrigin}`, `form-action 'self' ${toolOrigin}`].join('; ');
}

/**
 * The room note mode (/room/…): a top-level page for a phone or a new tab. It is never framed (the LMS frame is for
 * planning), so no one can frame it to catch a tap. It is an installable web app that works offline: its own service
 * worker (/room/sw.js) and web manifest, from this origin only (named although default-src 'self' implies them, so a
 * change to the default cannot open them up).
 */
export const ROOM_POLICY = [
  ...STRICT,
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sets `policy` instead of the default one. */
export function contentSecurityPolicy(policy: string) {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', policy);
    next();
  };
}

/**
 * The app in the LMS iframe: framed only by us (the sandbox) and by the platforms' pages; its one form, the
 * deep-linking answer, posts to the same LMS.
 */
export function appPolicy(platformOrigins: string[]): string {
  const sources = ["'self'", ...platformOrigins].join(' ');
  // No service worker and no web manifest: the app in the frame is for planning online; only the room page works offline.
  return [
    ...STRICT,
    "worker-src 'none'",
    "manifest-src 'none'",
    `form-action ${sources}`,
    `frame-ancestors ${sources}`,
  ].join('; ');
}

/** The query parameter of a launch that just learned a new LMS origin: the app's policy must not come from an older cache. */
export const NEW_FRAME_ORIGIN = 'new-frame-origin';

/** A short per-instance cache of the frame-ancestor origins: they change only when a platform or an LMS is added. */
export interface FrameAncestors {
  get(): Promise<string[]>;
  forget(): void;
}

export function cachedFrameAncestors(
  load: () => Promise<string[]>,
  ttlMs = 60_000,
  now: () => number = Date.now,
): FrameAncestors {
  let cached: { at: number; origins: Promise<string[]> } | undefined;
  return {
    get() {
      if (!cached || now() - cached.at > ttlMs) {
        const origins = load();
        const entry = { at: now(), origins };
        cached = entry;
        // A failed load is not kept: the next request tries again.
        origins.catch(() => {
          if (cached === entry) cached = undefined;
        });
      }
      return cached.origins;
    },
    forget() {
      cached = undefined;
    },
  };
}

/**
 * Sets the app's policy on its page (its scripts and styles need none of their own); a launch that learned a new LMS
 * origin (on any instance) asks for a fresh one. Without the database the page is the "briefly unavailable" one.
 */
export function appSecurityPolicy(frameAncestors: FrameAncestors) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path !== '/' && req.path !== '/index.html') return next();
    if (req.query[NEW_FRAME_ORIGIN] !== undefined) frameAncestors.forget();
    frameAncestors.get().then((origins) => {
      res.setHeader('Content-Security-Policy', appPolicy(origins));
      next();
    }, next);
  };
}

/** API answers carry session-bound data: no browser or proxy keeps a copy. */
export function noStore(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
