import type express from 'express';

type Handler = (req: express.Request, res: express.Response) => Promise<void>;

/** The one way a route is written: an async handler whose rejections reach the error handler (middleware.ts). */
export const wrap =
  (handler: Handler): express.RequestHandler =>
  (req, res, next) => {
    handler(req, res).catch(next);
  };
