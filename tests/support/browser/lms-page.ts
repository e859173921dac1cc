import type { Frame, Page } from 'playwright-core';
import type { TestServer } from '../server/test-server';
import type { BrowserSession } from './browser';

/** Opens Tasting Menu from the sandbox course as `user`, as an LMS would: the LMS page and the tool's frame. */
export async function openToolAs(
  browser: BrowserSession,
  server: TestServer,
  user: string,
): Promise<{ page: Page; tool: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/launch?user=${user}`);
  const tool = (await (await page.waitForSelector('iframe[name="tool"]')).contentFrame())!;
  await tool.getByRole('heading', { name: 'The menu' }).waitFor();
  return { page, tool };
}
