import { vi } from 'vitest';
import { runPlatformCli } from '../../../lti-server/src/cli/platform';
import type { TestServer } from './test-server';

/**
 * `npm run platform -- …` against a test server's database, with its LTI key (ltijs encrypts with it): the exit code
 * and everything the command printed.
 */
export async function platformCliOn(
  server: TestServer,
  ...args: string[]
): Promise<{ code: number; out: string }> {
  const target = server.config.database;
  const env = {
    DATABASE_URL:
      target.kind === 'sqlite'
        ? `sqlite:${target.file}`
        : `${target.url}${target.schema ? `?schema=${target.schema}` : ''}`,
    DATA_DIR: server.config.dataDir,
    LTI_KEY: server.config.ltiKey ?? '',
  };
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' ')));
  try {
    return { code: await runPlatformCli(args, env), out: out.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
