import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { useBrowserTest } from '../support/browser/use-browser-test';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;

useBrowserTest({ browser: { extension: true, lang: 'es' } }, (test) => {
  ({ server, browser } = test);
});

describe('the extension in a Spanish browser', () => {
  it('when Chromium speaks Spanish, then Options and the popup do too (browser.i18n), and axe finds nothing', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Opciones de Tasting Menu' }).waitFor();
    await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toMatch(/^es/);
    const field = options.getByLabel('La dirección de Tasting Menu de tu escuela');
    await field.fill(`${server.url}/`);
    await options.getByRole('button', { name: 'Guardar y comprobar' }).click();
    await options.getByText(`Conectado a ${server.url} (versión 0.1.0)`).waitFor();
    await options.getByRole('button', { name: 'Vincular con Tasting Menu' }).waitFor();
    await expectNoAxeViolations(options);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('heading', { name: 'Mis recortes' }).waitFor();
    expect(await popup.getByTestId('outbox').textContent()).toBe('No hay recortes esperando a enviarse.');
    await expectNoAxeViolations(popup);
  });
});
