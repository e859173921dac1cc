import { describe, expect, it } from 'vitest';
import {
  forgetRoomSession,
  keepRoomSession,
  readRoomSession,
  takeSignInSecret,
} from '../../../lti-server/app/src/room/room-session';
import { href, parseRoute } from '../../../lti-server/app/src/router';
import { parseRoomPath, roomPath } from '../../../shared/room';

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

function fakes(hash: string, pathname = '/room/door/d-1') {
  const replaced: string[] = [];
  const location = { hash, pathname, search: '' } as Location;
  const history = {
    replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url),
  } as unknown as History;
  return { location, history, replaced, storage: new MemoryStorage() as unknown as Storage };
}

describe('the room page session', () => {
  it('when the address carries a sign-in secret, then it is taken and removed from the address bar at once', () => {
    const f = fakes('#signin=abcdefghijklmnopqrstuvwxyz');
    expect(takeSignInSecret(f.location, f.history)).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(f.replaced).toEqual(['/room/door/d-1']);
  });

  it('when the address carries no secret, then nothing is taken and the address is left alone', () => {
    const f = fakes('');
    expect(takeSignInSecret(f.location, f.history)).toBeUndefined();
    expect(f.replaced).toEqual([]);
  });

  it('when a session is kept, then it is read back until it expires, and then forgotten', () => {
    const f = fakes('');
    keepRoomSession(f.storage, { token: 'tok', expiresAt: '2026-12-06T16:00:00.000Z' });
    expect(readRoomSession(f.storage, new Date('2026-12-06T15:59:59Z'))).toBe('tok');
    expect(readRoomSession(f.storage, new Date('2026-12-06T16:00:00Z'))).toBeUndefined();
    expect(f.storage.getItem('tasting-menu.room-session')).toBeNull();
    keepRoomSession(f.storage, { token: 'tok', expiresAt: '2026-12-06T16:00:00.000Z' });
    forgetRoomSession(f.storage);
    expect(readRoomSession(f.storage, new Date('2026-12-06T10:00:00Z'))).toBeUndefined();
  });

  it('when what is stored is not a session, then there is none', () => {
    const f = fakes('');
    f.storage.setItem('tasting-menu.room-session', '{not json');
    expect(readRoomSession(f.storage, new Date())).toBeUndefined();
  });
});

describe('room addresses', () => {
  it('when a room address is read, then only the door, visit and start pages with plain ids are room pages', () => {
    expect(parseRoomPath('/room/')).toEqual({ kind: 'home' });
    expect(parseRoomPath('/room/door/5b0c-1d2e')).toEqual({ kind: 'door', id: '5b0c-1d2e' });
    expect(parseRoomPath('/room/visit/abc/')).toEqual({ kind: 'visit', id: 'abc' });
    for (const bad of ['/room/door/', '/room/door/a%20b', '/room/door/%E0%A4%A', '/room/note/x', '/app/'])
      expect(parseRoomPath(bad), bad).toBeUndefined();
    expect(roomPath({ kind: 'door', id: 'd-1' })).toBe('/room/door/d-1');
    expect(parseRoomPath(roomPath({ kind: 'visit', id: 'v-9' }))).toEqual({ kind: 'visit', id: 'v-9' });
  });

  it("when the app's door sign route is read, then it names the door, and 'new' stays the open-a-door form", () => {
    expect(parseRoute('#/doors/d-1/sign')).toEqual({ name: 'door-sign', id: 'd-1' });
    expect(href({ name: 'door-sign', id: 'd-1' })).toBe('#/doors/d-1/sign');
    expect(parseRoute('#/doors/new')).toEqual({ name: 'door-new' });
  });
});
