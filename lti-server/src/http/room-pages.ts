import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Response, type Router } from 'express';
import { parseRoomPath } from '../../../shared/room';
import { page } from '../html';
import { APP_DIR } from './app-routes';
import { contentSecurityPolicy, ROOM_POLICY } from './content-security';
import { sendNotFoundPage } from './not-found-page';

/**
 * /room/…: the "in the room" note mode's own small entry page (room.html of the app build), for a phone or a new
 * tab, never inside the LMS frame. One page answers every room address (`/room/`, `/room/door/<id>` from a door
 * sign's QR code, `/room/visit/<id>`); the page reads its address and signs in with its own session. Its assets are
 * the app's (/app/assets/). A separate entry keeps the service worker's scope to /room/.
 */
export function roomPageRouter(dir = APP_DIR): Router {
  const router = express.Router();
  router.use(contentSecurityPolicy(ROOM_POLICY));
  // The room page as an installable web app: its service worker (scope /room/, so it never sees the LMS app under
  // /app/) and its manifest, both from the app build (lti-server/app/vite.config.ts), revalidated on every load so a
  // new release replaces the worker.
  router.get('/sw.js', (_req, res, next) => sendBuilt(res, next, join(dir, 'room-sw.js'), 'text/javascript'));
  router.get('/manifest.webmanifest', (_req, res, next) =>
    sendBuilt(res, next, join(dir, 'room.webmanifest'), 'application/manifest+json'),
  );
  router.get(/^\/(?:door\/[^/]+|visit\/[^/]+)?\/?$/, (req, res, next) => {
    if (!parseRoomPath(`/room${req.path}`)) return next();
    const file = join(dir, 'room.html');
    res.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(file)) {
      res
        .status(503)
        .type('html')
        .send(
          page(
            'Tasting Menu is not built',
            '<h1>The app is not built yet</h1><p>Run <code>npm run build</code>, then reload.</p>',
          ),
        );
      return;
    }
    res.type('html').send(readFileSync(file, 'utf8'));
  });
  // A phone that followed an old or mistyped address: no session here, so the browser's languages choose.
  router.use((req, res) => sendNotFoundPage(req, res, 'room.not-found.hint'));
  return router;
}

function sendBuilt(res: Response, next: NextFunction, file: string, type: string): void {
  if (!existsSync(file)) {
    next();
    return;
  }
  res.setHeader('Cache-Control', 'no-cache');
  res.type(type).send(readFileSync(file));
}
