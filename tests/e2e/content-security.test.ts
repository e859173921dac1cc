import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession } from '../support/browser/browser';
import { useBrowserTest } from '../support/browser/use-browser-test';
import { launchAs } from '../support/server/api-client';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;

useBrowserTest({}, (test) => {
  ({ server, browser } = test);
});
beforeAll(async () => {
  // Every document, in every frame, reports the CSP violations it sees (the init script is not subject to the CSP).
  await browser.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.documentURI}`,
      );
    });
  });
});

const COURSE = '/sandbox/courses/sandbox-course-7sci';

/** A page that keeps every console error and warning (the browser's own CSP reports among them). */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { page, problems };
}

async function toolFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('iframe[name="tool"]')).contentFrame();
  if (!frame) throw new Error('The sandbox LMS page has no tool frame.');
  return frame;
}

describe('the Content-Security-Policy in Chromium', () => {
  it('when a teacher launches in the LMS frame and uses the app, then the policy allows it all and nothing is blocked', async () => {
    const { page, problems } = await watchedPage();
    const appPolicies: string[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/app/' && r.request().resourceType() === 'document') {
        appPolicies.push(r.headers()['content-security-policy'] ?? '');
      }
    });
    await page.goto(`${server.url}${COURSE}/launch?user=sandbox-ana-rivera`);
    const tool = await toolFrame(page);
    await tool.getByRole('heading', { name: 'The menu' }).waitFor();

    await tool.getByRole('link', { name: 'Add a strategy' }).click();
    await tool.getByRole('heading', { name: 'Add a strategy' }).waitFor();
    await tool.getByLabel('Title').fill('Think, pair, share');
    await tool.getByLabel('What it is for').fill('Every student rehearses an answer with a partner.');
    await tool.getByLabel('Steps').fill('Pose a question\nThink alone\nShare with a partner');
    await tool.getByLabel('Minutes').fill('6');
    await tool.getByLabel('Subject').fill('Science');
    await tool.getByRole('button', { name: 'Add to the menu' }).click();
    await tool.getByRole('heading', { name: 'Think, pair, share' }).waitFor();

    await tool.getByRole('link', { name: 'Open doors' }).click();
    await tool.getByRole('heading', { name: 'Open doors', level: 1 }).waitFor();

    expect(appPolicies.length).toBeGreaterThan(0);
    const frameAncestors = /frame-ancestors ([^;]*)/.exec(appPolicies[0] ?? '')?.[1]?.split(' ') ?? [];
    expect(frameAncestors).toContain(new URL(server.sandbox!.issuer).origin);
    expect(appPolicies[0]).toContain("script-src 'self'");
    expect(problems).toEqual([]);
    await page.close();
  });

  it('when the LMS keeps the launch check in platform storage, then its frames and the tool page run under the policy', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${server.url}${COURSE}/launch?user=sandbox-ben-okafor&storage=1`);
    const tool = await toolFrame(page);
    await tool.getByRole('heading', { name: 'The menu' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('when a teacher inserts a strategy with the editor button, then the app may post its answer to the LMS', async () => {
    const ana = await launchAs(server, 'sandbox-ana-rivera');
    const dana = await launchAs(server, 'sandbox-dana-kim');
    const created = await ana.post('/api/strategies', {
      title: 'Cold call with wait time',
      purpose: 'Every student has time to think before anyone answers.',
      steps: ['Ask', 'Wait five seconds', 'Call on a student'],
      minutes: 5,
      subject: 'Any',
      gradeBand: '6-8',
      tags: ['discussion'],
    });
    await dana.post(`/api/strategies/${created.body.id}/curation`, { action: 'approve' });

    const { page, problems } = await watchedPage();
    await page.goto(`${server.url}${COURSE}`);
    await page.getByRole('link', { name: 'insert as Ana' }).click();
    const tool = await toolFrame(page);
    await tool.getByText('Your LMS asked for a strategy').waitFor();
    await tool.getByRole('link', { name: 'Cold call with wait time' }).click();
    await tool.getByRole('button', { name: 'Add as a link' }).click();
    await tool.getByRole('heading', { name: 'Added to the course' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('when a page on another origin frames the app, then the browser refuses to show it there', async () => {
    // A foreign "LMS" the tool never saw: http://localhost:PORT, while the tool is http://127.0.0.1:PORT. It also
    // frames a tool page that may be framed by anyone (the sandbox), to show the block is the app's policy.
    const lms = createServer((req, res) => {
      const src = req.url === '/control' ? `${server.url}/sandbox` : `${server.url}/app/`;
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><title>Foreign LMS</title><iframe name="tool" src="${src}"></iframe>`);
    });
    await new Promise<void>((resolve) => lms.listen(0, '127.0.0.1', () => resolve()));
    const foreign = `http://localhost:${(lms.address() as AddressInfo).port}`;
    try {
      const { page, problems } = await watchedPage();
      await page.goto(`${foreign}/control`);
      await (await toolFrame(page)).getByRole('heading', { name: 'Your courses' }).waitFor();
      expect(problems).toEqual([]);

      const refused = page.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
      await page.goto(`${foreign}/course`);
      expect((await refused).text()).toMatch(
        /^Framing '.*' violates the following Content Security Policy directive: "frame-ancestors 'self'/,
      );
      const frame = await toolFrame(page);
      await expect.poll(() => frame.url()).toBe('chrome-error://chromewebdata/');
      await page.close();
    } finally {
      lms.close();
    }
  });
});
