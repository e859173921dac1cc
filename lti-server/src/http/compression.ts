import { constants } from 'node:zlib';
import compression from 'compression';
import type { RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * What is compressed on the fly: JSON and HTML only. Calendar feeds (`text/calendar`: some calendar apps mishandle
 * an encoded feed), images and anything already encoded (the app's precompressed assets) go out as they are.
 */
const COMPRESSIBLE = /^(application\/json|text\/html)\s*(;|$)/i;

/** gzip or brotli, whichever the client accepts (brotli first); answers under 1 KB are sent as they are. */
export function compressResponses(): RequestHandler {
  return compression({
    filter: (_req, res) => COMPRESSIBLE.test(String(res.getHeader('Content-Type') ?? '')),
    // Quality 4: most of brotli's gain for a few percent of its best setting's time, on every request.
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
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
