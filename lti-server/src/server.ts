import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseUnavailableError, LtiLaunchError } from '../../shared/errors';
import type { Config } from './config';
import { resolveLtiKey } from './config';
import { type DatabaseHandle, openDatabase } from './db/database';
import { LtijsStore } from './db/ltijs-store';
import { learnsDeployments, listDeployments } from './db/repositories/deployments';
import { openDeepLinkRequest } from './domain/deep-linking';
import { frameOriginLearner } from './domain/frame-ancestors';
import { type DemoSchoolPlace, resetDemoSchool, seedDemoSchool } from './domain/demo-school';
import { completeLaunch, RoleRefusedError } from './domain/launch';
import { registerPlatform } from './domain/platforms';
import { startRetentionJob } from './domain/retention-job';
import { createApp, type Mount } from './http/app';
import { contentSecurityPolicy, NEW_FRAME_ORIGIN, sandboxPolicy } from './http/content-security';
import { platformStoragePages, renderLaunchRefused, renderRoleRefused } from './http/launch-pages';
import { renderDatabaseUnavailable } from './http/unavailable-page';
import type { Logger } from './logger';
import { cachedDeployments } from './lti/launch-guard';
import { createLtiTool, type LtiTool } from './lti/tool';
import { loadOrCreateSandboxKey } from './sandbox/keys';
import { createSandboxPlatform, deploymentOf, SANDBOX_PATH, type SandboxPlatform } from './sandbox/platform';
import {
  SANDBOX_COLLEAGUES,
  SANDBOX_DEMO_COURSE,
  SANDBOX_DEMO_SCHOOL_NAME,
  SANDBOX_USERS,
} from './sandbox/roster';
import { type SandboxDemo, sandboxRouter } from './sandbox/routes';
import { sandboxServices } from './sandbox/services';

export interface RunningServer {
  /** Where this process listens, e.g. http://127.0.0.1:3000. */
  url: string;
  config: Config;
  database: DatabaseHandle;
  lti: LtiTool;
  sandbox: SandboxPlatform | undefined;
  close(): Promise<void>;
}

