import type { NextFunction, Request, Response } from 'express';
import { ValidationError } from '../../../shared/errors';
import { unstorableText } from '../../../shared/text';

/**
 * Refuses an address whose path decodes to text no database stores (`/api/strategies/abc%00def`): route parameters
 * are ids looked up as given, and PostgreSQL fails on a NUL where SQLite just finds nothing. A segment that does not
 * decode at all is left to Express, which refuses it as a broken escape (framework-errors.ts).
 */
export function storablePath(req: Request, _res: Response, next: NextFunction) {
  for (const segment of req.path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue;
    }
    const problem = unstorableText(decoded);
    if (problem)
      return next(
        new ValidationError({ key: 'errors.path.unstorable', params: { problem: { problem } } }, [
          { path: '(path)', message: { problem } },
        ]),
      );
  }
  next();
}
