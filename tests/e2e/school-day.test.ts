import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, startOfWeek, utcToZoned } from '../../shared/zoned-time';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolAs } from '../support/browser/lms-page';
import { useBrowserTest } from '../support/browser/use-browser-test';
import { launchAs } from '../support/server/api-client';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;
const TITLE = 'Numbered heads together';
const SCHOOL = 'America/Chicago';
/** Next week and the one after, on the school's clock. */
const MONDAY = addDays(startOfWeek(utcToZoned(new Date(), SCHOOL).date), 7);
const TUESDAY = addDays(MONDAY, 1);
const SATURDAY = addDays(MONDAY, 5);

useBrowserTest({}, (test) => {
  ({ server, browser } = test);
});
beforeAll(async () => {
  const ana = await launchAs(server, 'sandbox-ana-rivera');
  const dana = await launchAs(server, 'sandbox-dana-kim');
  await approvedStrategy(ana, dana, { title: TITLE });
});

describe('the school day', () => {
  it('when a coach sets the bells, then a teacher opens a door by period, and a Saturday door only once she confirms it', async () => {
    const dana = await openToolAs(browser, server, 'sandbox-dana-kim');
    await dana.tool.getByRole('link', { name: 'Settings' }).click();
    await dana.tool.getByRole('heading', { name: 'Settings' }).waitFor();
    await dana.tool.getByLabel('The school’s time zone').fill('chicago');
    await dana.tool.getByLabel('The school’s time zone').fill(SCHOOL);
    await dana.tool.getByRole('button', { name: 'Add a period' }).click();
    await dana.tool.getByRole('group', { name: 'Period 1' }).waitFor();
    await expectNoAxeViolations(dana.page);
    await dana.tool.getByRole('button', { name: 'Save settings' }).click();
    await dana.tool.getByText('Saved. The changes apply').waitFor();
    await dana.page.close();

    const ana = await openToolAs(browser, server, 'sandbox-ana-rivera');
    await ana.tool.getByRole('link', { name: 'Open doors' }).click();
    await ana.tool.getByRole('link', { name: 'Open your door' }).click();
    await ana.tool.getByRole('heading', { name: 'Open your door' }).waitFor();
    await ana.tool.getByLabel('Strategy').selectOption({ label: TITLE });
    const zone = ana.tool.getByLabel('Time zone', { exact: true });
    await expect.poll(() => zone.inputValue()).toBe(SCHOOL);
    await ana.tool.getByLabel('Date').fill(TUESDAY);
    await ana.tool.getByLabel('Period').selectOption({ label: 'Period 1, Tue 08:00–08:50' });
    expect(await ana.tool.getByLabel('Start time').inputValue()).toBe('08:00');
    await ana.tool.getByLabel('Room or link').fill('Room 12');
    await expectNoAxeViolations(ana.page);
    await ana.tool.getByRole('button', { name: 'Open my door' }).click();
    await ana.tool.getByRole('heading', { name: 'Open doors' }).waitFor();

    await ana.tool.getByRole('link', { name: 'Open your door' }).click();
    await ana.tool.getByRole('heading', { name: 'Open your door' }).waitFor();
    await ana.tool.getByLabel('Strategy').selectOption({ label: TITLE });
    await ana.tool.getByLabel('Date').fill(SATURDAY);
    await ana.tool.getByLabel('Start time').fill('23:14');
    await ana.tool.getByLabel('Room or link').fill('Room 12');
    await ana.tool
      .getByText('Saturday is not a school day in the bell schedule. You will be asked to confirm.')
      .waitFor();
    await ana.tool.getByRole('button', { name: 'Open my door' }).click();
    const question = ana.tool.getByRole('group', { name: /Saturday is not a school day/ });
    await question.waitFor();
    await expectNoAxeViolations(ana.page);
    // Keyboard: focus is on "Keep this time"; Enter sends the door again, confirmed.
    await ana.page.keyboard.press('Enter');
    await ana.tool.getByRole('heading', { name: 'Open doors' }).waitFor();
    // The flash reads in the viewer's own zone, where Saturday night in Chicago may already be Sunday.
    await ana.tool.getByText(/Your door is open: Numbered heads together/).waitFor();
  });
});
