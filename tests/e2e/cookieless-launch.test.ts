import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformStoragePages } from '../../lti-server/src/http/launch-pages';
import { type BrowserSession, expectNoAxeViolations, launchBrowser } from '../support/browser/browser';
import { freePort } from '../support/server/free-port';
import { startTestServer, type TestServer } from '../support/server/test-server';

/**
 * Cookieless launches in real Chromium, with the tool truly third-party: the sandbox LMS page is opened as
 * https://127.0.0.1:PORT while the tool (and the sandbox platform's issuer and authorization endpoint) answer as
 * https://localhost:PORT, two different sites. Both go through a small HTTPS proxy with a self-signed certificate,
 * so the tool sets its cookies as it does in production (SameSite=None; Secure). One browser profile blocks
 * third-party cookies (Chromium's cookie controls), a second allows them: the cookie launch in the LMS frame works
 * in the second and fails in the first, so the blocking, not anything else, is what the cookieless launch overcomes.
 */

let server: TestServer;
let proxy: https.Server;
let proxyPort = 0;
let blocking: BrowserSession;
let allowing: BrowserSession;
let certDir: string;
let cert: Buffer;
const savedCa = https.globalAgent.options.ca;

const lmsUrl = () => `https://127.0.0.1:${proxyPort}`;
const toolUrl = () => `https://localhost:${proxyPort}`;
const COURSE = '/sandbox/courses/sandbox-course-7sci';

function startHttpsProxy(
  key: Buffer,
  certificate: Buffer,
  upstreamPort: () => number,
): Promise<https.Server> {
  const s = https.createServer({ key, cert: certificate }, (req, res) => {
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: upstreamPort(),
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-proto': 'https' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.statusCode = 502;
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'tasting-menu-tls-'));
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'],
      ...['-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')],
      ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(certDir, 'cert.pem'));
  // The tool fetches the sandbox platform's key set through the proxy too (ltijs's HTTP client uses this agent).
  https.globalAgent.options.ca = [cert];
  const port = await freePort();
  proxy = await startHttpsProxy(readFileSync(join(certDir, 'key.pem')), cert, () => port);
  proxyPort = (proxy.address() as AddressInfo).port;
  // The LMS page is on a site its launches do not name (they name the issuer's): the administrator allows it.
  server = await startTestServer({ config: { port, publicUrl: toolUrl(), frameAncestors: [lmsUrl()] } });
  blocking = await launchBrowser({ thirdPartyCookies: 'block', ignoreHttpsErrors: true });
  allowing = await launchBrowser({ thirdPartyCookies: 'allow', ignoreHttpsErrors: true });
}, 120_000);

