import ICAL from 'ical.js';
import type { Frame } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startOfWeek } from '../../shared/zoned-time';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolAs } from '../support/browser/lms-page';
import { useBrowserTest } from '../support/browser/use-browser-test';
import { launchAs } from '../support/server/api-client';
import { daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;
const TITLE = 'Sentence frames for academic talk';

useBrowserTest({}, (test) => {
  ({ server, browser } = test);
});
beforeAll(async () => {
  // Ana's strategy is on the menu already (adding and approving it is covered in menu.test.ts).
  const ana = await launchAs(server, 'sandbox-ana-rivera');
  const dana = await launchAs(server, 'sandbox-dana-kim');
  await approvedStrategy(ana, dana, { title: TITLE });
});

const openAs = (user: string) => openToolAs(browser, server, user);

async function strategyPage(tool: Frame) {
  await tool.getByRole('link', { name: 'Menu', exact: true }).click();
  await tool.getByRole('link', { name: TITLE }).click();
  await tool.getByRole('heading', { name: TITLE }).waitFor();
}

async function feedEvents(url: string) {
  const res = await fetch(`${server.url}${new URL(url).pathname}`);
  const cal = new ICAL.Component(ICAL.parse(await res.text()));
  return cal.getAllSubcomponents('vevent').map((v) => ({
    summary: String(v.getFirstPropertyValue('summary')),
    status: String(v.getFirstPropertyValue('status')),
    sequence: Number(v.getFirstPropertyValue('sequence')),
  }));
}

describe('sampling visits in the LMS', () => {
  it('when a host opens a door, two colleagues book, a third finds it full and the host cancels, then the visitors see the cancellation in the tool and their calendar feed', async () => {
    const ana = await openAs('sandbox-ana-rivera');
    await strategyPage(ana.tool);
    await ana.tool.getByRole('link', { name: 'Open your door for this strategy' }).click();
    await ana.tool.getByRole('heading', { name: /Open your door/ }).waitFor();
    // Bad input first: the message sits by its field and nothing typed is lost.
    await ana.tool.getByLabel('Room or link').fill('Room 12');
    await ana.tool.getByLabel('Seats').fill('9');
    await ana.tool.getByRole('button', { name: 'Open my door' }).click();
    await ana.tool.getByText(/At most 6 visitors/).waitFor();
    expect(await ana.tool.getByLabel('Room or link').inputValue()).toBe('Room 12');
    await expectNoAxeViolations(ana.page);
    await ana.tool.getByLabel('Date').fill(daysFromNow(3));
    await ana.tool.getByLabel('Start time').fill('09:15');
    await ana.tool.getByLabel('Seats').fill('2');
    await ana.tool
      .getByLabel('“Look for” prompt (optional)')
      .fill('Notice how students use the sentence frames');
    await ana.tool.getByRole('button', { name: 'Open my door' }).click();
    await ana.tool.getByRole('heading', { name: 'Open doors' }).waitFor();
    await ana.tool.getByText('Notice how students use the sentence frames').first().waitFor();
    await expectNoAxeViolations(ana.page);

    const ben = await openAs('sandbox-ben-okafor');
    await strategyPage(ben.tool);
    await ben.tool.getByRole('button', { name: 'Book a seat' }).click();
    await ben.tool.getByText('You are booked.').waitFor();
    await expectNoAxeViolations(ben.page);

    const chloe = await openAs('sandbox-chloe-martin');
    await strategyPage(chloe.tool);
    await chloe.tool.getByRole('button', { name: 'Book a seat' }).click();
    await chloe.tool.getByText('You are booked.').waitFor();

    const dana = await openAs('sandbox-dana-kim');
    await strategyPage(dana.tool);
    await dana.tool.getByText(/Full/).first().waitFor();
    expect(await dana.tool.getByRole('button', { name: 'Book a seat' }).count()).toBe(0);

    await ben.tool.getByRole('link', { name: 'My visits' }).click();
    await ben.tool.getByRole('heading', { name: 'My visits' }).waitFor();
    await ben.tool.getByRole('button', { name: 'Create calendar link' }).click();
    const feedUrl = await ben.tool.locator('#feed-url').inputValue();
    expect(feedUrl).toMatch(/\/calendar\/.+\.ics$/);
    await expectNoAxeViolations(ben.page);
    const before = (await feedEvents(feedUrl)).find((e) => e.summary.includes(TITLE));
    expect(before?.status).toBe('CONFIRMED');

    await strategyPage(ana.tool);
    await ana.tool.getByRole('button', { name: 'Cancel this door' }).click();
    await ana.tool.getByRole('button', { name: 'Yes, cancel this door' }).click();
    await ana.tool.getByText('You canceled this door.').waitFor();

    const after = (await feedEvents(feedUrl)).find((e) => e.summary.includes(TITLE));
    expect(after?.status).toBe('CANCELLED');
    expect(after!.sequence).toBeGreaterThan(before!.sequence);
    await ben.tool.getByRole('link', { name: 'Open doors' }).click();
    await ben.tool.getByRole('link', { name: 'My visits' }).click();
    await ben.tool.getByText('Canceled by the host').first().waitFor();
    await expectNoAxeViolations(ben.page);
  });

  it('when a coach plans a round for 12 teachers and 4 hosts, then it is published once its trade-offs are confirmed, the visits appear in My visits, and a canceled one tells the coach why', async () => {
    const dana = await openAs('sandbox-dana-kim');
    await dana.tool.getByRole('link', { name: 'Rounds' }).click();
    await dana.tool.getByRole('heading', { name: 'Rounds' }).waitFor();
    await expectNoAxeViolations(dana.page);
    await dana.tool.getByRole('link', { name: 'Plan a new round' }).click();
    await dana.tool.getByLabel('Title').fill('Thursday discussion round');
    await dana.tool.getByLabel('A problem of practice').check();
    await dana.tool.getByLabel('The problem of practice').fill('How do we get every student talking?');
    await dana.tool.getByLabel('Date').fill(daysFromNow(4));
    await dana.tool.getByLabel('Start time').fill('10:00');
    // Everyone on the course roster but the coach: 12 teachers.
    await dana.tool.getByLabel('Select all').check();
    await dana.tool.getByLabel('Dana Kim (coach)').uncheck();
    for (const host of ['Elif Demir', 'Farid Haddad', 'Hana Sato', 'Ivan Petrov'])
      await dana.tool.locator('fieldset', { hasText: 'Hosts' }).getByLabel(host, { exact: true }).check();
    await dana.tool.getByLabel('Room or link for Elif Demir').fill('Room 101');
    await expectNoAxeViolations(dana.page);
    await dana.tool.getByRole('button', { name: 'Plan the round' }).click();
    await dana.tool.getByRole('heading', { name: 'Thursday discussion round' }).waitFor();
    expect(await dana.tool.getByRole('heading', { name: /^Group \d$/ }).count()).toBe(3);
    await dana.tool.getByText('Elif Demir’s room (Room 101)').first().waitFor();
    await expectNoAxeViolations(dana.page);

    // The hosts are also in groups: publishing asks the coach to confirm those trade-offs.
    await dana.tool.getByRole('heading', { name: 'Before you publish: what this plan costs' }).waitFor();
    await dana.tool.getByRole('button', { name: 'Publish this round' }).click();
    await dana.tool
      .getByRole('group', { name: /Publish this round with the \d+ trade-offs listed/ })
      .waitFor();
    await expectNoAxeViolations(dana.page);
    await dana.tool.getByRole('button', { name: 'Yes, publish with these trade-offs', exact: true }).click();
    await dana.tool.getByText(/This round is published/).waitFor();

    const ben = await openAs('sandbox-ben-okafor');
    await ben.tool.getByRole('link', { name: 'My visits' }).click();
    await ben.tool
      .getByText(/Round: Thursday discussion round/)
      .first()
      .waitFor();
    await expectNoAxeViolations(ben.page);

    // Ben cancels one round visit: he is asked why, by keyboard, and the coach reads it.
    const visit = ben.tool
      .getByRole('listitem')
      .filter({ has: ben.tool.getByRole('heading', { name: 'A round visit' }) });
    await visit.first().getByRole('button', { name: 'Cancel this visit' }).click();
    const reason = ben.tool.getByLabel('Why are you canceling?');
    await reason.waitFor();
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await ben.tool.getByRole('button', { name: 'Yes, cancel my visit' }).click();
    await ben.tool.getByText('Say briefly why, for the coach who planned the round.').waitFor();
    await expectNoAxeViolations(ben.page);
    await reason.fill('I cover a class that period.');
    await ben.tool.getByRole('button', { name: 'Yes, cancel my visit' }).focus();
    await ben.page.keyboard.press('Enter');
    await ben.tool
      .getByText('Your visit is canceled. The coach who planned the round sees your reason.')
      .waitFor();

    await dana.tool.getByRole('link', { name: 'Rounds', exact: true }).click();
    const notices = dana.tool.getByRole('region', { name: 'Needs your attention' });
    await notices.waitFor();
    expect(await notices.textContent()).toMatch(
      /Ben Okafor canceled their visit[\s\S]*Their reason: “I cover a class that period\.?\s*”/,
    );
    await expectNoAxeViolations(dana.page);
  });
  it('when the week view is 320 px wide and used by keyboard, then a seat can be booked without sideways scrolling', async () => {
    const ana = await launchAs(server, 'sandbox-ana-rivera');
    const strategy = (await ana.get('/api/strategies?q=sentence')).body.items[0].id;
    const date = daysFromNow(9);
    const opened = await ana.post('/api/doors', {
      strategyId: strategy,
      date,
      start: '13:30',
      timeZone: 'UTC',
      location: 'Room 320',
    });
    expect(opened.status).toBe(201);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-chloe-martin`);
    await page.getByRole('heading', { name: 'The menu' }).waitFor();
    await page.evaluate((week) => {
      window.location.hash = `#/doors?week=${week}`;
    }, startOfWeek(date));
    await page.getByRole('heading', { name: 'Open doors' }).waitFor();
    // The week may hold other doors and the round's visits of the other tests, depending on today's date.
    const door = page.locator('li.door', { hasText: 'Room 320' });
    const book = door.getByRole('button', { name: 'Book a seat' });
    await book.waitFor();
    // Tab forward until the booking button has focus, then press Enter: no mouse involved.
    for (let i = 0; i < 60 && !(await book.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await book.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await door.getByText('You are booked.').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
