import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import type { DatabaseHandle } from '../domain/database';
import { frameAncestorOrigins } from '../domain/frame-ancestors';
import { page } from '../html';
import type { LtiTool } from '../lti/tool';
import { appAssets } from './compression';
import { appSecurityPolicy, cachedFrameAncestors } from './content-security';
import { sendNotFoundPage } from './not-found-page';

export const APP_DIR = fileURLToPath(new URL('../../../dist/app/', import.meta.url));

/**
 * /app: the in-LMS app's build, framed only by the tool, the registered platforms and LMS origins named in verified
 * launches (appSecurityPolicy); a page saying how to build it when it is not built.
 */
export function appRouter(database: DatabaseHandle, lti: LtiTool, frameAncestors: string[]): Router {
  const router = express.Router();
  router.use(
    appSecurityPolicy(cachedFrameAncestors(() => frameAncestorOrigins(database.db, lti, frameAncestors))),
  );
  if (existsSync(APP_DIR)) {
    // The room page's service worker is served only as /room/sw.js: here its scope would be the LMS app's.
    router.get('/room-sw.js', (req, res) => sendNotFoundPage(req, res));
    router.use(appAssets(APP_DIR));
  } else {
    router.get('/', (_req, res) => {
      res
        .status(503)
        .type('html')
        .send(
          page(
            'Tasting Menu is not built',
            '<h1>The app is not built yet</h1><p>Run <code>npm run build</code>, then reload.</p>',
          ),
        );
    });
  }
  return router;
}
