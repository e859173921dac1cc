import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { useBrowserTest } from '../support/browser/use-browser-test';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;

useBrowserTest({}, (test) => {
  ({ server, browser } = test);
});

async function toolFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[name="tool"]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The sandbox LMS page has no tool frame.');
  return frame;
}

describe('launching Tasting Menu from the sandbox LMS in Chromium', () => {
  it('when a teacher launches from the course page, then the tool in the LMS frame greets them in their course', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci`);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Launch Tasting Menu as Ana Rivera', exact: true }).click();
    const frame = await toolFrame(page);
    await frame.getByRole('heading', { name: 'The menu' }).waitFor();
    expect(await frame.getByTestId('network').textContent()).toBe('Grade 7 Science — Team Room');
    expect(await frame.locator('.who').textContent()).toContain('Ana Rivera · Teacher');
    expect(frame.url()).toBe(`${server.url}/app/`);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('when a coach launches using only the keyboard, then the tool shows the coach view', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci`);
    const link = page.getByRole('link', { name: 'Launch Tasting Menu as Dana Kim', exact: true });
    for (let i = 0; i < 30 && !(await link.evaluate((el: Element) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await link.evaluate((el: Element) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const frame = await toolFrame(page);
    await frame.getByRole('heading', { name: 'The menu' }).waitFor();
    expect(await frame.locator('.who').textContent()).toContain('Dana Kim · Coach');
    await frame.getByRole('link', { name: 'Review queue' }).waitFor();
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('when a coach opens Settings, then it shows which LMS roles make a coach and what the LMS sends for each', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci`);
    await page.getByRole('link', { name: 'Launch Tasting Menu as Dana Kim', exact: true }).click();
    const frame = await toolFrame(page);
    await frame.getByRole('link', { name: 'Settings' }).click();
    const roles = frame.getByRole('group', { name: 'Which LMS roles make a coach?' });
    await roles.waitFor();
    expect(await roles.getByRole('checkbox', { name: 'Course designer' }).isChecked()).toBe(true);
    const admins = roles.getByRole('checkbox', { name: 'Any school or district administrator' });
    expect(await admins.isChecked()).toBe(false);
    expect(await roles.textContent()).toContain('every account role, custom ones included');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('when a student launches, then the frame shows the teachers-only page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/launch?user=sandbox-sam-student`);
    const frame = await toolFrame(page);
    await frame.getByRole('heading', { name: 'Tasting Menu is for teachers' }).waitFor();
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('when the app is opened without a launch, then it says how to open it from the course', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/app/`);
    await page.getByRole('heading', { name: 'Open Tasting Menu from your course' }).waitFor();
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('when the app is 320 px wide, then nothing overflows sideways', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-ben-okafor`);
    await page.getByRole('heading', { name: 'The menu' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('when a page has an accessibility violation, then the axe check fails (the check itself can fail)', async () => {
    const page = await browser.context.newPage();
    await page.setContent('<html><body><img src="x.png"><button></button></body></html>');
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt/);
    await page.close();
  });
});
