import { describe, expect, it } from 'vitest';
import { readPick, takeSessionToken } from '../../../lti-server/app/src/session';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

function fakes(hash: string) {
  const replaced: string[] = [];
  const location = { hash, pathname: '/app/', search: '' } as Location;
  const history = {
    replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url),
  } as unknown as History;
  return { location, history, replaced, storage: new MemoryStorage() as unknown as Storage };
}

describe('takeSessionToken', () => {
  it('when the launch put a token in the fragment, then it is kept for the tab and removed from the address', () => {
    const f = fakes('#session=abc%2Ddef');
    expect(takeSessionToken(f.location, f.storage, f.history)).toBe('abc-def');
    expect(f.replaced).toEqual(['/app/']);
    expect(f.storage.getItem('tasting-menu.session')).toBe('abc-def');
  });

  it('when the page is reloaded without a fragment, then the stored token is used', () => {
    const f = fakes('');
    f.storage.setItem('tasting-menu.session', 'stored');
    expect(takeSessionToken(f.location, f.storage, f.history)).toBe('stored');
    expect(f.replaced).toEqual([]);
  });

  it('when there is neither, then there is no token', () => {
    const f = fakes('');
    expect(takeSessionToken(f.location, f.storage, f.history)).toBeUndefined();
  });
});

describe('launch parameters in the fragment', () => {
  it('when the launch opens a deep-linked strategy, then the app goes to it and keeps no pick', () => {
    const f = fakes('#session=t&strategy=abc');
    expect(takeSessionToken(f.location, f.storage, f.history)).toBe('t');
    expect(f.replaced).toEqual(['/app/#/s/abc']);
    expect(readPick(f.storage)).toBeUndefined();
  });

  it('when the LMS editor opened the tool, then the pick is kept for the tab', () => {
    const f = fakes('#session=t&pick=p1');
    takeSessionToken(f.location, f.storage, f.history);
    expect(readPick(f.storage)).toBe('p1');
  });
});
