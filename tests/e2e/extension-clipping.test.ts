import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations, launchBrowser } from '../support/browser/browser';
import { freePort } from '../support/server/free-port';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';

/** Pair the extension through the sandbox LMS, clip from a course page, and survive the server going away. */
let database: TestDatabase;
let server: TestServer | undefined;
let browser: BrowserSession;
let port: number;
let base: string;

async function startServer() {
  server = await startTestServer({ database, config: { port, publicUrl: base } });
}

beforeAll(async () => {
  database = await createTestDatabase();
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await startServer();
  browser = await launchBrowser({ extension: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

async function lmsAs(user: string): Promise<Frame> {
  const page = await browser.context.newPage();
  await page.goto(`${base}/sandbox/courses/sandbox-course-7sci/launch?user=${user}`);
  const tool = (await (await page.waitForSelector('iframe[name="tool"]')).contentFrame())!;
  await tool.getByRole('heading', { name: 'The menu' }).waitFor();
  return tool;
}

async function clip(title: string) {
  const page = await browser.context.newPage();
  const text = `${title}\n1. Students write one thing they notice\n2. Partners compare`;
  const q = new URLSearchParams({
    text,
    title: 'Warm-up: Think–Pair–Share',
    url: `${base}/sandbox/courses/sandbox-course-7sci/pages/think-pair-share-warm-up`,
  });
  await page.goto(`chrome-extension://${browser.extensionId}/clip.html?${q}`);
  expect(await page.getByLabel('Title').inputValue()).toBe(title);
  expect(await page.getByLabel('Steps').inputValue()).toBe(
    'Students write one thing they notice\nPartners compare',
  );
  await page.getByLabel('What it is for').fill('Every student talks about evidence first.');
  await page.getByLabel('Subject').fill('Science');
  await page.getByLabel('Tags').fill('warm-up');
  return page;
}

describe('clipping with the extension', () => {
  it('when the teacher pairs in the LMS and clips a selection, then the coach sees it in the review queue', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const address = options.getByLabel("Your school's Tasting Menu address");
    // The saved (or default) address arrives once the background answers: the extension is ready.
    await expect.poll(() => address.inputValue(), { timeout: 15_000 }).not.toBe('');
    await address.fill(base);
    await options.getByRole('button', { name: 'Save and check' }).click();
    await options.getByText(`Connected to ${base}`).waitFor();
    await options.getByRole('button', { name: 'Pair with Tasting Menu' }).click();
    const code = (await options.getByTestId('pairing-code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expectNoAxeViolations(options);

    const ana = await lmsAs('sandbox-ana-rivera');
    await ana.getByRole('link', { name: 'Browser extension' }).click();
    await ana.getByLabel('Pairing code').fill(code);
    await ana.getByRole('button', { name: 'Pair this browser' }).click();
    await ana.getByText(/Paired: Chrome on Linux/).waitFor();
    await options
      .getByText('Paired as Ana Rivera (Grade 7 Science — Team Room).')
      .waitFor({ timeout: 15_000 });

    // Bad input first: messages per field, nothing lost.
    const page = await clip('Think–Pair–Share with a data card');
    await page.getByLabel('Minutes').fill('40');
    await page.getByRole('button', { name: 'Save clip' }).click();
    await page.getByText('Please fix the fields marked below').waitFor();
    expect(await page.getByLabel('Minutes').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Minutes').fill('10');
    await page.getByRole('button', { name: 'Save clip' }).click();
    await page.getByText('Sent to your school’s menu').waitFor();
    await expectNoAxeViolations(page);

    const dana = await lmsAs('sandbox-dana-kim');
    await dana.getByRole('link', { name: 'Review queue' }).click();
    await dana.getByRole('link', { name: 'Think–Pair–Share with a data card' }).waitFor();
  });

  it('when the teacher clips from the side panel, then it is sent and the panel is accessible', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await panel.getByRole('heading', { name: 'Add to the tasting menu' }).waitFor();
    await panel.getByLabel('Title').fill('Gallery walk with sticky notes');
    await panel
      .getByLabel('What it is for')
      .fill('Students read each other’s work and leave one question each.');
    await panel.getByLabel('Steps').fill('Post the work\nWalk and read\nLeave one question');
    await panel.getByLabel('Subject').fill('Any');
    await panel.getByRole('button', { name: 'Save clip' }).click();
    await panel.getByText('Sent to your school’s menu').waitFor();
    await expectNoAxeViolations(panel);
    await panel.getByRole('button', { name: 'Read the page again' }).click();
    await expect.poll(() => panel.getByLabel('What it is for').inputValue()).toBe('');
  });

  it('when the server is down while clipping and the browser restarts, then the clip waits and is sent exactly once when the server is back', async () => {
    await server!.close();
    server = undefined;
    const page = await clip('Exit ticket while offline');
    await page.getByRole('button', { name: 'Save clip' }).click();
    await page.getByText(/Saved in this browser/).waitFor();

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByText('1 clip waiting to be sent.').waitFor();
    await expectNoAxeViolations(popup);
    await popup.close();

    // The teacher quits the browser and opens it again: the outbox (IndexedDB) and the pairing are still there.
    browser = await browser.restart();
    const reopened = await browser.context.newPage();
    await reopened.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await reopened.getByText('1 clip waiting to be sent.').waitFor();
    await reopened.close();

    await startServer();
    const again = await browser.context.newPage();
    await again.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await again.getByText('No clips waiting to be sent.').waitFor();
    await again.getByText('Exit ticket while offline').waitFor();
    // Send once more: the server already has it, so nothing new is created.
    await again.reload();
    await again.getByText('No clips waiting to be sent.').waitFor();
    const rows = await server!.database.db
      .selectFrom('strategies')
      .select('id')
      .where('title', '=', 'Exit ticket while offline')
      .execute();
    expect(rows).toHaveLength(1);
  });
});
