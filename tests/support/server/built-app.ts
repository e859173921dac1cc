import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { APP_DIR } from '../../../lti-server/src/http/app-routes';

/**
 * The built app's hashed assets (paths under /app/), building it first when dist/app is missing or was built before
 * the build wrote precompressed copies. Call it before starting the server: the server reads the folder at start.
 */
export async function builtAppAssets(): Promise<string[]> {
  const assets = () =>
    existsSync(join(APP_DIR, 'assets'))
      ? readdirSync(join(APP_DIR, 'assets')).filter((f) => /\.(js|css)$/.test(f))
      : [];
  const ready = () =>
    existsSync(join(APP_DIR, 'index.html.br')) &&
    assets().length > 0 &&
    assets().every((f) => existsSync(join(APP_DIR, 'assets', `${f}.br`)));
  if (!ready()) {
    await promisify(execFile)('npm', ['run', 'build:app', '--silent'], { timeout: 120_000 });
  }
  return assets().map((f) => `/app/assets/${f}`);
}
