import type { AddressInfo } from 'node:net';
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
