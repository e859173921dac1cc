import { useEffect, useState } from 'preact/hooks';

/** Hash routes, so the app works inside any LMS iframe without server-side routing: #/, #/s/:id, #/add, … */
export type Route =
  | { name: 'menu' }
  | { name: 'mine' }
  | { name: 'queue' }
  | { name: 'add' }
  | { name: 'print' }
  | { name: 'settings' }
  | { name: 'extension' }
  | { name: 'strategy'; id: string }
  | { name: 'edit'; id: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const strategy = /^\/s\/([^/]+)$/.exec(path);
  if (strategy?.[1]) return { name: 'strategy', id: decodeURIComponent(strategy[1]) };
  const edit = /^\/s\/([^/]+)\/edit$/.exec(path);
  if (edit?.[1]) return { name: 'edit', id: decodeURIComponent(edit[1]) };
  if (path === '/mine') return { name: 'mine' };
  if (path === '/queue') return { name: 'queue' };
  if (path === '/add') return { name: 'add' };
  if (path === '/print') return { name: 'print' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/extension') return { name: 'extension' };
  return { name: 'menu' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'strategy':
      return `#/s/${encodeURIComponent(route.id)}`;
    case 'edit':
      return `#/s/${encodeURIComponent(route.id)}/edit`;
    case 'menu':
      return '#/';
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
