import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_CONCURRENCY } from '../../extension/lib/sync';
import { type BrowserSession, launchBrowser } from '../support/browser/browser';
import { freePort } from '../support/server/free-port';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';

/**
 * Issue #6: stopping the extension's MV3 service worker in the middle of a sync loses no clip and duplicates none.
 * The real server sits behind a small loopback proxy. After two batches it stops answering uploads: half of the
 * next batch reaches the server and its answer is held back, the other half is held before it reaches the server.
 * The worker is stopped then, while the server has stored clips the worker never heard back about, others are on
 * their way, and the rest have not been sent yet.
 */

const CLIPS = 30;
const PREFIX = 'Worker restart clip';
/** Uploads the proxy answers normally before it starts holding them: two whole batches. */
const ANSWERED_BEFORE_HOLD = 2 * SYNC_CONCURRENCY;

interface UploadProxy {
  base: string;
  /** pass: a plain proxy; down: uploads fail as if the server were not there; hold: see the file comment. */
  mode: 'pass' | 'down' | 'hold';
  /** In hold mode, how many more uploads are answered normally before the proxy starts holding them. */
  passBudget: number;
  /** Uploads refused in down mode (the connection is dropped). */
  refused: number;
  /** The client id of every upload that reached the server, in order (a clip sent twice is listed twice). */
  forwarded: string[];
  /** Uploads the server stored and answered, whose answer is held back from the browser. */
  held: string[];
  /** Uploads held before they reached the server. */
  stalled: string[];
  /** Held or stalled uploads whose connection the browser closed before it got an answer. */
  abandoned: string[];
  /** Stops holding: held answers go on to whoever still listens; stalled uploads are dropped, never sent. */
  release(): void;
  close(): Promise<void>;
}

/** A loopback HTTP proxy in front of the real server that can refuse or hold `POST /api/strategies`. */
async function startUploadProxy(targetPort: number): Promise<UploadProxy> {
  const heldAnswers: Array<() => void> = [];
  let holds = 0;
  const proxy: UploadProxy = {
    base: '',
    mode: 'pass',
    passBudget: 0,
    refused: 0,
    forwarded: [],
    held: [],
    stalled: [],
    abandoned: [],
    release() {
      proxy.mode = 'pass';
      for (const deliver of heldAnswers.splice(0)) deliver();
    },
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const upload = req.method === 'POST' && req.url === '/api/strategies';
      if (upload && proxy.mode === 'down') {
        proxy.refused++;
        req.socket.destroy();
        return;
      }
      const body = Buffer.concat(chunks);
      const clientId = upload ? String(JSON.parse(body.toString('utf8')).clientId) : '';
      let hold: 'answer' | 'request' | undefined;
      if (upload && proxy.mode === 'hold') {
        if (proxy.passBudget > 0) proxy.passBudget--;
        else hold = holds++ % 2 === 0 ? 'answer' : 'request';
      }
      if (hold) {
        res.on('close', () => {
          if (!res.writableFinished) proxy.abandoned.push(clientId);
        });
      }
      if (hold === 'request') {
        proxy.stalled.push(clientId);
        return;
      }
      const upstream = request(
        {
          host: '127.0.0.1',
          port: targetPort,
          method: req.method,
          path: req.url,
          headers: req.headers as IncomingHttpHeaders,
        },
        (answer) => {
          const deliver = () => {
            if (res.destroyed) {
              answer.resume();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          };
          if (hold !== 'answer') {
            deliver();
            return;
          }
          proxy.held.push(clientId);
          heldAnswers.push(deliver);
        },
      );
      upstream.on('error', () => res.destroy());
      if (upload) proxy.forwarded.push(clientId);
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      heldAnswers.length = 0;
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

let database: TestDatabase;
let server: TestServer | undefined;
let proxy: UploadProxy;
let browser: BrowserSession;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const port = await freePort();
  proxy = await startUploadProxy(port);
  base = proxy.base;
  // The browser only ever talks to the proxy: the LMS, the tool and the extension all use its address.
  server = await startTestServer({ database, config: { port, publicUrl: base } });
  browser = await launchBrowser({ extension: true });
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.close();
  await database?.drop();
});

const extensionUrl = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

async function lmsAs(user: string): Promise<Frame> {
  const page = await browser.context.newPage();
  await page.goto(`${base}/sandbox/courses/sandbox-course-7sci/launch?user=${user}`);
  const tool = (await (await page.waitForSelector('iframe[name="tool"]')).contentFrame())!;
  await tool.getByRole('heading', { name: 'The menu' }).waitFor();
  return tool;
}

/** Pairs the extension with the server (through the proxy) as Ana; returns the open options page. */
async function pair(): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(extensionUrl('options.html'));
  const address = options.getByLabel("Your school's Tasting Menu address");
  // The page fills in the saved (or default) address once the background answers; typing before that is lost.
  await expect.poll(() => address.inputValue(), { timeout: 15_000 }).not.toBe('');
  await address.fill(base);
  await options.getByRole('button', { name: 'Save and check' }).click();
  await options.getByText(`Connected to ${base}`).waitFor();
  await options.getByRole('button', { name: 'Pair with Tasting Menu' }).click();
  const code = (await options.getByTestId('pairing-code').textContent())!;
  const ana = await lmsAs('sandbox-ana-rivera');
  await ana.getByRole('link', { name: 'Browser extension' }).click();
  await ana.getByLabel('Pairing code').fill(code);
  await ana.getByRole('button', { name: 'Pair this browser' }).click();
  await ana.getByText(/Paired: Chrome on Linux/).waitFor();
  await options.getByText('Paired as Ana Rivera (Grade 7 Science — Team Room).').waitFor({ timeout: 15_000 });
  await ana.page().close();
  return options;
}

