import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolAs } from '../support/browser/lms-page';
import { useBrowserTest } from '../support/browser/use-browser-test';
import type { ApiClient } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';

/** Screens for docs/rounds.md: `DOCS_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/round-briefing.test.ts`. */
const SCREENSHOTS = process.env.DOCS_SCREENSHOTS === '1';

let server: TestServer;
let browser: BrowserSession;
let ben: ApiClient;
let dana: ApiClient;

const idOf = async (c: ApiClient) => (await c.get('/api/me')).body.person.id as string;

/** The number of pages of a PDF (its /Type /Page objects, not the /Pages tree). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

useBrowserTest({ colleagues: ['ben', 'dana'] }, (test) => {
  ({ server, browser, ben, dana } = test);
});

describe('a round with a briefing', () => {
  it('when the coach writes the briefing and publishes, then a teacher reads it, acknowledges it by keyboard and prints it on one page, and the coach sees 1 of N read', {
    timeout: 240_000,
  }, async () => {
    // Ben and nineteen colleagues visit five rooms: a full-size round, still on one printed page.
    const visitors = [
      await idOf(ben),
      ...(await Promise.all((await colleaguesOf(server, dana, 19, 'Visitor')).map(idOf))),
    ];
    const hosts = await Promise.all((await colleaguesOf(server, dana, 5, 'Host')).map(idOf));
    const draft = await dana.post('/api/rounds', {
      title: 'Building on ideas round',
      focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
      date: daysFromNow(4),
      start: '09:00',
      timeZone: 'America/Chicago',
      participantIds: visitors,
      hostIds: hosts,
      locations: { [hosts[0]!]: 'Room 101', [hosts[1]!]: 'Room 204' },
      lookFor: 'What students say when they build on an idea',
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const roundId = draft.body.id as string;
    const total = visitors.length + hosts.length;

    // The coach opens the round, writes the briefing, then publishes.
    const coach = await openToolAs(browser, server, 'sandbox-dana-kim');
    await coach.tool.getByRole('navigation').getByRole('link', { name: 'Rounds' }).click();
    await coach.tool.getByRole('link', { name: 'Building on ideas round' }).click();
    await coach.tool.getByRole('link', { name: 'Briefing and roles' }).click();
    await coach.tool.getByRole('heading', { name: 'Briefing: Building on ideas round' }).waitFor();
    await coach.tool
      .getByLabel('Why the school chose this focus')
      .fill(
        'In September the staff saw that students rarely answer each other; this term we look at how they do.',
      );
    await coach.tool.getByRole('button', { name: 'Save the briefing' }).click();
    await coach.tool.getByText(/Saved the briefing/).waitFor();
    await expectNoAxeViolations(coach.page);
    await coach.tool.getByRole('link', { name: '← The round' }).click();
    await coach.tool.getByRole('button', { name: 'Publish this round' }).click();
    await coach.tool.getByRole('button', { name: 'Yes, publish' }).click();
    await coach.tool.getByText(/^Published\./).waitFor();

    // Ben finds it from My visits, reads it, and acknowledges it with the keyboard.
    const teacher = await openToolAs(browser, server, 'sandbox-ben-okafor');
    await teacher.tool.getByRole('navigation').getByRole('link', { name: 'My visits' }).click();
    await teacher.tool.getByText('Please read it before the round').first().waitFor();
    await teacher.tool.getByRole('link', { name: 'Round briefing' }).first().click();
    await teacher.tool.getByRole('heading', { name: 'Briefing: Building on ideas round' }).waitFor();
    await teacher.tool.getByText(/students rarely answer each other/).waitFor();
    await teacher.tool
      .getByRole('region', { name: 'Our norms' })
      .getByText(/No names/)
      .waitFor();
    await teacher.tool.getByText(/^You are in group \d/).waitFor();
    await expectNoAxeViolations(teacher.page);
    const ack = teacher.tool.getByRole('button', { name: 'I have read the briefing' });
    await ack.focus();
    await teacher.page.keyboard.press('Enter');
    const thanks = teacher.tool.getByRole('status').filter({ hasText: 'the coach sees that you have read' });
    await thanks.waitFor();
    expect(await thanks.evaluate((el) => el === document.activeElement)).toBe(true);
    await teacher.tool.getByText('You have read this briefing. Thank you.').waitFor();
    await expectNoAxeViolations(teacher.page);

    // Printed on its own (top level, as the print button does inside the frame), it fits one page.
    const print = await browser.context.newPage();
    await print.goto(`${server.url}/app/#session=${ben.token}`);
    await print.getByRole('heading', { name: 'The menu' }).waitFor();
    await print.evaluate((id) => {
      window.location.hash = `#/rounds/${id}/briefing`;
    }, roundId);
    await print.getByRole('heading', { name: 'Briefing: Building on ideas round' }).waitFor();
    for (const format of ['Letter', 'A4'] as const) {
      const pdf = await print.pdf({ format, printBackground: true });
      expect(pageCount(pdf), `the briefing prints on one ${format} page`).toBe(1);
    }
    await print.emulateMedia({ media: 'print' });
    expect(await print.getByRole('button', { name: 'Print on one page' }).isVisible()).toBe(false);
    expect(await print.getByRole('navigation').isVisible()).toBe(false);
    await print.emulateMedia({ media: 'screen' });

    // The coach sees who has read it: one of everyone in the round, and who.
    await coach.tool.getByRole('link', { name: 'Briefing and roles' }).click();
    const readers = coach.tool.getByRole('region', { name: 'Who has read it' });
    await readers.getByText(`1 of ${total}`).waitFor();
    expect(await readers.locator('dt', { hasText: 'Read it' }).textContent()).toBe('Read it (1)');
    expect(await readers.locator('dd').first().textContent()).toBe('Ben Okafor');
    await readers.getByText(`Not yet (${total - 1})`).waitFor();
    await expectNoAxeViolations(coach.page);
    if (SCREENSHOTS) {
      await print.setViewportSize({ width: 900, height: 1200 });
      await print.locator('article.briefing').screenshot({ path: 'docs/images/round-briefing.png' });
      const coachPage = await browser.context.newPage();
      await coachPage.setViewportSize({ width: 900, height: 1200 });
      await coachPage.goto(`${server.url}/app/#session=${dana.token}`);
      await coachPage.getByRole('heading', { name: 'The menu' }).waitFor();
      await coachPage.evaluate((id) => {
        window.location.hash = `#/rounds/${id}/briefing`;
      }, roundId);
      const who = coachPage.getByRole('region', { name: 'Who has read it' });
      await who.getByText(`1 of ${total}`).waitFor();
      await who.screenshot({ path: 'docs/images/round-briefing-readers.png' });
    }
  });
});
