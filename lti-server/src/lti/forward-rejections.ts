import type { Express, NextFunction, Request, Response } from 'express';

type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
interface Layer {
  handle: Handler;
  route?: { stack: Layer[] };
}

/**
 * Express 4 ignores the promise an async handler returns. ltijs's handlers are async, and some can reject: its session
 * validator reads the state table again inside its own catch block, so a launch while the database is down rejects
 * there, and an unhandled rejection ends the process. This hands every rejection of `app`'s handlers to `next`, as
 * Express 5 does, so our error handler answers it. Call it once all of the app's routes are in place.
 */
export function forwardRejections(app: Express): void {
  const stack = (app as unknown as { _router?: { stack?: Layer[] } })._router?.stack;
  if (!stack) throw new Error('forwardRejections: this Express version keeps its routes elsewhere');
  const wrap = (layer: Layer) => {
    const handle = layer.handle;
    // Four parameters mark an error handler, which Express calls differently: leave those alone.
    if (handle.length > 3) return;
    layer.handle = (req, res, next) => {
      const result = handle(req, res, next);
      if (result instanceof Promise) result.catch(next);
      return result;
    };
  };
  for (const layer of stack) {
    if (layer.route) layer.route.stack.forEach(wrap);
    else wrap(layer);
  }
}