interface ChromeRuntime {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
  };
}

/** Saves clips the way the clip form does (a `clip/save` message to the background), one after another. */
async function saveClips(page: Page, titles: string[]): Promise<Array<{ sent: number; pending: number }>> {
  return page.evaluate(async (titles) => {
    const { chrome } = globalThis as unknown as ChromeRuntime;
    const reports: Array<{ sent: number; pending: number }> = [];
    for (const title of titles) {
      const clip = {
        title,
        purpose: 'Every student says one thing before anyone says two.',
        steps: ['Students write one thing they notice', 'Partners compare'],
        minutes: 5,
        subject: 'Science',
        gradeBand: '6-8',
        tags: ['warm-up'],
      };
      const answer = await chrome.runtime.sendMessage({ type: 'clip/save', clip });
      if (!answer?.ok) throw new Error(answer?.error ?? 'no answer');
      reports.push((answer.value as { sync: { sent: number; pending: number } }).sync);
    }
    return reports;
  }, titles);
}

interface OutboxRow {
  clientId: string;
  status: 'pending' | 'sent' | 'failed';
  serverId?: string;
  title: string;
}

/** The extension's own Dexie outbox, read with plain IndexedDB from an extension page (same origin). */
function readOutbox(page: Page): Promise<OutboxRow[]> {
  return page.evaluate(
    () =>
      new Promise<OutboxRow[]>((resolve, reject) => {
        const open = indexedDB.open('tasting-menu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('outbox', 'readonly').objectStore('outbox').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve(
              (
                all.result as Array<{
                  clientId: string;
                  status: OutboxRow['status'];
                  serverId?: string;
                  payload: { title: string };
                }>
              ).map((i) => ({
                clientId: i.clientId,
                status: i.status,
                serverId: i.serverId,
                title: i.payload.title,
              })),
            );
          };
        };
      }),
  );
}

async function storedClips(): Promise<Array<{ id: string; title: string; client_id: string | null }>> {
  return server!.database.db
    .selectFrom('strategies')
    .select(['id', 'title', 'client_id'])
    .where('title', 'like', `${PREFIX} %`)
    .execute();
}

interface WorkerWatch {
  /** Chromium's running status of the extension's service worker: starting, running, stopping or stopped. */
  status(): string | undefined;
  /** Stops the worker (what "Stop" in chrome://serviceworker-internals does) and waits until it has stopped. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** Watches the extension's service worker through the DevTools protocol's ServiceWorker domain. */
async function watchExtensionWorker(context: BrowserContext): Promise<WorkerWatch> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const versions = new Map<string, { scriptURL: string; runningStatus: string; status: string }>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
    for (const v of updated) versions.set(v.versionId, v);
  });
  await cdp.send('ServiceWorker.enable');
  const current = () =>
    [...versions].find(([, v]) => v.scriptURL === extensionUrl('background.js') && v.status === 'activated');
  await expect.poll(() => current() !== undefined, { timeout: 10_000 }).toBe(true);
  return {
    status: () => current()?.[1].runningStatus,
    async stop() {
      const [versionId] = current()!;
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      await expect.poll(() => versions.get(versionId)?.runningStatus, { timeout: 10_000 }).toBe('stopped');
    },
    async close() {
      await cdp.detach();
      await page.close();
    },
  };
}

const count = <T>(items: T[], value: T) => items.filter((i) => i === value).length;

