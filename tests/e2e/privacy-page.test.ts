import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { useBrowserTest } from '../support/browser/use-browser-test';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;

useBrowserTest({}, (test) => {
  ({ server, browser } = test);
});

describe('the privacy page in Chromium', () => {
  it('when a Spanish-speaking browser opens /privacy, then it reads in Spanish, switches to English and axe finds nothing in either', async () => {
    const page = await browser.context.newPage();
    await page.setExtraHTTPHeaders({ 'accept-language': 'es-419,es;q=0.9' });
    await page.goto(`${server.url}/privacy`);
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Privacidad: qué guarda Tasting Menu, durante cuánto tiempo y quién puede leerlo',
      })
      .waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.getByRole('columnheader', { name: 'quién puede leerlo' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Privacy: what Tasting Menu stores, for how long, and who can read it',
      })
      .waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectNoAxeViolations(page);
    await page.close();
  });
});