afterAll(async () => {
  await blocking?.close();
  await allowing?.close();
  await server?.close();
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  https.globalAgent.options.ca = savedCa;
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

async function usedBindings(): Promise<number> {
  const row = await server.database.db
    .withTables<{ lti_storage_bindings: { state: string; used_at: number | null } }>()
    .selectFrom('lti_storage_bindings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('used_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function toolFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[name="tool"]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The sandbox LMS page has no tool frame.');
  return frame;
}

async function refusalIn(frame: Frame): Promise<string | null> {
  await frame.getByRole('heading', { name: 'Tasting Menu could not open' }).waitFor();
  return frame.locator('[data-reason]').textContent();
}

describe('launching from an LMS frame in Chromium, with the tool on another site', () => {
  it('when third-party cookies are allowed, then the cookie launch works in the frame (the control)', async () => {
    const page = await allowing.context.newPage();
    await page.goto(`${lmsUrl()}${COURSE}`);
    await page.getByRole('link', { name: 'Launch Tasting Menu as Ana Rivera', exact: true }).click();
    const frame = await toolFrame(page);
    await frame.getByRole('heading', { name: 'The menu' }).waitFor();
    expect(new URL(frame.url()).origin).toBe(toolUrl());
    await page.close();
  });

  it('when third-party cookies are blocked, then the cookie launch in the frame fails at the state check and says why', async () => {
    const page = await blocking.context.newPage();
    await page.goto(`${lmsUrl()}${COURSE}/launch?user=sandbox-ana-rivera`);
    const frame = await toolFrame(page);
    expect(await refusalIn(frame)).toBe('STATE_MISMATCH');
    // The frame really is third-party and without cookie access.
    expect(await frame.evaluate(() => document.hasStorageAccess())).toBe(false);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('when third-party cookies are blocked and the LMS offers platform storage, then the tool opens in the frame without cookies', async () => {
    const page = await blocking.context.newPage();
    const usedBefore = await usedBindings();
    await page.goto(`${lmsUrl()}${COURSE}`);
    await page
      .getByRole('link', { name: 'Launch Tasting Menu as Ana Rivera without cookies', exact: true })
      .click();
    const frame = await toolFrame(page);
    await frame.getByRole('heading', { name: 'The menu' }).waitFor();
    expect(await frame.getByTestId('network').textContent()).toBe('Grade 7 Science — Team Room');
    expect(await frame.locator('.who').textContent()).toContain('Ana Rivera · Teacher');
    expect(new URL(frame.url()).origin).toBe(toolUrl());
    // The launch went through platform storage: its binding was kept at login and used up at launch.
    expect(await usedBindings()).toBe(usedBefore + 1);
    // The tool's browser holds no cookie of its own: the launch owed nothing to cookies.
    expect((await blocking.context.cookies(toolUrl())).length).toBe(0);
    await expectNoAxeViolations(page);

    // The platform's storage frame answers only the tool's origin: the tool frame gets an answer, the LMS page
    // itself (another origin) gets none.
    const probe = (target: Page | Frame) =>
      target.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const timer = setTimeout(() => resolve('no answer'), 1000);
            window.addEventListener('message', (event) => {
              if ((event.data as { message_id?: string })?.message_id === 'probe') {
                clearTimeout(timer);
                resolve('answered');
              }
            });
            const host = window.parent === window ? window : window.parent;
            host.frames[0]?.postMessage({ subject: 'lti.capabilities', message_id: 'probe' }, '*');
          }),
      );
    expect(await probe(frame)).toBe('answered');
    expect(await probe(page)).toBe('no answer');
    await page.close();
  });

  it('when the storage pages render, then they pass axe (checked without their script, which would navigate away)', async () => {
    const still = await blocking.context.newPage();
    const save = platformStoragePages.save({
      next: `${toolUrl()}/sandbox/auth?state=s&nonce=n`,
      platformOrigin: toolUrl(),
      target: 'post_message_forwarding',
      key: 'tasting_menu_state_s',
      value: 'v',
      language: 'en',
    });
    const load = platformStoragePages.load({
      language: 'en',
      action: '/lti/launch',
      platformOrigin: toolUrl(),
      target: 'post_message_forwarding',
      key: 'tasting_menu_state_s',
      fields: { id_token: 'a.b.c', state: 's', lti_storage: '1' },
    });
    // On the tool's origin, so the page finds its stylesheet (/static/page.css).
    await still.goto(`${toolUrl()}/healthz`);
    for (const html of [save, load]) {
      await still.setContent(html.replace('<script src="/static/platform-storage.js"></script>', ''));
      await still.getByRole('heading', { name: 'Opening Tasting Menu…' }).waitFor();
      expect(await still.getByRole('status').textContent()).toMatch(/launch check/);
      await expectNoAxeViolations(still);
    }
    await still.close();
  });

  it('when third-party cookies are blocked and the LMS keeps nothing, then the frame says to open a new window', async () => {
    const page = await blocking.context.newPage();
    // An LMS that names a storage frame but never answers from it.
    await page.route('**/sandbox/storage-frame', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>silent</title>' }),
    );
    await page.goto(`${lmsUrl()}${COURSE}/launch?user=sandbox-ana-rivera&storage=1`);
    const frame = await toolFrame(page);
    expect(await refusalIn(frame)).toBe('STORAGE_VALUE_MISSING');
    expect(await frame.locator('[role="alert"]').textContent()).toContain('new window');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('when third-party cookies are blocked, then the new-window launch works with first-party cookies', async () => {
    const page = await blocking.context.newPage();
    await page.goto(`${lmsUrl()}${COURSE}`);
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page
        .getByRole('link', { name: 'Launch Tasting Menu as Ana Rivera in a new window', exact: true })
        .click(),
    ]);
    await popup.getByRole('heading', { name: 'The menu' }).waitFor();
    expect(new URL(popup.url()).origin).toBe(toolUrl());
    await popup.close();
    await page.close();
  });
});
