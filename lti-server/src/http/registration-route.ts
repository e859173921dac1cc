import type { Request, Response } from 'express';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Database } from '../db/schema';
import { registerPlatform } from '../domain/platforms';
import { registerDynamically } from '../lti/dynamic-registration';
import type { LtiTool } from '../lti/tool';
import type { Logger } from '../logger';
import { esc, page } from './html';

/** Tells the LMS that registration is done (Canvas closes its dialog); served at /static/registration-close.js. */
export const REGISTRATION_CLOSE_SCRIPT =
  "(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');\n";

/** GET /lti/register: LTI Dynamic Registration, opened by the LMS in a window or frame during installation. */
export function dynamicRegistration(db: Kysely<Database>, lti: LtiTool, publicUrl: string, logger: Logger) {
  return async (req: Request, res: Response) => {
    const config = typeof req.query.openid_configuration === 'string' ? req.query.openid_configuration : '';
    const token = typeof req.query.registration_token === 'string' ? req.query.registration_token : undefined;
    if (!config) {
      return res
        .status(400)
        .type('html')
        .send(
          page(
            'Registration',
            '<h1>Registration needs an LMS</h1><p>Start the registration from your LMS: it adds openid_configuration to this address.</p>',
          ),
        );
    }
    try {
      const { registration } = await registerDynamically(publicUrl, config, token);
      await registerPlatform(db, lti, registration);
      logger.info(
        { issuer: registration.issuer, clientId: registration.clientId },
        'platform registered dynamically',
      );
      res.type('html').send(
        page(
          'Tasting Menu is registered',
          `<h1>Tasting Menu is registered</h1>
<div class="card" role="status"><p>${esc(registration.name)} can now launch Tasting Menu (client id <code>${esc(registration.clientId)}</code>,
deployment <code>${esc(registration.deploymentIds.join(', '))}</code>).</p><p>You can close this window.</p></div>
<script src="/static/registration-close.js"></script>`,
        ),
      );
    } catch (error) {
      const message =
        error instanceof AppError ? error.message : 'The LMS could not be reached or answered unexpectedly.';
      logger.warn({ reason: 'REGISTRATION_FAILED', message }, 'dynamic registration failed');
      res
        .status(error instanceof AppError ? error.status : 502)
        .type('html')
        .send(
          page(
            'Registration failed',
            `<h1>Registration failed</h1><div class="card" role="alert"><p>${esc(message)}</p></div>`,
          ),
        );
    }
  };
}
