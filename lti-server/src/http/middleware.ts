import type { NextFunction, Request, Response } from 'express';
import {
  AppError,
  DatabaseUnavailableError,
  DeviceScopeError,
  InternalError,
  toErrorBody,
  UnauthenticatedError,
} from '../../../shared/errors';
import { type Actor, actorFor } from '../domain/actor';
import { type DatabaseHandle, databaseUnavailableReason } from '../domain/database';
import { authenticate, type Principal } from '../domain/sessions';
import { type Logger, redactPath } from '../logger';
import { PAGE_POLICY } from './content-security';
import { frameworkError } from './framework-errors';
import { requestLanguage } from './request-language';
import { renderDatabaseUnavailable } from './unavailable-page';

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

/** Every response; the app's documents replace the policy with their own (appSecurityPolicy). */
export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Content-Security-Policy', PAGE_POLICY);
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
      res.locals.actor = actorFor(
        principal,
        database.db,
        database.kind,
        requestLanguage(req, principal.me.person),
      );
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

/**
 * The one place errors become responses, in the asker's language (requestLanguage: their choice, their LMS's locale,
 * Accept-Language) while codes stay the same: AppErrors keep their code, framework errors their 4xx (framework-errors.ts);
 * an unreachable database becomes 503 DATABASE_UNAVAILABLE with Retry-After (a page outside /api: launches, also
 * those posted to the root); anything else is logged and hidden.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    const unavailable = error instanceof AppError ? undefined : databaseUnavailableReason(error);
    const appError =
      error instanceof AppError
        ? error
        : unavailable
          ? new DatabaseUnavailableError({ cause: error })
          : (frameworkError(error) ?? new InternalError('errors.internal'));
    if (appError instanceof DatabaseUnavailableError) {
      // One line without the driver's message or stack: an outage fails every request the same way.
      logger.warn(
        {
          method: req.method,
          path: loggedPath(req),
          reason: unavailable ?? databaseUnavailableReason(appError.cause),
        },
        'request failed: the database is unavailable',
      );
      if (!req.originalUrl.startsWith('/api/')) return renderDatabaseUnavailable(req, res, appError);
      res.set('Retry-After', String(appError.retryAfterSeconds));
    } else if (appError.status >= 500)
      logger.error({ err: error, method: req.method, path: loggedPath(req) }, 'request failed');
    res
      .status(appError.status)
      .json(toErrorBody(appError, requestLanguage(req, res.locals.principal?.me.person)));
  };
}
