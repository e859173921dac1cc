import type { NextFunction, Request, Response } from 'express';
import { AppError, DeviceScopeError, UnauthenticatedError, toErrorBody } from '../../../shared/errors';
import type { DatabaseHandle } from '../db/database';
import { type Actor, actorFor } from '../domain/actor';
import { authenticate, type Principal } from '../domain/sessions';
import { type Logger, redactPath } from '../logger';

declare module 'express-serve-static-core' {
  interface Locals {
    principal?: Principal;
    actor?: Actor;
  }
}

/**
 * The path as logs show it: whole (req.path loses the mount point once a sub-app such as /lti or /api has handled the
 * request), without the query string (ltijs puts its ltik there), and with path secrets redacted.
 */
export function loggedPath(req: Request): string {
  return redactPath(req.originalUrl.split('?')[0] ?? '');
}

/** Logs one line per request: method, path (see loggedPath), status, duration. */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          method: req.method,
          path: loggedPath(req),
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}

/** The JSON API and health checks are called from the LMS iframe and the extension with bearer tokens, never cookies. */
export function openCors(req: Request, res: Response, next: NextFunction) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Max-Age', '600');
  if (req.method === 'OPTIONS') return res.status(204).end();
  next();
}

export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}

export function requireSession(database: DatabaseHandle) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const header = req.get('authorization') ?? '';
      const match = /^Bearer (.+)$/i.exec(header);
      if (!match?.[1]) throw new UnauthenticatedError();
      const principal = await authenticate(database.db, match[1].trim(), new Date());
      res.locals.principal = principal;
      res.locals.actor = actorFor(principal, database.db, database.kind);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** One route a device token may call: the method, the exact path under the router, and any query values it must carry. */
export interface DeviceRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string>;
}

/**
 * After requireSession: a device token reaches only the listed routes; everything else, including routes added later,
 * answers 403 DEVICE_SCOPE. Matching is exact (no case folding, no trailing slash), so a near miss is refused too.
 */
export function deviceScope(allowed: readonly DeviceRoute[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (principalOf(res).kind !== 'device') return next();
    const listed = allowed.some(
      (route) =>
        route.method === req.method &&
        route.path === req.path &&
        Object.entries(route.query ?? {}).every(([name, value]) => req.query[name] === value),
    );
    next(listed ? undefined : new DeviceScopeError());
  };
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor;
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
}

/** The one place errors become responses: AppErrors keep their code; anything else is logged and hidden. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    const isBodyError = (error as { type?: string })?.type === 'entity.parse.failed';
    const tooLarge = (error as { type?: string })?.type === 'entity.too.large';
    const appError =
      error instanceof AppError
        ? error
        : isBodyError
          ? new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.', { status: 400 })
          : tooLarge
            ? new AppError('VALIDATION_FAILED', 'The request body is too large.', { status: 413 })
            : new AppError('INTERNAL', 'Something went wrong on our side. Please try again.', {
                status: 500,
              });
    if (appError.status >= 500)
      logger.error({ err: error, method: req.method, path: loggedPath(req) }, 'request failed');
    res.status(appError.status).json(toErrorBody(appError));
  };
}
