import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressResponses } from '../../../lti-server/src/http/compression';
import { rawGet } from '../../support/server/raw-get';

const BIG = 'BEGIN:VEVENT\r\nSUMMARY:Think, pair, share\r\nEND:VEVENT\r\n'.repeat(200);
let url: string;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use(compressResponses());
  app.get('/json', (_req, res) => res.json({ text: BIG }));
  app.get('/html', (_req, res) => res.type('html').send(`<p>${BIG}</p>`));
  app.get('/feed.ics', (_req, res) => res.type('text/calendar; charset=utf-8').send(BIG));
  app.get('/image', (_req, res) => res.type('image/svg+xml').send(`<svg>${BIG}</svg>`));
  app.get('/encoded', (_req, res) => res.type('js').set('Content-Encoding', 'br').send(Buffer.from(BIG)));
  app.get('/small', (_req, res) => res.json({ text: 'Think, pair, share' }));
  app.get('/no-transform', (_req, res) => res.set('Cache-Control', 'no-transform').json({ text: BIG }));
  app.get('/streamed', (_req, res) => {
    res.type('json');
    res.write('{"text":');
    res.write(JSON.stringify(BIG));
    res.end('}');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('which answers are compressed', () => {
  it('when the answer is JSON or HTML, then it is compressed', async () => {
    for (const path of ['/json', '/html']) {
      expect((await rawGet(`${url}${path}`, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe(
        'gzip',
      );
    }
  });

  it('when the answer is a calendar feed, an image or already encoded, then it is sent as it is', async () => {
    for (const path of ['/feed.ics', '/image']) {
      const res = await rawGet(`${url}${path}`, { 'accept-encoding': 'br, gzip' });
      expect(res.headers['content-encoding'], path).toBeUndefined();
      expect(res.body.length).toBeGreaterThan(BIG.length - 1);
    }
    const encoded = await rawGet(`${url}/encoded`, { 'accept-encoding': 'gzip' });
    expect(encoded.headers['content-encoding']).toBe('br');
    expect(encoded.body.toString()).toBe(BIG);
  });
});

const decoders = { br: brotliDecompressSync, gzip: gunzipSync } as const;

describe('how answers are encoded', () => {
  const json = Buffer.from(JSON.stringify({ text: BIG }));

  it('when a JSON answer is sent whole, then it arrives encoded in one piece with its encoded length and Vary', async () => {
    for (const encoding of ['br', 'gzip'] as const) {
      const res = await rawGet(`${url}/json`, { 'accept-encoding': encoding });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      // Compressed before it was sent, not streamed: a length, not chunks.
      expect(res.headers['content-length']).toBe(String(res.body.length));
      expect(res.headers['transfer-encoding']).toBeUndefined();
      expect(decoders[encoding](res.body).equals(json)).toBe(true);
      expect(res.body.length).toBeLessThan(json.length / 4);
    }
  });

  it('when the client accepts both, then brotli is chosen; when it refuses one, then the other', async () => {
    const pick = async (accept: string) =>
      (await rawGet(`${url}/json`, { 'accept-encoding': accept })).headers['content-encoding'];
    expect(await pick('gzip, deflate, br')).toBe('br');
    expect(await pick('br;q=0, gzip')).toBe('gzip');
    expect(await pick('gzip;q=0, br')).toBe('br');
    expect(await pick('identity')).toBeUndefined();
    expect(await pick('br;q=0, gzip;q=0')).toBeUndefined();
  });

  it('when the client names no encoding, the answer is under 1 KB or says no-transform, then it is sent as it is', async () => {
    const plain = await rawGet(`${url}/json`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(json)).toBe(true);
    const small = await rawGet(`${url}/small`, { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ text: 'Think, pair, share' });
    const kept = await rawGet(`${url}/no-transform`, { 'accept-encoding': 'br, gzip' });
    expect(kept.headers['content-encoding']).toBeUndefined();
    expect(kept.body.equals(json)).toBe(true);
  });

  it('when an answer is written in pieces, then it is still encoded whole and decodes to all its pieces', async () => {
    for (const encoding of ['br', 'gzip'] as const) {
      const res = await rawGet(`${url}/streamed`, { 'accept-encoding': encoding });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(decoders[encoding](res.body).equals(json)).toBe(true);
    }
  });

  it('when a HEAD request is made, then it gets the headers of an unencoded answer and no body', async () => {
    const head = await new Promise<{ headers: Record<string, unknown>; bytes: number }>((resolve, reject) => {
      const req = request(
        `${url}/json`,
        { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } },
        (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
          });
          res.on('end', () => resolve({ headers: res.headers, bytes }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.headers['content-length']).toBe(String(json.length));
    expect(head.bytes).toBe(0);
  });
});
