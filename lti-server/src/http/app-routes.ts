import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import type { DatabaseHandle } from '../domain/database';
import { frameAncestorOrigins } from '../domain/frame-ancestors';
import { translator } from '../../../shared/i18n';
import { esc, page } from '../html';
import type { LtiTool } from '../lti/tool';
import { appAssets } from './compression';
import { appSecurityPolicy, cachedFrameAncestors } from './content-security';
import { requestLanguage } from './request-language';

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
    router.get('/room-sw.js', (req, res) => {
      const language = requestLanguage(req);
      const t = translator(language);
      res
        .status(404)
        .type('html')
        .send(
          page(t('page.not-found.title'), `<h1>${esc(t('page.not-found.heading'))}</h1>`, { lang: language }),
        );
    });
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
