/**
 * ltijs's /login hands the request's `target_link_uri` (up to its `?`) to the platform as the `redirect_uri` where the
 * id_token is posted. Only this tool's own launch URLs may go there, with any query (a deep-linked
 * `/lti/launch?strategy=…`); a foreign one would have the platform post a person's id_token elsewhere.
 */
export function isOwnLaunchTarget(target: unknown, launchUrls: readonly string[]): boolean {
  if (typeof target !== 'string') return false;
  const redirectUri = target.split('?')[0] ?? '';
  try {
    // Compared as browsers read it: the same origin and path, no user info, no fragment.
    const href = new URL(redirectUri).href;
    return launchUrls.some((url) => new URL(url).href === href);
  } catch {
    return false;
  }
}

/**
 * Where this tool accepts launches: `/lti/launch`, and the server root, which Schoology apps set up with the bare
 * server address as their Domain/URL post to (server.ts routes a POST to `/` into the launch).
 */
export function launchUrlsOf(publicUrl: string): string[] {
  const root = new URL(publicUrl);
  return [new URL('/lti/launch', root).href, new URL('/', root).href];
}
