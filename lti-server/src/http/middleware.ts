import type { NextFunction, Request, Response } from 'express';
import { AppError, UnauthenticatedError, toErrorBody } from '../../../shared/errors';
import type { DatabaseHandle } from '../db/database';
import { type Actor, actorFor } from '../domain/actor';
import { authenticate, type Principal } from '../domain/sessions';
import type { Logger } from '../logger';
import { PAGE_POLICY } from './content-security';

declare module 'express-serve-static-core' {
  interface Locals {
    principal?: Principal;
    actor?: Actor;
  }
}

/** Logs one line per request: method, path without query string, status, duration. */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
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
      res.locals.actor = actorFor(principal, database.db, database.kind);
      next();
    } catch (error) {
      next(error);
    }
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
    if (appError.status >= 500) logger.error({ err: error, path: req.path }, 'request failed');
    res.status(appError.status).json(toErrorBody(appError));
  };
}
