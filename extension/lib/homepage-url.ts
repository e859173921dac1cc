import { normaliseServerUrl } from '../../shared/messages';
import en from '../public/_locales/en/messages.json';
import { SERVER_URL_PROBLEMS } from './server-url-words';

/**
 * The manifest's `homepage_url` (the stores link it as the add-on's home page; the privacy policy is what a teacher
 * looks for there): the school server's `/privacy` page when the build knows the server (`EXTENSION_SERVER_URL`, for
 * a school or district that builds its own copy), else the project's `docs/privacy.md` in its public repository
 * (`repository` in package.json), else none. Runs in wxt.config.ts at build time.
 */
export function homepageUrl(options: {
  serverUrl?: string | undefined;
  repository?: unknown;
}): { url: string } | { url: undefined; reason: string } {
  if (options.serverUrl?.trim()) {
    const server = normaliseServerUrl(options.serverUrl);
    // Told to whoever builds the extension, on the console: in English.
    if (!server.ok)
      throw new Error(`EXTENSION_SERVER_URL: ${en[SERVER_URL_PROBLEMS[server.problem]].message}`);
    return { url: `${server.url}/privacy` };
  }
  const repo = repositoryUrl(options.repository);
  if (repo) return { url: `${repo}/blob/HEAD/docs/privacy.md` };
  return {
    url: undefined,
    reason:
      'no homepage_url: set EXTENSION_SERVER_URL to the school server, or "repository" in package.json for docs/privacy.md',
  };
}

/** package.json `repository` ("owner/name", "github:owner/name", a URL, or `{ url }`) as a browsable https address. */
function repositoryUrl(repository: unknown): string | undefined {
  const raw =
    typeof repository === 'string'
      ? repository
      : typeof repository === 'object' && repository !== null && 'url' in repository
        ? String((repository as { url: unknown }).url)
        : '';
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw.trim());
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const url = raw
    .trim()
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/\.git$/, '');
  return /^https:\/\/[^/]+\/[^/]+\/[^/]+$/.test(url) ? url : undefined;
}
