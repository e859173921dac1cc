import { describe, expect, it } from 'vitest';
import { normaliseServerUrl } from '../../../shared/messages';

describe('the server address a teacher types in the extension', () => {
  it('when the address has no scheme, then http:// is added for this computer and https:// for any other host', () => {
    expect(normaliseServerUrl('localhost:3000')).toEqual({ ok: true, url: 'http://localhost:3000' });
    expect(normaliseServerUrl(' LOCALHOST:3000/ ')).toEqual({ ok: true, url: 'http://localhost:3000' });
    expect(normaliseServerUrl('127.0.0.1:8080')).toEqual({ ok: true, url: 'http://127.0.0.1:8080' });
    expect(normaliseServerUrl('[::1]:3000')).toEqual({ ok: true, url: 'http://[::1]:3000' });
    expect(normaliseServerUrl('localhost')).toEqual({ ok: true, url: 'http://localhost' });
    expect(normaliseServerUrl('tm.lincoln-high.org')).toEqual({
      ok: true,
      url: 'https://tm.lincoln-high.org',
    });
    expect(normaliseServerUrl('tm.lincoln-high.org:8443/tasting/')).toEqual({
      ok: true,
      url: 'https://tm.lincoln-high.org:8443/tasting',
    });
  });

  it('when the address has a scheme, then it is kept, and plain http:// is still refused for a school server', () => {
    expect(normaliseServerUrl('https://tm.example.org/')).toEqual({
      ok: true,
      url: 'https://tm.example.org',
    });
    expect(normaliseServerUrl('http://localhost:3000')).toEqual({ ok: true, url: 'http://localhost:3000' });
    expect(normaliseServerUrl('http://tm.example.org')).toEqual({ ok: false, problem: 'https-only' });
  });

  it('when the text is not a web address, then it is refused with a reason the extension says in its language', () => {
    for (const [typed, problem] of [
      ['', 'empty'],
      ['  /', 'empty'],
      ['mailto:coach@example.org', 'not-an-address'],
      ['javascript:alert(1)', 'not-an-address'],
      ['ftp://tm.example.org', 'scheme'],
      ['tm example', 'not-an-address'],
      // Chromium's parser accepts these as the hosts "tasting%20menu" and "tm%20school.org"; Node's refuses them.
      ['tasting menu', 'not-an-address'],
      ['https://tm%20school.org', 'not-an-address'],
    ]) {
      expect(normaliseServerUrl(typed!), typed).toEqual({ ok: false, problem });
    }
  });
});
