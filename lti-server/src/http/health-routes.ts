import express, { type Router } from 'express';
import { HealthSchema, ReadySchema } from '../../../shared/api';
import type { DatabaseHandle } from '../domain/database';
import { openCors } from './middleware';

export const VERSION = '0.1.0';

/** /healthz (the process answers) and /readyz (the database answers too), open to any origin. */
export function healthRouter(database: DatabaseHandle): Router {
  const router = express.Router();
  router.get('/healthz', openCors, (_req, res) => {
    res.json(HealthSchema.parse({ status: 'ok', service: 'tasting-menu', version: VERSION }));
  });
  router.options('/healthz', openCors);
  // Bounded (CHECK_TIMEOUT_MS) and never throws: a load balancer polls it during an outage too.
  router.get('/readyz', openCors, async (_req, res) => {
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
  return router;
}
