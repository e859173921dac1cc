import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Router } from 'express';
import { HealthSchema, ReadySchema } from '../../../shared/api';
import type { Config } from '../config';
import { feedCalendar } from '../domain/calendar';
import type { DatabaseHandle } from '../domain/database';
import { frameAncestorOrigins } from '../domain/frame-ancestors';
import type { Logger } from '../logger';
import { canvasDeveloperKey, ICON_SVG } from '../lti/canvas-config';
import type { LtiTool } from '../lti/tool';
import type { SandboxKey } from '../sandbox/keys';
import type { SandboxPlatform } from '../sandbox/platform';
import { sandboxRouter } from '../sandbox/routes';
import { apiRouter } from './api-routes';
import {
  appSecurityPolicy,
  cachedFrameAncestors,
  contentSecurityPolicy,
  noStore,
  sandboxPolicy,
} from './content-security';
import { page } from '../html';
import { errorHandler, openCors, requestLog, securityHeaders } from './middleware';
import { pageAssets } from './page-assets';
import { storablePath } from './path-guard';
import { rateLimit } from './rate-limit';
import { registrationPage, registrationSubmit } from './registration-route';
import { wrap } from './wrap';

export const VERSION = '0.1.0';
export const APP_DIR = fileURLToPath(new URL('../../../dist/app/', import.meta.url));

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  lti: LtiTool;
  logger: Logger;
  sandbox: { platform: SandboxPlatform; key: SandboxKey; services: Router } | undefined;
}

export function createApp({ config, database, lti, logger, sandbox }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLog(logger));
  app.use(securityHeaders);
  app.use(storablePath);

  app.get('/healthz', openCors, (_req, res) => {
    res.json(HealthSchema.parse({ status: 'ok', service: 'tasting-menu', version: VERSION }));
  });
  app.options('/healthz', openCors);
  // Bounded (CHECK_TIMEOUT_MS) and never throws: a load balancer polls it during an outage too.
  app.get('/readyz', openCors, async (_req, res) => {
    const check = await database.check();
    res
      .status(check.available ? 200 : 503)
      .json(
        ReadySchema.parse(
          check.available
            ? { status: 'ready', database: database.kind }
            : { status: 'unavailable', database: database.kind, reason: check.reason },
        ),
      );
  });

  app.use('/api', noStore, openCors, apiRouter(database, lti, config.publicUrl));

  // Calendar apps fetch a person's private feed by its secret URL, with no session.
  app.get(
    '/calendar/:file',
    rateLimit({ limit: 120, windowMs: 60_000 }),
    wrap(async (req, res) => {
      const token = String(req.params.file).replace(/\.ics$/, '');
      const ics = await feedCalendar(database.db, database.kind, token, new Date());
      res.type('text/calendar; charset=utf-8').set('Cache-Control', 'no-store').send(ics);
    }),
  );

  app.use('/static', pageAssets());
  app.use(
    '/app',
    appSecurityPolicy(
      cachedFrameAncestors(() => frameAncestorOrigins(database.db, lti, config.frameAncestors)),
    ),
  );
  if (existsSync(APP_DIR)) {
    app.use('/app', express.static(APP_DIR, { index: 'index.html', maxAge: '1h' }));
  } else {
    app.get('/app', (_req, res) => {
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

  if (sandbox) {
    app.use(
      '/sandbox',
      contentSecurityPolicy(sandboxPolicy(new URL(config.publicUrl).origin)),
      sandbox.services,
      sandboxRouter(sandbox.platform, sandbox.key),
    );
  }

  // Our key set (ltijs's keys plus retired ones in their grace period) answers before ltijs's own /keys.
  app.get(
    '/lti/keys',
    wrap(async (_req, res) => {
      res.set('Cache-Control', 'public, max-age=300').json(await lti.keySet(new Date()));
    }),
  );
  app.get('/lti/canvas.json', (_req, res) => {
    res.json(canvasDeveloperKey(config.publicUrl));
  });
  // LTI Dynamic Registration. The page only shows what would be registered; its form (the registration code,
  // outbound requests to the LMS) is limited tightly: it only happens when an LMS installs us.
  const registration = {
    db: database.db,
    lti,
    publicUrl: config.publicUrl,
    mode: config.registration,
    logger,
  };
  app.get('/lti/register', rateLimit({ limit: 60, windowMs: 60_000 }), registrationPage(registration));
  app.post(
    '/lti/register',
    rateLimit({ limit: 10, windowMs: 60_000 }),
    express.urlencoded({ extended: false, limit: '32kb' }),
    registrationSubmit(registration),
  );
  app.get('/icon.svg', (_req, res) => {
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(ICON_SVG);
  });

  // Generous for a school behind one NAT address, tight enough to stop floods and state/nonce guessing.
  const ltiLimit = rateLimit({ limit: config.ltiRateLimit, windowMs: 60_000 });
  // Schoology apps set up with the bare server address as Domain/URL post their launches to the root: the same launch.
  app.post('/', (req, _res, next) => {
    req.url = '/lti/launch';
    next();
  });
  app.use('/lti/login', ltiLimit);
  app.use('/lti/launch', ltiLimit);
  app.use('/lti', lti.app);

  app.get('/', (_req, res) => {
    if (sandbox) return res.redirect('/sandbox');
    res.type('html').send(
      page(
        'Tasting Menu',
        `<h1>Tasting Menu</h1><p>This is an LTI 1.3 tool. Open it from your LMS (Canvas or Schoology).</p>
<p>Administrators: the login URL is <code>${config.publicUrl}/lti/login</code>, the launch URL is
<code>${config.publicUrl}/lti/launch</code> and the key set is <code>${config.publicUrl}/lti/keys</code>.</p>`,
      ),
    );
  });

  app.use(errorHandler(logger));
  return app;
}
