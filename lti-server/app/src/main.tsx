// First: zod's settings must be in place before any schema is built (see zod-jitless.ts).
import './zod-jitless';
import { render } from 'preact';
import { App } from './App';
import { takeSessionToken } from './session';
import './styles.css';

/**
 * Chrome denies a third-party frame its storage when third-party cookies are blocked (the cookieless launch): the
 * session then lives in memory for this page view, and every `window.sessionStorage` read gets that instead of
 * throwing.
 */
function tabStorage(): Storage {
  try {
    return window.sessionStorage;
  } catch {
    const memory = new Map<string, string>();
    const storage: Storage = {
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
    Object.defineProperty(window, 'sessionStorage', { value: storage, configurable: true });
    return storage;
  }
}

const token = takeSessionToken(window.location, tabStorage(), window.history);
render(<App token={token} />, document.getElementById('root')!);