/** The demo school as the sandbox LMS knows it: its deployment, its staff-room course and the course's roster. */
export function demoSchoolPlace(platform: SandboxPlatform): DemoSchoolPlace {
  const staff = (id: string) => {
    const user = SANDBOX_USERS.find((u) => u.id === id)!;
    return { subject: user.id, name: user.name };
  };
  return {
    tenant: {
      issuer: platform.issuer,
      clientId: platform.clientId,
      deploymentId: deploymentOf(SANDBOX_DEMO_COURSE),
    },
    // What a launch names the tenant (the platform's name), so the first launch changes nothing.
    tenantName: platform.registration.name,
    schoolName: SANDBOX_DEMO_SCHOOL_NAME,
    course: {
      contextId: SANDBOX_DEMO_COURSE.id,
      title: SANDBOX_DEMO_COURSE.title,
      membershipsUrl: `${platform.issuer}/courses/${SANDBOX_DEMO_COURSE.id}/memberships`,
    },
    coach: staff('sandbox-dana-kim'),
    teachers: [
      staff('sandbox-ana-rivera'),
      staff('sandbox-ben-okafor'),
      staff('sandbox-chloe-martin'),
      ...SANDBOX_COLLEAGUES.map((u) => ({ subject: u.id, name: u.name })),
    ],
    timeZone: 'America/New_York',
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Composition: database → migrations → LTI tool → sandbox platform → HTTP app, with the sandbox mounted in it. With
 * `port: 0` the server listens first and derives its public URL from the port it got (tests and the benchmark use
 * this).
 */
export async function startServer(input: Config, logger: Logger): Promise<RunningServer> {
  const database = openDatabase(input.database, logger);
  const httpServer = createServer();
  try {
    const applied = await database.migrate();
    if (applied.length > 0) logger.info({ applied }, 'database migrated');

    const port = await listen(httpServer, input.port, input.host);
    const config: Config =
      input.port === 0 ? { ...input, port, publicUrl: `http://${input.host}:${port}` } : input;

    const key = resolveLtiKey(config);
    const refused = renderLaunchRefused(logger);
    const learnFrameOrigins = frameOriginLearner(database.db, database.kind);
    const lti = createLtiTool({
      key,
      publicUrl: config.publicUrl,
      store: new LtijsStore(database.db),
      db: database.db,
      launchDb: database.ephemeral,
      secureCookies: config.publicUrl.startsWith('https://'),
      guard: {
        deploymentsOf: cachedDeployments((issuer, clientId) =>
          listDeployments(database.db, issuer, clientId),
        ),
        learnsDeployments: (issuer, clientId) => learnsDeployments(database.db, issuer, clientId),
        now: () => Date.now(),
      },
      onRefused: refused,
      databaseAvailable: async () => (await database.check()).available,
      onUnavailable(req, res) {
        logger.warn({ path: req.path }, 'lti request failed: the database is unavailable');
        renderDatabaseUnavailable(req, res, new DatabaseUnavailableError());
      },
      storagePages: platformStoragePages,
      async onLaunch(claims, req, res) {
        try {
          const result = await completeLaunch(database.db, claims, new Date(), database.ephemeral);
          logger.info({ role: result.role, issuer: claims.issuer }, 'lti launch');
          // The LMS page framing this launch may frame the app from now on; whichever instance serves the app
          // next must not answer from a cache older than that.
          const learned = await learnFrameOrigins(result.tenantId, claims, new Date());
          const app = learned ? `/app/?${NEW_FRAME_ORIGIN}` : '/app/';
          // The token travels in the fragment: never sent to a server, never in a Referer header.
          const session = `session=${encodeURIComponent(result.token)}`;
          if (claims.deepLinking) {
            const pick = await openDeepLinkRequest(database.db, result, claims.deepLinking, new Date());
            return res.redirect(303, `${app}#${session}&pick=${pick}`);
          }
          const strategy = claims.strategyId ? `&strategy=${encodeURIComponent(claims.strategyId)}` : '';
          res.redirect(303, `${app}#${session}${strategy}`);
        } catch (error) {
          // A deployment removed while the launch guard still remembered it.
          if (error instanceof LtiLaunchError) return refused(error, req, res);
          if (error instanceof RoleRefusedError) {
            logger.warn({ reason: 'ROLE_REFUSED', issuer: claims.issuer }, 'lti launch refused');
            return renderRoleRefused(req, res, error, claims.locale);
          }
          throw error;
        }
      },
    });

    // The sandbox LMS is an LMS of its own: the HTTP app knows it only as handlers to mount and a home to redirect to.
    let sandbox: { platform: SandboxPlatform; mount: Mount } | undefined;
    if (config.sandbox) {
      const sandboxKey = await loadOrCreateSandboxKey(database.db);
      const platform = createSandboxPlatform(config.publicUrl, sandboxKey, key);
      await registerPlatform(database.db, lti, platform.registration);
      // The demo school (DEMO_SCHOOL, on under npm start): seeded once, before the first request is served.
      let demo: SandboxDemo | undefined;
      if (config.demoSchool) {
        const place = demoSchoolPlace(platform);
        // A demo that cannot be made (another instance seeding the same database at the same moment) must not stop
        // the tool from starting: the sandbox page's Reset demo school makes it again.
        try {
          const seeded = await seedDemoSchool(database.db, database.kind, place, new Date());
          if (seeded.seeded) logger.info('demo school seeded');
        } catch (error) {
          logger.warn(
            { err: error },
            'the demo school could not be seeded; Reset demo school on /sandbox tries again',
          );
        }
        // One reset at a time in this process: a second press while one runs waits for it instead of racing it.
        let resetting: Promise<void> | undefined;
        demo = {
          reset() {
            resetting ??= resetDemoSchool(database.db, database.kind, place, new Date())
              .then(() => logger.info('demo school reset'))
              .finally(() => {
                resetting = undefined;
              });
            return resetting;
          },
        };
      }
      sandbox = {
        platform,
        mount: {
          path: SANDBOX_PATH,
          handlers: [
            contentSecurityPolicy(sandboxPolicy(new URL(config.publicUrl).origin)),
            sandboxServices(platform, `${config.publicUrl}/lti/keys`, key),
            sandboxRouter(platform, sandboxKey, demo),
          ],
        },
      };
    }

    httpServer.on(
      'request',
      createApp({
        config,
        database,
        lti,
        logger,
        mounts: sandbox ? [sandbox.mount] : [],
        home: sandbox ? SANDBOX_PATH : undefined,
      }),
    );
    const retention = startRetentionJob(database.db, database.kind, logger);

    let closing: Promise<void> | undefined;
    return {
      url: `http://${config.host}:${port}`,
      config,
      database,
      lti,
      sandbox: sandbox?.platform,
      close() {
        closing ??= (async () => {
          retention.stop();
          await new Promise<void>((resolve) => {
            const force = setTimeout(() => httpServer.closeAllConnections(), 10_000);
            httpServer.close(() => {
              clearTimeout(force);
              resolve();
            });
            httpServer.closeIdleConnections();
          });
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    httpServer.close();
    await database.close();
    throw error;
  }
}
