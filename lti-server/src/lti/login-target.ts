/**
 * ltijs's /login hands the request's `target_link_uri` (up to its `?`) to the platform as the `redirect_uri` where the
 * id_token is posted. Only this tool's own launch URL may go there, with any query (a deep-linked
 * `/lti/launch?strategy=…`); a foreign one would have the platform post a person's id_token elsewhere.
 */
export function isOwnLaunchTarget(target: unknown, launchUrl: string): boolean {
  if (typeof target !== 'string') return false;
  const redirectUri = target.split('?')[0] ?? '';
  try {
    // Compared as browsers read it: the same origin and path, no user info, no fragment.
    return new URL(redirectUri).href === new URL(launchUrl).href;
  } catch {
    return false;
  }
}
