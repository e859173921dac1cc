// First: zod's settings must be in place before any schema is built (see zod-jitless.ts).
import './zod-jitless';
import { render } from 'preact';
import { App } from './App';
import { memoryStorage } from './memory-storage';
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
    const storage = memoryStorage();
    Object.defineProperty(window, 'sessionStorage', { value: storage, configurable: true });
    return storage;
  }
}

const token = takeSessionToken(window.location, tabStorage(), window.history);
render(<App token={token} />, document.getElementById('root')!);
