import express, { type Express, type RequestHandler } from 'express';
import type { Config } from '../config';
import type { DatabaseHandle } from '../domain/database';
import type { Logger } from '../logger';
import type { LtiTool } from '../lti/tool';
import { apiRouter } from './api-routes';
import { appRouter } from './app-routes';
import { calendarFeedRouter } from './calendar-routes';
import { compressResponses } from './compression';
import { noStore } from './content-security';
import { healthRouter } from './health-routes';
import { mountLtiRoutes } from './lti-routes';
import { errorHandler, openCors, requestLog, securityHeaders } from './middleware';
import { pageAssets } from './page-assets';
import { storablePath } from './path-guard';
import { privacyRouter } from './privacy-routes';
import { HitCounter, useRateLimitCounter } from './rate-limit';
import { roomPageRouter } from './room-pages';

/** Handlers the composition root mounts at `path` (server.ts: the sandbox LMS at /sandbox, when it is on). */
export interface Mount {
  path: string;
  handlers: RequestHandler[];
}

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  lti: LtiTool;
  logger: Logger;
  /** Mounted in this order after the app's own pages, before the LTI endpoints, the landing page and the error handler. */
  mounts?: readonly Mount[];
  /** Where / sends a person instead of the landing page (the sandbox LMS, when it is on). */
  home?: string | undefined;
}

/** The HTTP app: only composition (middleware, the feature routers in their order, the error handler). */
export function createApp({ config, database, lti, logger, mounts = [], home }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // Rate limits count in the database, shared with the other instances (launch-like writes: the ephemeral pool).
  useRateLimitCounter(app, new HitCounter(database.ephemeral));
  app.use(requestLog(logger));
  app.use(compressResponses());
  app.use(securityHeaders);
  app.use(storablePath);

  app.use(healthRouter(database));
  app.use('/api', noStore, openCors, apiRouter(database, lti, config.publicUrl));
  app.use('/calendar', calendarFeedRouter(database));
  app.use('/static', pageAssets());
  app.use(privacyRouter());
  app.use('/app', appRouter(database, lti, config.frameAncestors));
  app.use('/room', roomPageRouter());
  for (const mount of mounts) app.use(mount.path, ...mount.handlers);
  mountLtiRoutes(app, { config, database, lti, logger, home });

  app.use(errorHandler(logger));
  return app;
}
