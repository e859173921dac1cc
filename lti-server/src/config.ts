import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Config, parseConfig } from '../../shared/config';
import { ConfigError } from '../../shared/errors';

export type { Config } from '../../shared/config';

/** Reads and validates the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = parseConfig(env);
  if (!result.ok) throw new ConfigError(result.message);
  return result.config;
}

/**
 * The encryption key for ltijs's stored secrets and cookies. From LTI_KEY when set; otherwise generated once into
 * the data folder (development only: production refuses to start without LTI_KEY, see parseConfig).
 */
export function resolveLtiKey(config: Config): string {
  if (config.ltiKey) return config.ltiKey;
  const dir = resolve(config.dataDir);
  const file = join(dir, 'lti-key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length < 32)
      throw new ConfigError(`Configuration error: ${file} holds a key shorter than 32 characters.`);
    return key;
  }
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another instance created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return resolveLtiKey(config);
    throw error;
  }
  chmodSync(file, 0o600);
  return key;
}
