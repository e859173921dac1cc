import type { Response } from 'express';
import type { DatabaseUnavailableError } from '../../../shared/errors';
import { esc, page } from '../html';

/**
 * A page for a person (a launch, a login, the sandbox) while the database is unreachable: nothing is wrong with what
 * they did, so no reason code, just "try again shortly".
 */
export function renderDatabaseUnavailable(res: Response, error: DatabaseUnavailableError) {
  res
    .status(error.status)
    .set('Retry-After', String(error.retryAfterSeconds))
    .type('html')
    .send(
      page(
        'Tasting Menu is briefly unavailable',
        `<h1>Tasting Menu is briefly unavailable</h1><div class="card" role="alert"><p>${esc(error.message)}</p>
<p class="muted">Open Tasting Menu from your course again in a minute.</p></div>`,
      ),
    );
}
