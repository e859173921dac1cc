import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations, launchBrowser } from '../support/browser/browser';
import { decodeQr } from '../support/browser/qr';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { builtAppAssets } from '../support/server/built-app';
import { daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/** A phone's screen. */
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: BrowserSession;
let ana: ApiClient;
let dana: ApiClient;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  await builtAppAssets();
  // Chromium's own language stays English: the room page must follow the person, not the browser.
  browser = await launchBrowser();
  ana = await launchAs(server, 'sandbox-ana-rivera');
  dana = await launchAs(server, 'sandbox-dana-kim');
});
afterAll(async () => {
  await browser?.close();
});

/** Opens Tasting Menu from the sandbox course as an LMS set to Latin-American Spanish would (locale es-419). */
async function openInSpanish(user: string): Promise<{ page: Page; tool: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/launch?user=${user}&locale=es-419`);
  const tool = (await (await page.waitForSelector('iframe[name="tool"]')).contentFrame())!;
  await tool.getByRole('heading', { name: 'El menú' }).waitFor();
  return { page, tool };
}

describe('the door sign and the room note mode in Spanish', () => {
  it('when the LMS speaks Spanish, then the door sign and the phone’s room page (in an English browser) are in Spanish and axe finds nothing', {
    timeout: 180_000,
  }, async () => {
    const title = 'Turn and talk';
    const strategyId = await approvedStrategy(ana, dana, { title });
    const created = await ana.post('/api/doors', {
      strategyId,
      date: daysFromNow(1),
      start: '10:00',
      timeZone: 'UTC',
      location: 'Room 14',
      lookFor: 'How partners build on each other',
    });
    expect(created.status).toBe(201);
    const doorId = created.body.items[0].id as string;

    // The host's door sign, from a launch in Spanish.
    const host = await openInSpanish('sandbox-ana-rivera');
    await host.tool.evaluate((id) => {
      window.location.hash = `#/doors/${id}/sign`;
    }, doorId);
    await host.tool.getByRole('heading', { name: 'Cartel de la puerta' }).waitFor();
    const sign = host.tool.getByRole('article', { name: 'El cartel de la puerta' });
    await sign.getByText('Pasa: estoy trabajando en').waitFor();
    await sign.getByText('Fíjate en:').waitFor();
    await sign
      .getByText('Las notas describen lo que los estudiantes y yo decimos y hacemos.', { exact: false })
      .waitFor();
    await host.tool.getByRole('button', { name: 'Imprimir el cartel' }).waitFor();
    await expectNoAxeViolations(host.page);
    const scanned = await decodeQr(sign.locator('img.qr'));

    // A visitor whose LMS speaks Spanish takes a sign-in link for the phone from My visits.
    const lms = await openInSpanish('sandbox-ben-okafor');
    await lms.tool.getByRole('navigation').getByRole('link', { name: 'Mis visitas' }).click();
    await lms.tool.getByRole('button', { name: 'Usar mi teléfono en el aula' }).click();
    await lms.tool.getByRole('link', { name: 'Abrir en una pestaña nueva' }).waitFor();
    const signInUrl = await decodeQr(lms.tool.locator('.room-link img.qr'));
    await expectNoAxeViolations(lms.page);

    // The phone, its browser in English: the room page follows the person.
    const phone = await browser.context.newPage();
    await phone.setViewportSize(PHONE);
    expect(await phone.evaluate(() => navigator.language)).toMatch(/^en/);
    await phone.goto(signInUrl);
    await phone.getByRole('heading', { name: 'Iniciaste sesión' }).waitFor();
    await phone.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('es-419');
    await expectNoAxeViolations(phone);

    // It scans the door sign: the door, in Spanish.
    await phone.goto(scanned);
    await phone.getByRole('heading', { name: title }).waitFor();
    await phone.getByText(/ · Room 14 · anfitrión: Ana Rivera$/).waitFor();
    await phone.getByRole('button', { name: 'Unirme y escribir notas' }).waitFor();
    await expectNoAxeViolations(phone);
  });
});
