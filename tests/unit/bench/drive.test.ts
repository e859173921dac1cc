import { createServer, type Server } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drive, sendOnce } from '../../bench/drive';

// Real sockets on a loaded machine: the tests allow a minute, and assert no time.
// A local server that counts the connections it accepts and answers after a short random pause, so responses come
// back while other clients are still sending.
let server: Server;
let url: string;
let accepted = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/encoded') {
      // Answers as a compressing server would: brotli when asked for, else gzip when asked for, else plain.
      const accepted = String(req.headers['accept-encoding'] ?? '');
      const body = Buffer.from(JSON.stringify({ accepted }));
      const coding = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : undefined;
      if (coding) res.setHeader('content-encoding', coding);
      res.end(coding === 'br' ? brotliCompressSync(body) : coding === 'gzip' ? gzipSync(body) : body);
      return;
    }
    if (req.url === '/busy') res.statusCode = 503;
    setTimeout(() => res.end('ok'), Math.random() * 3);
  });
  server.on('connection', () => accepted++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the api bench load client', () => {
  it('when cells at 10 and 50 clients follow each other, then each opens its clients’ connections before the clock starts and none while timed', async () => {
    for (const concurrency of [10, 50, 10, 50]) {
      const before = accepted;
      const cell = await drive(
        100,
        concurrency,
        (send) => send(`${url}/work`),
        (send) => send(`${url}/open`),
      );
      expect(cell.connectionsOpened).toBe(0);
      expect(cell.errors).toBe(0);
      // One connection per client, whatever the cell before left open.
      expect(accepted - before).toBe(concurrency);
    }
  }, 60_000);

  it('when the server answers with an error status, then each such request counts as failed', async () => {
    const cell = await drive(
      6,
      2,
      (send, i) => send(`${url}/${i % 2 ? 'busy' : 'work'}`, { method: 'POST', body: 'x' }),
      (send) => send(`${url}/open`),
    );
    expect(cell.errors).toBe(3);
  });

  it('when a cell warms up, then its warm-up requests are sent after the connections open and before the clock, and not timed', async () => {
    const numbers: number[] = [];
    const before = accepted;
    const cell = await drive(
      40,
      4,
      async (send, i) => {
        numbers.push(i);
        // A warm-up request is slow, a timed one is not: if the warm-up were timed, a third of the samples would be 300 ms or more.
        if (i >= 40) await new Promise((resolve) => setTimeout(resolve, 300));
        return send(`${url}/work`);
      },
      (send) => send(`${url}/open`),
      20,
    );
    expect(numbers.slice(0, 20).every((n) => n >= 40)).toBe(true);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(cell.p95).toBeLessThan(300);
    expect(cell.errors).toBe(0);
    expect(cell.connectionsOpened).toBe(0);
    expect(accepted - before).toBe(4);
  }, 60_000);

  it('when it sends a request, then it asks for compression as a browser does and reads the compressed answer', async () => {
    const brotli = await sendOnce(`${url}/encoded`);
    expect(JSON.parse(brotli.text())).toEqual({ accepted: 'gzip, deflate, br, zstd' });
    // The wire holds what the server sent: brotli, not the JSON itself.
    expect(brotli.wire.equals(Buffer.from(brotli.text()))).toBe(false);
    const gzip = await sendOnce(`${url}/encoded`, { headers: { 'accept-encoding': 'gzip' } });
    expect(JSON.parse(gzip.text())).toEqual({ accepted: 'gzip' });
  });
});
