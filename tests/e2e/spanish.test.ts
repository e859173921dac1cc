import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolInSpanish } from '../support/browser/lms-page';
import { useBrowserTest } from '../support/browser/use-browser-test';
import type { ApiClient } from '../support/server/api-client';
import { daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';
import { visitHappened } from '../support/server/visit-happened';

let server: TestServer;
let browser: BrowserSession;
let ana: ApiClient;
let ben: ApiClient;
let dana: ApiClient;

useBrowserTest({ colleagues: ['ana', 'ben', 'dana'] }, (test) => {
  ({ server, browser, ana, ben, dana } = test);
});

describe('the interface in Spanish', () => {
  it('when the LMS launches with locale es-419, then the menu, a door, a note and the picture are in Spanish and axe finds nothing', async () => {
    const strategyId = await approvedStrategy(ana, dana, { title: 'Turn and talk', tags: ['discussion'] });
    const door = (days: number) =>
      ana.post('/api/doors', {
        strategyId,
        date: daysFromNow(days),
        start: '09:00',
        timeZone: 'UTC',
        location: 'Room 12',
        lookFor: 'How partners build on each other',
      });
    // A visit that already happened, to write about; and a door still to come, to book.
    const past = await door(4);
    const visit = await ben.post('/api/visits', { doorId: past.body.items[0].id });
    expect(visit.status).toBe(201);
    await visitHappened(server, past.body.items[0].id);
    expect((await door(6)).status).toBe(201);

    // The menu.
    const { page, tool } = await openToolInSpanish(browser, server, 'sandbox-ben-okafor');
    expect(await tool.evaluate(() => document.documentElement.lang)).toBe('es-419');
    await tool.getByRole('link', { name: 'Puertas abiertas' }).waitFor();
    expect(await tool.getByLabel('Idioma').inputValue()).toBe('es');
    await tool.getByRole('button', { name: 'Buscar' }).waitFor();
    await expectNoAxeViolations(page);

    // A door: booked from the strategy's page, then the week of open doors.
    await tool.getByRole('link', { name: 'Turn and talk' }).click();
    await tool.getByRole('heading', { name: 'Pasos' }).waitFor();
    await tool.getByRole('button', { name: 'Reservar un lugar' }).click();
    await tool.getByText('Reservado. Esta visita está en Mis visitas.').waitFor();
    await tool.getByText('Tienes una reserva.').waitFor();
    await expectNoAxeViolations(page);
    await tool.getByRole('navigation').getByRole('link', { name: 'Puertas abiertas' }).click();
    await tool.getByRole('heading', { name: 'Puertas abiertas' }).waitFor();
    await tool.getByRole('button', { name: 'Semana siguiente →' }).waitFor();
    await expectNoAxeViolations(page);

    // A note: the linter answers in Spanish, with Spanish rules, and a name blocks the save.
    await tool.getByRole('navigation').getByRole('link', { name: 'Mis visitas' }).click();
    await tool.getByRole('link', { name: 'Escribir notas' }).click();
    await tool.getByRole('heading', { name: 'Escribir una nota' }).waitFor();
    const box = tool.getByLabel(/Tu nota:/);
    await box.fill('Excelente clase de Ana Rivera.');
    await tool.getByText(/cosas? que reformular/).waitFor();
    await tool.locator('.flag-words', { hasText: 'Ana Rivera' }).waitFor();
    await tool.locator('.flag-words', { hasText: 'Excelente' }).waitFor();
    expect(await tool.locator('.flags').textContent()).toContain('es un nombre');
    await expectNoAxeViolations(page);
    await tool.getByRole('button', { name: 'Guardar nota' }).click();
    await tool.getByText('Quita primero los nombres.').waitFor();
    const evidence = 'Los estudiantes se giraron hacia su pareja y cada uno explicó un paso de la gráfica.';
    await box.fill(evidence);
    await tool.getByText('Nada señalado: ni nombres, ni juicios, ni suposiciones.').waitFor();
    await tool.getByRole('button', { name: 'Guardar nota' }).click();
    await tool.getByRole('heading', { name: 'Tus notas de esta visita' }).waitFor();
    await tool.getByText(evidence).waitFor();
    await expectNoAxeViolations(page);

    // The picture, for the coach.
    const coach = await openToolInSpanish(browser, server, 'sandbox-dana-kim');
    await coach.tool.getByRole('link', { name: 'Panorama de la escuela' }).click();
    await coach.tool.getByRole('heading', { name: 'Panorama de la escuela' }).waitFor();
    await coach.tool.getByText(/al menos 3 visitas en 3 aulas distintas/).waitFor();
    await coach.tool.getByRole('heading', { name: 'Cuánto tiempo se guardan las notas' }).waitFor();
    await expectNoAxeViolations(coach.page);

    // The language switch: English at once, and remembered for Ben's next launch despite the LMS's es-419.
    await tool.getByLabel('Idioma').selectOption('en');
    await tool.getByRole('navigation').getByRole('link', { name: 'Open doors' }).waitFor();
    await expect.poll(async () => (await ben.get('/api/me')).body.person.language).toBe('en');
    const again = await browser.context.newPage();
    await again.goto(
      `${server.url}/sandbox/courses/sandbox-course-7sci/launch?user=sandbox-ben-okafor&locale=es-419`,
    );
    const frame = (await (await again.waitForSelector('iframe[name="tool"]')).contentFrame())!;
    await frame.getByRole('heading', { name: 'The menu' }).waitFor();
  });
});
