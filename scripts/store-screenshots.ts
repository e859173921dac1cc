/**
 * The extension's store screenshots (`npm run screenshots` calls this): Chrome Web Store size, 1280×800, 24-bit PNG
 * without alpha, written to docs/images/store/ and shown in docs/extension.md. Each is made from the real built
 * extension and a realistic page: the teacher blog the clipping tests read (tests/unit/extension/fixtures), with the
 * side panel's clip form beside it or the popup over it, and the options page once paired.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { BrowserSession } from '../tests/support/browser/browser';

export const STORE_SIZE = { width: 1280, height: 800 } as const;
export const STORE_DIR = 'docs/images/store';
export const STORE_SHOTS = [
  'store-1-clip-side-panel.png',
  'store-2-popup.png',
  'store-3-options-paired.png',
] as const;

/** The width of Chrome's side panel beside the page in the first picture. */
const PANEL_WIDTH = 400;
const BLOG = 'tests/unit/extension/fixtures/clip-teacher-blog.html';
const BLOG_URL = 'https://mr-alvarez-teaches.example/2026/01/whiteboard-retrieval-warm-up/';
const BLOG_TITLE = 'Whiteboard Retrieval Warm-Up – Mr. Alvarez Teaches Science';

/** A plain WordPress-like look for the fixture, which carries no theme of its own. */
const BLOG_STYLE = `
  body { margin: 0; font: 17px/1.6 Georgia, 'DejaVu Serif', serif; color: #222; background: #fff; }
  .site-header { display: flex; justify-content: space-between; align-items: center; padding: 14px 32px;
    border-bottom: 1px solid #ddd; font-family: 'DejaVu Sans', sans-serif; }
  .site-title a { color: #1a4d2e; font-weight: bold; text-decoration: none; font-size: 20px; }
  .menu { list-style: none; display: flex; gap: 20px; margin: 0; padding: 0; }
  .menu a { color: #333; text-decoration: none; font-size: 15px; }
  .skip-link { position: absolute; left: -9999px; }
  .ad-slot, .ad-inline, .ad-sidebar { background: #f4f4f4; border: 1px dashed #bbb; padding: 10px; margin: 14px 32px;
    font: 13px 'DejaVu Sans', sans-serif; color: #666; }
  .ad-label { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; }
  .site-content { display: flex; gap: 32px; padding: 0 32px; }
  .site-main { flex: 1; max-width: 680px; }
  .widget-area { width: 220px; font: 14px 'DejaVu Sans', sans-serif; }
  .entry-title { font-size: 34px; line-height: 1.2; margin: 18px 0 4px; }
  .entry-meta { color: #777; font: 13px 'DejaVu Sans', sans-serif; }
  h2 { font-size: 22px; margin: 22px 0 6px; }
  .ad-inline { margin: 14px 0; }
`;

