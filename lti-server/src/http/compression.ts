import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * What is compressed on the fly: JSON and HTML only. Calendar feeds (`text/calendar`: some calendar apps mishandle
 * an encoded feed), images and anything already encoded (the app's precompressed assets) go out as they are.
 */
const COMPRESSIBLE = /^(application\/json|text\/html)\s*(;|$)/i;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/** Answers under this size are sent as they are: the encoding's headers and setup outweigh the bytes saved. */
export const COMPRESS_THRESHOLD = 1024;
/** Whole answers up to this size are compressed in one call; larger ones stream, so the event loop is not held. */
export const WHOLE_ANSWER_LIMIT = 256 * 1024;

/**
 * The settings for answers made on every request (issue #20). gzip's fastest level and brotli's quality 2 cost about
 * half of gzip 6 and brotli 4 per answer, for answers 2–8% larger than theirs (the API's JSON pages of 7–25 KB).
 */
const GZIP = { level: constants.Z_BEST_SPEED };
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } };

/**
 * gzip or brotli, whichever the client accepts (brotli first); answers under 1 KB are sent as they are. An answer sent
 * whole (`res.json`, `res.send`: the JSON API and the pages) is compressed in one synchronous call; a streamed one goes
 * through `compression`'s stream. A zlib stream per answer cost more than compressing it: its setup, a hop to the
 * thread pool and the stream's callbacks were 18% of the menu's main-thread time under load (docs/performance.md).
 */
export function compressResponses(): RequestHandler {
  const streaming = compression({
    filter: (_req, res) => COMPRESSIBLE.test(String(res.getHeader('Content-Type') ?? '')),
    threshold: COMPRESS_THRESHOLD,
    ...GZIP,
    brotli: BROTLI,
  });
  return (req, res, next) => {
    streaming(req, res, (error?: unknown) => {
      if (error) return next(error);
      compressWholeAnswer(req, res);
      next();
    });
  };
}

/** The answer's body when `res.end` is handed all of it at once (nothing written before), else undefined. */
function wholeBody(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return undefined;
}

/** br or gzip, as the streaming path would choose them for this answer; undefined to send it as it is. */
function codingFor(req: Request, res: Response, length: number): 'br' | 'gzip' | undefined {
  if (length < COMPRESS_THRESHOLD || length > WHOLE_ANSWER_LIMIT || req.method === 'HEAD') return undefined;
  if (!COMPRESSIBLE.test(String(res.getHeader('Content-Type') ?? ''))) return undefined;
  if ((res.getHeader('Content-Encoding') ?? 'identity') !== 'identity') return undefined;
  if (NO_TRANSFORM.test(String(res.getHeader('Cache-Control') ?? ''))) return undefined;
  if (req.acceptsEncodings('br') === 'br') return 'br';
  if (req.acceptsEncodings('gzip') === 'gzip') return 'gzip';
  return undefined;
}

/**
 * Wraps `res.end` (inside `compression`'s own wrapper) so a whole answer reaches it already encoded, with its
 * `Content-Encoding`, `Content-Length` and `Vary`; `compression` then sends it as it is ("already encoded").
 */
function compressWholeAnswer(req: Request, res: Response): void {
  const write = res.write as (...args: unknown[]) => boolean;
  const end = res.end as (...args: unknown[]) => Response;
  let written = false;
  res.write = function (this: Response, ...args: unknown[]) {
    written = true;
    return write.apply(this, args);
  } as Response['write'];
  res.end = function (this: Response, ...args: unknown[]) {
    const [chunk, encoding] = args;
    const body = written || res.headersSent ? undefined : wholeBody(chunk, encoding);
    const coding = body && codingFor(req, res, body.length);
    if (!body || !coding) return end.apply(this, args);
    const encoded = coding === 'br' ? brotliCompressSync(body, BROTLI) : gzipSync(body, GZIP);
    res.vary('Accept-Encoding');
    res.setHeader('Content-Encoding', coding);
    res.setHeader('Content-Length', encoded.length);
    // The callback, if any, stays last: end(chunk, cb) or end(chunk, encoding, cb).
    const callback = args.find((a) => typeof a === 'function');
    return callback ? end.call(this, encoded, callback) : end.call(this, encoded);
  } as Response['end'];
}

/** Vite writes hashed names under assets/ (see lti-server/app/vite.config.ts): a new build never reuses one. */
const HASHED_ASSET = /\/assets\/[^/]+-[\w-]{8,}\.[a-z0-9]+$/i;

/**
 * The built app in `dir`. Its hashed assets are cached for a year and never revalidated; index.html (which names
 * them) is revalidated on every load, so a new release is picked up at once. The `.br`/`.gz` files the build wrote
 * beside each asset are sent with `Content-Encoding` when the client accepts them (`Vary: Accept-Encoding`).
 * The folder is read once at start: restart after a build (as `npm start` does).
 */
export function appAssets(dir: string): RequestHandler {
  return expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: 'index.html',
    serveStatic: {
      setHeaders(res, path) {
        res.setHeader(
          'Cache-Control',
          HASHED_ASSET.test(path.replace(/\.(br|gz)$/, ''))
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    },
  });
}
