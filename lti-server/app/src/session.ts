/**
 * The launch hands the app a bearer token in the URL fragment (never sent to a server). The app keeps it in
 * sessionStorage for this tab and removes it from the address bar at once. The fragment may also carry `pick` (an
 * open deep-linking request from the LMS editor) and `strategy` (a deep-linked strategy to open).
 */
const KEY = 'tasting-menu.session';
const PICK = 'tasting-menu.pick';

export function takeSessionToken(location: Location, storage: Storage, history: History): string | undefined {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('session');
  if (token) {
    const pick = params.get('pick');
    const strategy = params.get('strategy');
    try {
      storage.setItem(KEY, token);
      if (pick) storage.setItem(PICK, pick);
      else storage.removeItem(PICK);
    } catch {
      // Storage can be blocked in third-party iframes; the token still works for this page view.
    }
    const route = strategy ? `#/s/${encodeURIComponent(strategy)}` : '';
    history.replaceState(null, '', location.pathname + location.search + route);
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

/** The open deep-linking request of this tab, if the LMS editor opened the tool to pick a strategy. */
export function readPick(storage: Storage): string | undefined {
  try {
    return storage.getItem(PICK) ?? undefined;
  } catch {
    return undefined;
  }
}

export function clearPick(storage: Storage): void {
  try {
    storage.removeItem(PICK);
  } catch {
    // nothing stored
  }
}
