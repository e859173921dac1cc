import { useEffect, useState } from 'preact/hooks';

/** The menu's search and filters as the address holds them (#/?q=…&subject=…), so a search can be reloaded or shared. */
export interface MenuSearch {
  q?: string;
  subject?: string;
  gradeBand?: string;
  tags?: string;
  maxMinutes?: string;
}

const MENU_SEARCH_KEYS = ['q', 'subject', 'gradeBand', 'tags', 'maxMinutes'] as const;
const MAX_MINUTES = new Set(['5', '10', '15']);

/** The menu search of an address's query; unknown keys and values no filter offers are left out. */
export function parseMenuSearch(query: string): MenuSearch {
  const params = new URLSearchParams(query);
  const search: MenuSearch = {};
  for (const key of MENU_SEARCH_KEYS) {
    const value = params.get(key)?.trim().slice(0, 200);
    if (!value) continue;
    if (key === 'maxMinutes' && !MAX_MINUTES.has(value)) continue;
    search[key] = value;
  }
  return search;
}

/** The address query of a menu search, keys in a fixed order, empty values left out ('' when there is nothing). */
export function menuSearchQuery(search: MenuSearch): string {
  const params = new URLSearchParams();
  for (const key of MENU_SEARCH_KEYS) {
    const value = search[key]?.trim();
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** Hash routes, so the app works inside any LMS iframe without server-side routing: #/, #/s/:id, #/add, … */
export type Route =
  /** The menu, with the search and filters it shows when the address has them. */
  | { name: 'menu'; search?: MenuSearch }
  | { name: 'mine' }
  | { name: 'queue' }
  | { name: 'add' }
  | { name: 'print' }
  | { name: 'settings' }
  | { name: 'extension' }
  | { name: 'strategy'; id: string }
  | { name: 'edit'; id: string }
  /** The open doors of one week; `week` is its Monday ('YYYY-MM-DD'), this week when absent. */
  | { name: 'doors'; week?: string }
  | { name: 'door-new'; strategyId?: string }
  /** A host's printable door sign with its QR code. */
  | { name: 'door-sign'; id: string }
  | { name: 'visits' }
  /** The note editor for one of my visits. */
  | { name: 'visit-notes'; visitId: string }
  /** The reflective dialogue after a visit, by its door (the host and the visitors). */
  | { name: 'dialogue'; doorId: string }
  /** Notes about my room (the host's own notes). */
  | { name: 'notes' }
  /** The school picture: the coaches' whole picture; for teachers, the picture of finished rounds. */
  | { name: 'picture' }
  | { name: 'rounds' }
  /** Plan a round; in a cycle, prefilled from it (its members, the last debrief's next level of work). */
  | { name: 'round-new'; cycleId?: string }
  /** Problems of practice (proposals, votes, comments) and the cycles started from them. */
  | { name: 'cycles' }
  /** One cycle: its rounds and its picture over time. */
  | { name: 'cycle'; id: string }
  | { name: 'round'; id: string }
  /** A published round as one of its hosts sees it: what visitors look for, declining a slot. */
  | { name: 'round-host'; id: string }
  /** A published round's debrief room (participants, hosts and coaches). */
  | { name: 'debrief'; id: string }
  /** A round's briefing: read, acknowledge and print it (participants, hosts); write it and set roles (coaches). */
  | { name: 'briefing'; id: string }
  /** The group clock on the day: time left in the room and the next room. */
  | { name: 'clock'; id: string }
  /** District networks across schools (coaches): the school's districts, starting and joining one. */
  | { name: 'districts' }
  /** One district: schools, visits across schools, recurring patterns, its open rounds. */
  | { name: 'district'; id: string }
  /** A visiting coach's seat in another school's round. */
  | { name: 'district-round'; id: string; roundId: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const menu = /^\/?\?(.*)$/.exec(path);
  if (menu) {
    const search = parseMenuSearch(menu[1] ?? '');
    return Object.keys(search).length > 0 ? { name: 'menu', search } : { name: 'menu' };
  }
  const strategy = /^\/s\/([^/]+)$/.exec(path);
  if (strategy?.[1]) return { name: 'strategy', id: decodeURIComponent(strategy[1]) };
  const edit = /^\/s\/([^/]+)\/edit$/.exec(path);
  if (edit?.[1]) return { name: 'edit', id: decodeURIComponent(edit[1]) };
  const doors = /^\/doors(?:\?week=(\d{4}-\d{2}-\d{2}))?$/.exec(path);
  if (doors) return doors[1] ? { name: 'doors', week: doors[1] } : { name: 'doors' };
  if (path === '/doors/new') return { name: 'door-new' };
  const dialogue = /^\/doors\/([^/]+)\/dialogue$/.exec(path);
  if (dialogue?.[1] && dialogue[1] !== 'new')
    return { name: 'dialogue', doorId: decodeURIComponent(dialogue[1]) };
  const sign = /^\/doors\/([^/]+)\/sign$/.exec(path);
  if (sign?.[1] && sign[1] !== 'new') return { name: 'door-sign', id: decodeURIComponent(sign[1]) };
  const doorNew = /^\/doors\/new\/([^/]+)$/.exec(path);
  if (doorNew?.[1]) return { name: 'door-new', strategyId: decodeURIComponent(doorNew[1]) };
  if (path === '/visits') return { name: 'visits' };
  const visitNotes = /^\/visits\/([^/]+)\/notes$/.exec(path);
  if (visitNotes?.[1]) return { name: 'visit-notes', visitId: decodeURIComponent(visitNotes[1]) };
  if (path === '/notes') return { name: 'notes' };
  if (path === '/picture') return { name: 'picture' };
  if (path === '/rounds') return { name: 'rounds' };
  if (path === '/rounds/new') return { name: 'round-new' };
  const roundInCycle = /^\/rounds\/new\?cycle=([^&/]+)$/.exec(path);
  if (roundInCycle?.[1]) return { name: 'round-new', cycleId: decodeURIComponent(roundInCycle[1]) };
  if (path === '/cycles') return { name: 'cycles' };
  const cycle = /^\/cycles\/([^/]+)$/.exec(path);
  if (cycle?.[1]) return { name: 'cycle', id: decodeURIComponent(cycle[1]) };
  const round = /^\/rounds\/([^/]+)$/.exec(path);
  if (round?.[1]) return { name: 'round', id: decodeURIComponent(round[1]) };
  const roundHost = /^\/rounds\/([^/]+)\/host$/.exec(path);
  if (roundHost?.[1]) return { name: 'round-host', id: decodeURIComponent(roundHost[1]) };
  const debrief = /^\/rounds\/([^/]+)\/debrief$/.exec(path);
  if (debrief?.[1]) return { name: 'debrief', id: decodeURIComponent(debrief[1]) };
  const briefing = /^\/rounds\/([^/]+)\/briefing$/.exec(path);
  if (briefing?.[1]) return { name: 'briefing', id: decodeURIComponent(briefing[1]) };
  const clock = /^\/rounds\/([^/]+)\/clock$/.exec(path);
  if (clock?.[1]) return { name: 'clock', id: decodeURIComponent(clock[1]) };
  if (path === '/districts') return { name: 'districts' };
  const district = /^\/districts\/([^/]+)$/.exec(path);
  if (district?.[1]) return { name: 'district', id: decodeURIComponent(district[1]) };
  const districtRound = /^\/districts\/([^/]+)\/rounds\/([^/]+)$/.exec(path);
  if (districtRound?.[1] && districtRound[2])
    return {
      name: 'district-round',
      id: decodeURIComponent(districtRound[1]),
      roundId: decodeURIComponent(districtRound[2]),
    };
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
    case 'doors':
      return route.week ? `#/doors?week=${route.week}` : '#/doors';
    case 'door-new':
      return route.strategyId ? `#/doors/new/${encodeURIComponent(route.strategyId)}` : '#/doors/new';
    case 'door-sign':
      return `#/doors/${encodeURIComponent(route.id)}/sign`;
    case 'dialogue':
      return `#/doors/${encodeURIComponent(route.doorId)}/dialogue`;
    case 'visit-notes':
      return `#/visits/${encodeURIComponent(route.visitId)}/notes`;
    case 'round-new':
      return route.cycleId ? `#/rounds/new?cycle=${encodeURIComponent(route.cycleId)}` : '#/rounds/new';
    case 'cycle':
      return `#/cycles/${encodeURIComponent(route.id)}`;
    case 'round':
      return `#/rounds/${encodeURIComponent(route.id)}`;
    case 'debrief':
      return `#/rounds/${encodeURIComponent(route.id)}/debrief`;
    case 'briefing':
      return `#/rounds/${encodeURIComponent(route.id)}/briefing`;
    case 'clock':
      return `#/rounds/${encodeURIComponent(route.id)}/clock`;
    case 'round-host':
      return `#/rounds/${encodeURIComponent(route.id)}/host`;
    case 'district':
      return `#/districts/${encodeURIComponent(route.id)}`;
    case 'district-round':
      return `#/districts/${encodeURIComponent(route.id)}/rounds/${encodeURIComponent(route.roundId)}`;
    case 'menu': {
      const query = route.search ? menuSearchQuery(route.search) : '';
      return query ? `#/?${query}` : '#/';
    }
    default:
      return `#/${route.name}`;
  }
}

/** The navigation entry a route belongs to (an open-a-door form is part of "Open doors"). */
export function section(route: Route): Route['name'] {
  if (route.name === 'door-new' || route.name === 'door-sign' || route.name === 'round-host') return 'doors';
  if (route.name === 'visit-notes' || route.name === 'dialogue') return 'visits';
  if (['round-new', 'round', 'debrief', 'briefing', 'clock'].includes(route.name)) return 'rounds';
  if (route.name === 'cycle') return 'cycles';
  if (route.name === 'district' || route.name === 'district-round') return 'districts';
  return route.name;
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

/** Fired on window when replaceRoute changed the address (replaceState fires no hashchange). */
const ROUTE_REPLACED = 'tm-route-replaced';

/** Writes a route into the address without a new history entry (a new search of the menu, for one). */
export function replaceRoute(route: Route): void {
  window.history.replaceState(window.history.state, '', href(route));
  window.dispatchEvent(new Event(ROUTE_REPLACED));
}

/** What moving focus to a new view depends on: a new menu search is the same view, so focus stays in the form. */
export function viewKey(route: Route): string {
  return route.name === 'menu' ? 'menu' : href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    window.addEventListener(ROUTE_REPLACED, onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener(ROUTE_REPLACED, onChange);
    };
  }, []);
  return route;
}
