import type { ServerUrlProblem } from '../../shared/messages';
import type { ExtensionMessageKey } from './i18n';

/**
 * Why a typed server address is refused (`normaliseServerUrl`), as the extension's messages: the Options page and
 * the background say them with `msg`, the build's `EXTENSION_SERVER_URL` check in English (homepage-url.ts).
 */
export const SERVER_URL_PROBLEMS: Record<ServerUrlProblem, ExtensionMessageKey> = {
  empty: 'options_server_empty',
  'not-an-address': 'options_server_not_address',
  scheme: 'options_server_scheme',
  'https-only': 'options_server_https_only',
};
