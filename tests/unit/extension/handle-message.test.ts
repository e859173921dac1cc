import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../../extension/lib/handle-message';
import { readSpanish } from '../../support/browser/spanish-extension';

const healthy = (async () =>
  new Response(JSON.stringify({ status: 'ok', service: 'tasting-menu', version: '0.1.0' }), {
    headers: { 'content-type': 'application/json' },
  })) as unknown as typeof fetch;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the background message handler', () => {
  it('when nothing is saved, then settings are empty and the check uses the local default server', async () => {
    expect(await handleMessage({ type: 'settings/get' })).toEqual({
      ok: true,
      value: { serverUrl: null, defaultTags: [] },
    });
    let asked = '';
    const spy = (async (url: string) => {
      asked = url;
      return healthy(url);
    }) as unknown as typeof fetch;
    expect(await handleMessage({ type: 'server/check' }, spy)).toEqual({
      ok: true,
      value: { state: 'connected', serverUrl: 'http://localhost:3000', version: '0.1.0' },
    });
    expect(asked).toBe('http://localhost:3000/healthz');
  });

  it('when a server address is saved, then it is normalised, stored and used for checks', async () => {
    const saved = await handleMessage({
      type: 'settings/set-server',
      serverUrl: ' https://tm.example.org/ ',
    });
    expect(saved).toEqual({ ok: true, value: { serverUrl: 'https://tm.example.org', defaultTags: [] } });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { serverUrl: 'https://tm.example.org', defaultTags: [] },
    });
    const check = await handleMessage({ type: 'server/check' }, healthy);
    expect(check).toMatchObject({ ok: true, value: { serverUrl: 'https://tm.example.org' } });
  });

  it('when the address is not http(s) or uses http for a school server, then it is refused with a reason', async () => {
    expect(await handleMessage({ type: 'settings/set-server', serverUrl: 'ftp://x.org' })).toMatchObject({
      ok: false,
    });
    const http = await handleMessage({ type: 'settings/set-server', serverUrl: 'http://tm.example.org' });
    expect(http).toMatchObject({ ok: false, error: expect.stringContaining('https://') });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('when a message is malformed or unknown, then the answer is an error, not a crash', async () => {
    expect(await handleMessage({ type: 'clip/delete-everything' })).toEqual({
      ok: false,
      error: 'Unknown or malformed message.',
    });
    expect(await handleMessage('hello')).toMatchObject({ ok: false });
  });

  it('when stored settings are corrupt, then they read as empty', async () => {
    await fakeBrowser.storage.local.set({ settings: { serverUrl: 42 } });
    expect(await handleMessage({ type: 'settings/get' })).toEqual({
      ok: true,
      value: { serverUrl: null, defaultTags: [] },
    });
  });

  it('when default tags are saved, then they are normalised and survive a change of server address', async () => {
    const saved = await handleMessage({
      type: 'settings/set-default-tags',
      tags: [' Science ', '#grade 7', 'science'],
    });
    expect(saved).toEqual({ ok: true, value: { serverUrl: null, defaultTags: ['science', 'grade 7'] } });
    await handleMessage({ type: 'settings/set-server', serverUrl: 'https://tm.example.org' });
    expect(await handleMessage({ type: 'settings/get' })).toEqual({
      ok: true,
      value: { serverUrl: 'https://tm.example.org', defaultTags: ['science', 'grade 7'] },
    });
  });
});

describe('the background in Spanish', () => {
  afterEach(() => vi.restoreAllMocks());

  it('when a Spanish browser is not paired, then syncing says why in Spanish', async () => {
    readSpanish();
    const answer = await handleMessage({ type: 'sync/now' });
    expect(answer).toMatchObject({
      ok: true,
      value: { sent: 0, stopped: 'Vincula este navegador en Opciones para enviar tus recortes.' },
    });
  });

  it('when a Spanish browser starts pairing, then the label the server keeps for it is in Spanish', async () => {
    readSpanish();
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (Windows NT 10.0) Chrome/140.0');
    let label = '';
    const server = (async (_url: string, init: RequestInit) => {
      label = JSON.parse(String(init.body)).label;
      return new Response('{}', { status: 503, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    await handleMessage({ type: 'pairing/start' }, server);
    expect(label).toBe('Chrome en Windows');
  });
});
