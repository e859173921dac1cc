// First: zod's settings must be in place before any schema is built (see zod-jitless.ts).
import '../zod-jitless';
import { render } from 'preact';
import { memoryStorage } from '../memory-storage';
import '../styles.css';
import { RoomApp } from './room-app';
import { roomOutbox } from './room-outbox';

/** The room note mode's own entry page (room.html), served at /room/…; see room-app.tsx. */
function deviceStorage(): Storage {
  try {
    return window.localStorage;
  } catch {
    // Storage blocked by the browser: the session lives as long as this page.
    return memoryStorage();
  }
}

render(<RoomApp storage={deviceStorage()} outbox={roomOutbox()} />, document.getElementById('root')!);

// The room page works offline: its service worker (scope /room/ only, see vite.config.ts) keeps the page, and the
// browser is asked not to evict the notes waiting on this phone when space runs low.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/room/sw.js', { scope: '/room/' }).catch(() => {
    // No service worker (a private window, an old browser): the page still works while online.
  });
}
navigator.storage?.persist?.().catch(() => undefined);
