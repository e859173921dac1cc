import { Agent, request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { percentile, timeMs } from './report';

/**
 * The api bench's load client (issue #20): `total` requests from `concurrency` clients, each sending its next request
 * when its last one answered, over keep-alive connections that are all open before the clock starts.
 *
 * Before, each client's first timed request opened its connection (fetch opens one when it finds none free), so a
 * cell at 50 clients that followed one at 10 timed the opening of about 40 connections against a saturated server.
 * Node (libuv since 1.45) accepts one connection per turn of its event loop, and each turn of a busy server serves a
 * batch of requests on the connections already open: the last connections of the burst waited seconds to be
 * accepted while the others kept cycling. That was SQLite's "tail after many writes" (p95 at 50 clients 5–20 times
 * the p50, in every repeat and on an empty database too), not the database. fetch also opened connections while idle
 * ones were open now and then, so the client is `node:http` with one agent per cell, capped at `concurrency`
 * connections per server: a request that finds them all busy waits for one instead of opening another.
 */

export interface Answer {
  status: number;
  ok: boolean;
  /** The body as it came over the wire (compressed when the server compressed it). */
  wire: Buffer;
  /** The body's text, decompressed: read only where needed, so a timed request pays no decompression. */
  text(): string;
}

/**
 * What Chromium asks for, so the server compresses as it would for a browser. The load client before 2026-12-06 23:00
 * UTC (Node's fetch) asked for `gzip, deflate` and decompressed every answer; from then until this header was added,
 * the bench asked for nothing and timed uncompressed answers.
 */
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

function decode(wire: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'br') return brotliDecompressSync(wire);
  if (encoding === 'gzip') return gunzipSync(wire);
  if (encoding === 'deflate') return inflateSync(wire);
  return wire;
}

export interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends one request on the cell's connections. */
export type Send = (url: string, init?: RequestInit) => Promise<Answer>;

export interface DriveResult {
  p50: number;
  p95: number;
  perSecond: number;
  errors: number;
  /** Connections opened while the timed requests ran: 0 when every request found an open one. */
  connectionsOpened: number;
  /** The servers' CPU time over the timed requests, in ms per request, when `serverCpuMs` was given and answered. */
  cpuMsPerRequest?: number;
}

function sender(agent: Agent, onNewConnection: () => void): Send {
  return (url, init = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const headers = { 'accept-encoding': ACCEPT_ENCODING, ...init.headers };
      const req = httpRequest(url, { agent, method: init.method ?? 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const wire = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          resolve({
            status,
            ok: status >= 200 && status < 300,
            wire,
            text: () => decode(wire, encoding).toString('utf8'),
          });
        });
      });
      // A socket the agent kept is connected; one it has just created is still connecting.
      req.on('socket', (socket) => {
        if (socket.connecting) onNewConnection();
      });
      req.on('error', reject);
      req.end(init.body);
    });
}

/** One request outside a measured cell, on a connection of its own. */
export const sendOnce: Send = (url, init) => {
  const agent = new Agent({ keepAlive: false });
  return sender(agent, () => {})(url, init).finally(() => agent.destroy());
};

export async function drive(
  total: number,
  concurrency: number,
  request: (send: Send, i: number, client: number) => Promise<Answer>,
  /** A cheap request to the server `client` talks to, sent untimed to open the client's connection. */
  open: (send: Send, client: number) => Promise<Answer>,
  /**
   * Requests sent the same way before the clock starts and not timed (their failures still count): the server's and
   * the client's code compiled and their caches filled, as in a server that has been up a while. Without it a run of
   * one repeat timed each cell cold: the bare hello route's p95 at 1 client was 1.6–3.6 ms in such a run against
   * 0.6–0.8 ms in the last of six repeats.
   */
  warmup = 0,
  /**
   * The CPU time the servers answering the cell have used so far, in ms. Unlike a latency it does not depend on how
   * busy the machine's other core is (the load client runs there): paired runs compare it to see what a change saved.
   */
  serverCpuMs?: () => number | undefined,
): Promise<DriveResult> {
  let opened = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency, scheduling: 'fifo' });
  const send = sender(agent, () => opened++);
  try {
    // All in flight at once: each finds no free connection and opens its own (up to `concurrency` per server).
    await Promise.all(Array.from({ length: concurrency }, (_, client) => open(send, client)));
    let errors = 0;
    let firstError: string | undefined;
    /** `count` requests from `concurrency` clients; each request's milliseconds go to `ms` when given. */
    const run = async (count: number, offset: number, ms?: number[]) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async (_, client) => {
          while (next < count) {
            const i = offset + next++;
            let ok = false;
            const took = await timeMs(async () => {
              try {
                const answer = await request(send, i, client);
                ok = answer.ok;
                if (!ok && errors === 0) firstError = `${answer.status} ${answer.text().slice(0, 200)}`;
              } catch (error) {
                ok = false;
                if (errors === 0) firstError = String(error);
              }
            });
            ms?.push(took);
            if (!ok) errors++;
          }
        }),
      );
    };
    // Numbered total, total + 1, …: the timed requests keep the numbers 0 … total - 1 they had without a warm-up.
    await run(warmup, total);
    const openedBefore = opened;
    const ms: number[] = [];
    const cpuBefore = serverCpuMs?.();
    const started = performance.now();
    await run(total, 0, ms);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = serverCpuMs?.();
    if (firstError) console.error(`  first failed request of ${errors}: ${firstError}`);
    return {
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      perSecond: total / seconds,
      errors,
      connectionsOpened: opened - openedBefore,
      ...(cpuBefore !== undefined && cpuAfter !== undefined
        ? { cpuMsPerRequest: (cpuAfter - cpuBefore) / total }
        : {}),
    };
  } finally {
    agent.destroy();
  }
}
