import express, { type Express } from 'express';
import type { Config } from '../config';
import type { DatabaseHandle } from '../domain/database';
import { page } from '../html';
import type { Logger } from '../logger';
import { canvasDeveloperKey, ICON_SVG } from '../lti/canvas-config';
import type { LtiTool } from '../lti/tool';
import { rateLimit } from './rate-limit';
import { registrationPage, registrationSubmit } from './registration-route';
import { wrap } from './wrap';

export interface LtiRouteDeps {
  config: Pick<Config, 'publicUrl' | 'registration' | 'ltiRateLimit'>;
  database: DatabaseHandle;
  lti: LtiTool;
  logger: Logger;
  /** Where / sends a person instead of the landing page (the sandbox LMS, when it is on). */
  home?: string | undefined;
}

/**
 * The LTI endpoints and the landing page: our key set, the Canvas developer key, LTI Dynamic Registration, the tool's
 * icon, the root launch alias, the rate limits on login and launch, ltijs's own app at /lti, and / for a person who
 * opens the server's address.
 *
 * Declared on the app itself, not on a Router: ltijs's app is mounted with app.use so that it inherits the app's
 * settings (trust proxy among them), and a Router would answer OPTIONS for its own paths itself, where ltijs answers
 * them (an OPTIONS to / lists both POST and GET).
 */
export function mountLtiRoutes(app: Express, { config, database, lti, logger, home }: LtiRouteDeps): void {
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
  app.get(
    '/lti/register',
    rateLimit({ name: 'register-page', limit: 60, windowMs: 60_000 }),
    registrationPage(registration),
  );
  app.post(
    '/lti/register',
    rateLimit({ name: 'register-submit', limit: 10, windowMs: 60_000 }),
    express.urlencoded({ extended: false, limit: '32kb' }),
    registrationSubmit(registration),
  );
  app.get('/icon.svg', (_req, res) => {
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(ICON_SVG);
  });

  // Generous for a school behind one NAT address, tight enough to stop floods and state/nonce guessing. Counted in
  // leases: a school launching many times a second is counted in the shared store a few requests at a time.
  const ltiLimit = rateLimit({ name: 'lti', limit: config.ltiRateLimit, windowMs: 60_000, lease: true });
  // Schoology apps set up with the bare server address as Domain/URL post their launches to the root: the same launch.
  app.post('/', (req, _res, next) => {
    req.url = '/lti/launch';
    next();
  });
  app.use('/lti/login', ltiLimit);
  app.use('/lti/launch', ltiLimit);
  app.use('/lti', lti.app);

  app.get('/', (_req, res) => {
    if (home) return res.redirect(home);
    res.type('html').send(
      page(
        'Tasting Menu',
        `<h1>Tasting Menu</h1><p>This is an LTI 1.3 tool. Open it from your LMS (Canvas or Schoology).</p>
<p>Administrators: the login URL is <code>${config.publicUrl}/lti/login</code>, the launch URL is
<code>${config.publicUrl}/lti/launch</code> and the key set is <code>${config.publicUrl}/lti/keys</code>.</p>`,
      ),
    );
  });
}
