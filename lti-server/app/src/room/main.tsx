// First: zod's settings must be in place before any schema is built (see zod-jitless.ts).
import '../zod-jitless';
import { render } from 'preact';
import '../styles.css';
import { RoomApp } from './room-app';

/** The room note mode's own entry page (room.html), served at /room/…; see room-app.tsx. */
function deviceStorage(): Storage {
  try {
    return window.localStorage;
  } catch {
    // Storage blocked by the browser: the session lives as long as this page.
    const memory = new Map<string, string>();
    return {
      get length() {
        return memory.size;
      },
      clear: () => memory.clear(),
      getItem: (key) => memory.get(key) ?? null,
      key: (index) => [...memory.keys()][index] ?? null,
      removeItem: (key) => {
        memory.delete(key);
      },
      setItem: (key, value) => {
        memory.set(key, String(value));
      },
    };
  }
}

render(<RoomApp storage={deviceStorage()} />, document.getElementById('root')!);
