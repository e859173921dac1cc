import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { useBrowserTest } from '../support/browser/use-browser-test';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;

// As under `npm start`: the server seeds the demo school before it serves the sandbox page.
useBrowserTest({ server: { config: { demoSchool: true } } }, (test) => {
  ({ server, browser } = test);
});

describe('the demo school in the sandbox LMS', () => {
  it('when a teacher launches the demo school from the sandbox page, then a full menu shows without any typing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/sandbox`);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Launch the demo school as Ana Rivera, a teacher' }).click();
    const frame = await (await page.waitForSelector('iframe[name="tool"]')).contentFrame();
    if (!frame) throw new Error('The sandbox LMS page has no tool frame.');
    await frame.getByRole('heading', { name: 'The menu' }).waitFor();
    await frame.getByText('Think–Pair–Share with a data card').first().waitFor();
    expect(await frame.getByTestId('network').textContent()).toBe('Maple Grove Middle School — Staff Room');
    expect(await frame.locator('ul.cards > li').count()).toBeGreaterThanOrEqual(20);
    expect(await frame.getByText('The menu is empty so far').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('when a teacher opens the open doors, then the door happening now is marked and the screen passes axe', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-demo`);
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-demo/initiate?user=sandbox-ana-rivera`);
    await page.getByRole('heading', { name: 'The menu' }).waitFor();
    await page.getByRole('link', { name: 'Open doors' }).click();
    const now = page.locator('li.door', { hasText: 'Happening now' });
    await now.first().waitFor();
    expect(await now.first().textContent()).toContain('You are booked.');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('when someone uses only the keyboard, then they reach the coach launch and the reset button', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/sandbox`);
    const focused = async (name: string, role: 'link' | 'button') => {
      const target = page.getByRole(role, { name });
      for (let i = 0; i < 20 && !(await target.evaluate((el: Element) => el === document.activeElement)); i++)
        await page.keyboard.press('Tab');
      return target.evaluate((el: Element) => el === document.activeElement);
    };
    expect(await focused('Launch the demo school as Dana Kim, the coach', 'link')).toBe(true);
    expect(await focused('Reset demo school', 'button')).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('The demo school was reset.').waitFor();
    await expectNoAxeViolations(page);
    await page.close();
  });
});
