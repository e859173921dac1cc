import type { Request, Response } from 'express';
import type { AppError, LtiLaunchError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { esc, page } from './html';

/** A refused launch: a clear page for the person, a reason code in the log, no session. */
export function renderLaunchRefused(logger: Logger) {
  return (error: LtiLaunchError, req: Request, res: Response) => {
    logger.warn({ reason: error.reason, path: req.path, method: req.method }, 'lti launch refused');
    res
      .status(error.status)
      .type('html')
      .send(
        page(
          'Tasting Menu could not open',
          `<h1>Tasting Menu could not open</h1>
<div class="card" role="alert"><p>${esc(error.message)}</p>
<p class="muted">Reason code: <code data-reason>${esc(error.reason)}</code>. Try opening Tasting Menu from your course again;
if it keeps happening, give this code to your LMS administrator.</p></div>`,
        ),
      );
  };
}

export function renderRoleRefused(res: Response, error: AppError) {
  res
    .status(error.status)
    .type('html')
    .send(
      page(
        'Tasting Menu is for teachers',
        `<h1>Tasting Menu is for teachers</h1><div class="card" role="alert"><p>${esc(error.message)}</p></div>`,
      ),
    );
}
