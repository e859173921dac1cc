import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';

/** Entry point of `npm start` / `npm run serve`: configuration errors end start-up with one clear line. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof AppError ? error.message : String(error));
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger);

  const u = config.publicUrl;
  const lines = [
    '',
    `Tasting Menu is running on ${server.url} (database: ${server.database.label})`,
    '',
    ...(config.sandbox
      ? [`  Sandbox LMS (launch as a teacher or a coach):  ${u}/sandbox`]
      : ['  Sandbox LMS: off (SANDBOX=false or NODE_ENV=production)']),
    '',
    '  For your LMS administrator:',
    `    OIDC login initiation URL:  ${u}/lti/login`,
    `    Target link / redirect URI: ${u}/lti/launch`,
    `    Public JWK set URL:         ${u}/lti/keys`,
    `    Health:                     ${u}/healthz   Ready: ${u}/readyz`,
    '',
    `  Browser extension (load unpacked in Chrome): ${resolve('.output/chrome-mv3')}`,
    '',
    '  Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests, closing the database');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(
    error instanceof AppError
      ? error.message
      : `Tasting Menu failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