describe('the extension when its service worker is stopped', () => {
  it('when the service worker is stopped in the middle of a sync, then no clip is lost and none is duplicated', async () => {
    const { context } = browser;
    const page = await pair();
    const watch = await watchExtensionWorker(context);

    // 1. The server is unreachable while the teacher clips: everything waits in the outbox.
    proxy.mode = 'down';
    const titles = Array.from({ length: CLIPS }, (_, i) => `${PREFIX} ${String(i + 1).padStart(2, '0')}`);
    const reports = await saveClips(page, titles);
    expect(reports.map((r) => r.sent)).toEqual(titles.map(() => 0));
    expect(reports.at(-1)!.pending).toBe(CLIPS);
    const queued = await readOutbox(page);
    expect(
      queued
        .filter((c) => c.status === 'pending')
        .map((c) => c.title)
        .sort(),
    ).toEqual(titles);
    expect(proxy.refused).toBeGreaterThan(0);
    expect(proxy.forwarded).toEqual([]);
    expect(await storedClips()).toEqual([]);

    // 2. The server is back but slow: two batches are answered, then the proxy holds the uploads of the third.
    // Opening the popup sends what waits.
    proxy.passBudget = ANSWERED_BEFORE_HOLD;
    proxy.mode = 'hold';
    const popup = await context.newPage();
    await popup.goto(extensionUrl('popup.html'));
    await expect
      .poll(() => proxy.held.length + proxy.stalled.length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(SYNC_CONCURRENCY);
    await popup.close();

    // The sync is in flight: some clips are on the server and marked sent; some are on the server but the worker
    // has not heard back; some are on their way; the rest have not been sent at all.
    const before = await readOutbox(page);
    const storedBefore = await storedClips();
    const onServerBefore = new Set(storedBefore.map((s) => s.client_id));
    const sentBefore = before.filter((c) => c.status === 'sent');
    const pendingBefore = before.filter((c) => c.status === 'pending');
    const unacknowledged = pendingBefore.filter((c) => onServerBefore.has(c.clientId));
    const inTransit = pendingBefore.filter((c) => proxy.stalled.includes(c.clientId));
    const notSentYet = pendingBefore.filter(
      (c) => !onServerBefore.has(c.clientId) && !proxy.stalled.includes(c.clientId),
    );
    expect(sentBefore).toHaveLength(ANSWERED_BEFORE_HOLD);
    expect(sentBefore.every((c) => onServerBefore.has(c.clientId))).toBe(true);
    expect(unacknowledged.length).toBeGreaterThan(0);
    expect(unacknowledged.map((c) => c.clientId).sort()).toEqual([...new Set(proxy.held)].sort());
    expect(inTransit.length).toBeGreaterThan(0);
    expect(inTransit.map((c) => c.clientId).sort()).toEqual([...new Set(proxy.stalled)].sort());
    expect(notSentYet.length).toBeGreaterThan(0);
    expect(storedBefore).toHaveLength(sentBefore.length + unacknowledged.length);
    expect(pendingBefore).toHaveLength(CLIPS - ANSWERED_BEFORE_HOLD);

    // 3. Stop the service worker while it waits for those uploads.
    expect(watch.status()).toBe('running');
    await watch.stop();
    // Its uploads died with it: the browser closed every connection the proxy was holding.
    await expect
      .poll(() => [...proxy.abandoned].sort(), { timeout: 10_000 })
      .toEqual([...proxy.held, ...proxy.stalled].sort());
    // Nothing in the outbox changed: what was pending is still pending.
    expect(await readOutbox(page)).toEqual(before);
    proxy.release();

    // 4. Opening the popup wakes the worker, which sends what waits.
    expect(watch.status()).toBe('stopped');
    const again = await context.newPage();
    await again.goto(extensionUrl('popup.html'));
    await expect.poll(() => watch.status(), { timeout: 15_000 }).toBe('running');
    // The list renders once the sync it started has finished.
    await again.getByTestId('clip-state').first().waitFor({ timeout: 20_000 });
    await again.getByText('No clips waiting to be sent.').waitFor();

    // 5. Every clip is on the server exactly once, and the outbox knows each one's server id.
    const after = await readOutbox(page);
    const stored = await storedClips();
    expect(after.filter((c) => c.status !== 'sent')).toEqual([]);
    expect(stored.map((s) => s.title).sort()).toEqual(titles);
    expect(new Set(stored.map((s) => s.client_id)).size).toBe(CLIPS);
    expect(stored.map((s) => s.client_id).sort()).toEqual(after.map((c) => c.clientId).sort());
    const serverIdByClient = new Map(stored.map((s) => [s.client_id, s.id]));
    for (const clip of after) expect(clip.serverId).toBe(serverIdByClient.get(clip.clientId));
    // The clips the server stored but the worker never heard about were sent again, and stored once; the ones
    // that never arrived were sent again too.
    for (const clip of unacknowledged)
      expect(count(proxy.forwarded, clip.clientId)).toBeGreaterThanOrEqual(2);
    for (const clip of inTransit) expect(count(proxy.forwarded, clip.clientId)).toBeGreaterThanOrEqual(1);
    await watch.close();
  });
});
