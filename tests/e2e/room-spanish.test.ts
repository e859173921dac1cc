import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolInSpanish } from '../support/browser/lms-page';
import { decodeQr } from '../support/browser/qr';
import { doorTomorrow, phoneTab, useRoomTest } from '../support/browser/room';
import type { ApiClient } from '../support/server/api-client';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;
let ana: ApiClient;
let dana: ApiClient;

// Chromium's own language stays English: the room page must follow the person, not the browser. Ben launches only
// from the Spanish LMS.
useRoomTest(['ana', 'dana'], (room) => {
  ({ server, browser, ana, dana } = room);
});

describe('the door sign and the room note mode in Spanish', () => {
  it('when the LMS speaks Spanish, then the door sign and the phone’s room page (in an English browser) are in Spanish and axe finds nothing', {
    timeout: 180_000,
  }, async () => {
    const title = 'Turn and talk';
    const doorId = await doorTomorrow(ana, dana, title, {
      start: '10:00',
      location: 'Room 14',
      lookFor: 'How partners build on each other',
    });

    // The host's door sign, from a launch in Spanish.
    const host = await openToolInSpanish(browser, server, 'sandbox-ana-rivera');
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
    const lms = await openToolInSpanish(browser, server, 'sandbox-ben-okafor');
    await lms.tool.getByRole('navigation').getByRole('link', { name: 'Mis visitas' }).click();
    await lms.tool.getByRole('button', { name: 'Usar mi teléfono en el aula' }).click();
    await lms.tool.getByRole('link', { name: 'Abrir en una pestaña nueva' }).waitFor();
    const signInUrl = await decodeQr(lms.tool.locator('.room-link img.qr'));
    await expectNoAxeViolations(lms.page);

    // The phone, its browser in English: the room page follows the person.
    const phone = await phoneTab(browser);
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
