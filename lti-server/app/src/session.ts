/**
 * The launch hands the app a bearer token in the URL fragment (never sent to a server). The app keeps it in
 * sessionStorage for this tab and removes it from the address bar at once.
 */
const KEY = 'tasting-menu.session';

export function takeSessionToken(location: Location, storage: Storage, history: History): string | undefined {
  const match = /(?:^|[#&])session=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      storage.setItem(KEY, token);
    } catch {
      // Storage can be blocked in third-party iframes; the token still works for this page view.
    }
    history.replaceState(null, '', location.pathname + location.search);
    return token;
  }
  try {
    return storage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetSessionToken(storage: Storage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
