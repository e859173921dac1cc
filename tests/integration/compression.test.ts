import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { builtAppAssets } from '../support/server/built-app';
import { approvedStrategy } from '../support/server/menu';
import { rawGet } from '../support/server/raw-get';
import { startTestServer, type TestServer } from '../support/server/test-server';

let server: TestServer;
let ana: ApiClient;
let script: string;

beforeAll(async () => {
  // Built before the server starts: it reads the app folder once.
  const assets = await builtAppAssets();
  script = assets.find((a) => a.endsWith('.js'))!;
  server = await startTestServer();
  ana = await launchAs(server, 'sandbox-ana-rivera');
  const dana = await launchAs(server, 'sandbox-dana-kim');
  // Enough strategies that the menu's JSON is over the 1 KB below which nothing is compressed.
  for (let i = 0; i < 6; i++) await approvedStrategy(ana, dana, { title: `Think, pair, share round ${i}` });
}, 180_000);
afterAll(async () => {
  await server?.close();
});

const decoders = { br: brotliDecompressSync, gzip: gunzipSync } as const;

describe('compressed answers', () => {
  it('when a client accepts br or gzip, then a JSON answer comes back encoded and decodes to the identity bytes', async () => {
    const url = `${server.url}/api/strategies`;
    const auth = { authorization: `Bearer ${ana.token}` };
    const plain = await rawGet(url, auth);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(JSON.parse(plain.body.toString('utf8')).items.length).toBeGreaterThanOrEqual(6);
    for (const encoding of ['br', 'gzip'] as const) {
      const res = await rawGet(url, { ...auth, 'accept-encoding': encoding });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(decoders[encoding](res.body).equals(plain.body)).toBe(true);
      expect(res.body.length).toBeLessThan(plain.body.length);
    }
    // A browser's usual header: brotli is preferred.
    const both = await rawGet(url, { ...auth, 'accept-encoding': 'gzip, deflate, br' });
    expect(both.headers['content-encoding']).toBe('br');
  });

  it('when a client asks for a hashed app asset, then the precompressed copy is sent, cached for a year', async () => {
    const url = `${server.url}${script}`;
    const plain = await rawGet(url);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const encoding of ['br', 'gzip'] as const) {
      const res = await rawGet(url, { 'accept-encoding': encoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(decoders[encoding](res.body).equals(plain.body)).toBe(true);
    }
  });

  it('when the app page is loaded, then it keeps its CSP, is revalidated on each load and is sent compressed', async () => {
    const plain = await rawGet(`${server.url}/app/`);
    const res = await rawGet(`${server.url}/app/`, { 'accept-encoding': 'br' });
    for (const r of [plain, res]) {
      expect(r.status).toBe(200);
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors/);
      expect(r.headers['cache-control']).toBe('no-cache');
    }
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).equals(plain.body)).toBe(true);
  });
});
