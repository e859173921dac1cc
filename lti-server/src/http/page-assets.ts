import express, { type Router } from 'express';
import { AUTOPOST_SCRIPT, PAGE_CSS } from '../html';
import { PLATFORM_STORAGE_SCRIPT } from './launch-pages';
import { REGISTRATION_CLOSE_SCRIPT } from './registration-route';

const ASSETS: Record<string, { type: string; body: string }> = {
  'page.css': { type: 'text/css', body: PAGE_CSS },
  'autopost.js': { type: 'text/javascript', body: AUTOPOST_SCRIPT },
  'platform-storage.js': { type: 'text/javascript', body: PLATFORM_STORAGE_SCRIPT },
  'registration-close.js': { type: 'text/javascript', body: REGISTRATION_CLOSE_SCRIPT },
};

/**
 * /static: the stylesheet and scripts of the server-rendered pages, which the CSP does not let them inline.
 * Revalidated by ETag on each use, so a new release's script is never mixed with an old page.
 */
export function pageAssets(): Router {
  const router = express.Router();
  router.get('/:file', (req, res, next) => {
    const asset = Object.hasOwn(ASSETS, req.params.file) ? ASSETS[req.params.file] : undefined;
    if (!asset) return next();
    res.type(asset.type).set('Cache-Control', 'no-cache').send(asset.body);
  });
  return router;
}