/** Writes the store screenshots. `pair` confirms the code the options page shows, as a teacher does in the LMS. */
export async function storeScreenshots(
  browser: BrowserSession,
  serverUrl: string,
  pair: (code: string) => Promise<void>,
): Promise<void> {
  mkdirSync(STORE_DIR, { recursive: true });
  const id = browser.extensionId;
  if (!id) throw new Error('Store screenshots need the built extension (npm run build).');
  const blogHtml = readFileSync(BLOG, 'utf8');

  /** The teacher's blog post at `width`, from its title, with the steps of "How to run it" selected. */
  async function blogShot(width: number): Promise<Buffer> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: STORE_SIZE.height });
    await page.setContent(blogHtml, { waitUntil: 'domcontentloaded' });
    await page.addStyleTag({ content: BLOG_STYLE });
    await page.evaluate(() => {
      const list = document.querySelector('.entry-content ol');
      document.querySelector('.entry-title')?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -16);
      if (list) window.getSelection()?.selectAllChildren(list);
    });
    const shot = await page.screenshot();
    await page.close();
    return shot;
  }

  // 3 first: the options page, paired with the school's Tasting Menu (the popup and the form then show it paired).
  const options = await browser.context.newPage();
  await options.setViewportSize(STORE_SIZE);
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByLabel("Your school's Tasting Menu address").fill(serverUrl);
  await options.getByRole('button', { name: 'Save and check' }).click();
  await options.getByText('Connected to').waitFor();
  await options.getByRole('button', { name: 'Pair with Tasting Menu' }).click();
  await pair((await options.getByTestId('pairing-code').textContent())!.trim());
  await options.getByText(/Paired as/).waitFor({ timeout: 30_000 });
  await options.screenshot({ path: `${STORE_DIR}/${STORE_SHOTS[2]}` });
  await options.close();

  // 1. Clipping from a page: the blog post with its steps selected, and the side panel's clip form beside it.
  // The selected steps: the items of the post's ordered list ("How to run it").
  const ordered = /<ol class="wp-block-list">([\s\S]*?)<\/ol>/.exec(blogHtml)?.[1] ?? '';
  const steps = [...ordered.matchAll(/<li>([^<]+)<\/li>/g)].map((m) => m[1]!);
  if (steps.length === 0) throw new Error(`${BLOG} has no ordered list of steps.`);
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: PANEL_WIDTH, height: STORE_SIZE.height });
  const q = new URLSearchParams({
    text: steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
    heading: 'How to run it',
    title: BLOG_TITLE,
    url: BLOG_URL,
  });
  await panel.goto(`chrome-extension://${id}/clip.html?${q}`);
  await panel.getByLabel('Title').fill('Whiteboard retrieval warm-up');
  await panel.getByLabel('What it is for').fill('Retrieval practice that shows the whole class at a glance.');
  await panel.getByLabel('Subject').fill('Science');
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const clipForm = await panel.screenshot();
  await panel.close();
  await compose(browser, STORE_SHOTS[0], [
    { png: await blogShot(STORE_SIZE.width - PANEL_WIDTH), left: 0, top: 0 },
    { png: clipForm, left: STORE_SIZE.width - PANEL_WIDTH, top: 0, edge: 'left' },
  ]);

  // 2. The popup over the same page: connected and paired, with the way to the side panel.
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 100 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByText('Connected to').waitFor();
  await popup.waitForFunction(() => !document.body.textContent?.includes('Pair this browser'));
  const popupShot = await popup.screenshot({ fullPage: true });
  await popup.close();
  await compose(browser, STORE_SHOTS[1], [
    { png: await blogShot(STORE_SIZE.width), left: 0, top: 0 },
    { png: popupShot, left: STORE_SIZE.width - 360 - 24, top: 8, edge: 'shadow' },
  ]);
}

interface Layer {
  png: Buffer;
  left: number;
  top: number;
  /** A side panel's border on its left, or a popup's drop shadow. */
  edge?: 'left' | 'shadow';
}

/** Lays screenshots over each other on one 1280×800 page and saves it (a screenshot: RGB, no alpha). */
async function compose(browser: BrowserSession, name: string, layers: Layer[]): Promise<void> {
  const page: Page = await browser.context.newPage();
  await page.setViewportSize(STORE_SIZE);
  const images = layers
    .map((l) => {
      const edge =
        l.edge === 'left'
          ? 'border-left:1px solid #c7c7c7;'
          : l.edge === 'shadow'
            ? 'box-shadow:0 4px 18px rgba(0,0,0,.35);border-radius:8px;'
            : '';
      return `<img alt="" src="data:image/png;base64,${l.png.toString('base64')}" style="position:absolute;left:${l.left}px;top:${l.top}px;${edge}">`;
    })
    .join('');
  await page.setContent(
    `<!doctype html><html><body style="margin:0;width:${STORE_SIZE.width}px;height:${STORE_SIZE.height}px;overflow:hidden;background:#fff;position:relative">${images}</body></html>`,
  );
  await page.screenshot({ path: `${STORE_DIR}/${name}` });
  await page.close();
}
