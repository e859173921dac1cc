import type express from 'express';

type Handler = (req: express.Request, res: express.Response) => Promise<void>;

/** An async route handler whose rejections reach the error handler. */
export const wrap =
  (handler: Handler): express.RequestHandler =>
  (req, res, next) => {
    handler(req, res).catch(next);
  };
