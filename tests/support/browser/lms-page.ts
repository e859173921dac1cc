import type { Frame, Page } from 'playwright-core';
import type { TestServer } from '../server/test-server';
import type { BrowserSession } from './browser';

/** Opens Tasting Menu from the sandbox course as `user`, as an LMS would: the LMS page and the tool's frame. */
export function openToolAs(
  browser: BrowserSession,
  server: TestServer,
  user: string,
): Promise<{ page: Page; tool: Frame }> {
  return openTool(
    browser,
    `${server.url}/sandbox/courses/sandbox-course-7sci/launch?user=${user}`,
    'The menu',
  );
}

/** Opens Tasting Menu from the sandbox course as an LMS set to Latin-American Spanish would (locale es-419). */
export function openToolInSpanish(
  browser: BrowserSession,
  server: TestServer,
  user: string,
): Promise<{ page: Page; tool: Frame }> {
  return openTool(
    browser,
    `${server.url}/sandbox/courses/sandbox-course-7sci/launch?user=${user}&locale=es-419`,
    'El menú',
  );
}

/** The LMS page at `launchUrl`, once the tool in its frame shows the menu's heading. */
async function openTool(
  browser: BrowserSession,
  launchUrl: string,
  menuHeading: string,
): Promise<{ page: Page; tool: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(launchUrl);
  const tool = (await (await page.waitForSelector('iframe[name="tool"]')).contentFrame())!;
  await tool.getByRole('heading', { name: menuHeading }).waitFor();
  return { page, tool };
}

/**
 * Reloads the tool's frame and resolves once the new document has loaded. `frame.evaluate(() => location.reload())`
 * returns before the old document goes, so a locator awaited right after it could match the old page's element and
 * read its stale text (the district page's crossed-visits count read "0" that way now and then).
 */
export async function reloadFrame(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    (window as { beforeReload?: boolean }).beforeReload = true;
    window.location.reload();
  });
  await frame.waitForFunction(
    () => !(window as { beforeReload?: boolean }).beforeReload && document.readyState === 'complete',
  );
}
