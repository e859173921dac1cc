import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolAs } from '../support/browser/lms-page';
import { useBrowserTest } from '../support/browser/use-browser-test';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;

useBrowserTest({}, (test) => {
  ({ server, browser } = test);
});

const openAs = (user: string) => openToolAs(browser, server, user);

const STEPS = 'Pose a problem\nStudents solve it alone for two minutes\nPartners explain their steps';

async function addStrategy(tool: Frame, title: string, sourceUrl = '', steps = STEPS) {
  await tool.getByRole('link', { name: 'Add a strategy' }).click();
  await tool.getByRole('heading', { name: 'Add a strategy' }).waitFor();
  await tool.getByLabel('Title').fill(title);
  await tool.getByLabel('What it is for').fill('Every student explains one step to a partner.');
  await tool.getByLabel('Steps').fill(steps);
  await tool.getByLabel('Minutes').fill('8');
  await tool.getByLabel('Subject').fill('Math');
  await tool.getByLabel('Tags').fill('discussion, math talk');
  if (sourceUrl) await tool.getByLabel('Source link (optional)').fill(sourceUrl);
  await tool.getByRole('button', { name: 'Add to the menu' }).click();
  await tool.getByRole('heading', { name: title }).waitFor();
}

describe('the tasting menu in the LMS', () => {
  it('when a teacher adds a strategy, a coach features it, and a colleague tries it, then the contributor sees the count', async () => {
    const ana = await openAs('sandbox-ana-rivera');
    // Bad input first: a clear message per field, and nothing typed is lost.
    await ana.tool.getByRole('link', { name: 'Add a strategy' }).click();
    await ana.tool.getByLabel('Title').fill('Half-filled');
    await ana.tool.getByRole('button', { name: 'Add to the menu' }).click();
    await ana.tool.getByText('Please fix the fields marked below').waitFor();
    expect(await ana.tool.getByLabel('Title').inputValue()).toBe('Half-filled');
    expect(await ana.tool.getByLabel('What it is for').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(ana.page);
    await addStrategy(ana.tool, 'Explain-a-step partner talk');
    await ana.tool.getByText('Waiting for a coach').waitFor();
    await expectNoAxeViolations(ana.page);

    const dana = await openAs('sandbox-dana-kim');
    await dana.tool.getByRole('link', { name: 'Review queue' }).click();
    await dana.tool.getByRole('link', { name: 'Explain-a-step partner talk' }).click();
    await dana.tool.getByRole('button', { name: 'Approve' }).click();
    await dana.tool.getByText('Approved: it is on the menu.').waitFor();
    await dana.tool.getByRole('button', { name: 'Feature' }).click();
    await dana.tool.getByText('Featured at the top of the menu.').waitFor();
    await expectNoAxeViolations(dana.page);

    const ben = await openAs('sandbox-ben-okafor');
    await ben.tool.getByLabel('Search strategies').fill('partn');
    await ben.tool.getByRole('button', { name: 'Search' }).click();
    await ben.tool.getByRole('link', { name: 'Explain-a-step partner talk' }).click();
    await ben.tool.getByRole('button', { name: "I'll try it" }).click();
    await ben.tool.getByText('Added to the strategies you are trying.').waitFor();
    await ben.tool.getByLabel(/What happened when you tried it/).fill('Two quiet students explained first.');
    await ben.tool.getByLabel('Share my reflection with the contributor').check();
    await ben.tool.getByRole('button', { name: 'I tried it' }).click();
    await ben.tool.getByText('Saved: you tried it.').waitFor();
    await expectNoAxeViolations(ben.page);

    await ana.tool.getByRole('link', { name: 'My clips' }).click();
    await ana.tool.getByRole('link', { name: 'Explain-a-step partner talk' }).click();
    await expect
      .poll(() => ana.tool.getByTestId('trying-count').textContent())
      .toBe('0 trying it now · 1 tried it');
    await ana.tool.getByText('Two quiet students explained first.').waitFor();
    await expectNoAxeViolations(ana.page);
    for (const p of [ana.page, dana.page, ben.page]) await p.close();
  });

  it('when two teachers add the same strategy, then the coach finds the duplicate and merges it, crediting both', async () => {
    const ana = await openAs('sandbox-ana-rivera');
    // Other steps than Ana's first strategy: the same steps would make the form ask "add to it instead?".
    const coldSteps = 'Ask the question to everyone\nWait five seconds\nCall on a name';
    await addStrategy(ana.tool, 'Cold call with wait time', 'https://example.org/cold-call', coldSteps);
    const chloe = await openAs('sandbox-chloe-martin');
    await addStrategy(
      chloe.tool,
      'Cold-call with wait-time',
      'https://www.example.org/cold-call/',
      'Pose it to the class\nCount to five silently\nPick a student',
    );

    const dana = await openAs('sandbox-dana-kim');
    await dana.tool.getByRole('link', { name: 'Review queue' }).click();
    await dana.tool.getByRole('link', { name: 'Cold call with wait time', exact: true }).click();
    await dana.tool.getByRole('button', { name: 'Approve' }).click();
    await dana.tool.getByText('Approved: it is on the menu.').waitFor();
    await dana.tool.getByRole('button', { name: 'Find duplicates' }).click();
    const dups = dana.tool.getByRole('list', { name: 'Likely duplicates' });
    await dups.getByText('Cold-call with wait-time').waitFor();
    await dups.getByRole('button', { name: 'Merge into this one' }).click();
    await dana.tool.getByText(/both contributors are credited/).waitFor();
    // Contributors are listed as a sentence in the interface's language (Intl.ListFormat): "Ana Rivera y Chloé Martin".
    await dana.tool.getByText('Ana Rivera and Chloé Martin').waitFor();
    // The list is read again: the merged strategy no longer offers a merge.
    await dana.tool.getByText('No likely duplicates.').waitFor();
    expect(await dana.tool.getByRole('button', { name: 'Merge into this one' }).count()).toBe(0);
    await expectNoAxeViolations(dana.page);
    for (const p of [ana.page, chloe.page, dana.page]) await p.close();
  });

  it('when the menu is 320 px wide and used by keyboard, then search works without sideways scrolling', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-ben-okafor`);
    await page.getByRole('heading', { name: 'The menu' }).waitFor();
    await page.getByLabel('Search strategies').focus();
    await page.keyboard.type('cold');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Cold call with wait time', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Cold-call with wait-time' }).count()).toBe(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('when a teacher misspells a search, then the menu shows the corrected results, and a reload keeps the search', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-ben-okafor`);
    await page.getByRole('heading', { name: 'The menu' }).waitFor();
    await page.getByLabel('Search strategies').fill('wiat tme');
    await page.getByLabel('Search strategies').press('Enter');
    await page.getByText('Showing results for').waitFor();
    expect(await page.getByText('Showing results for').textContent()).toContain('wait time');
    await page.getByRole('link', { name: 'Cold call with wait time', exact: true }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/?q=wiat+tme');
    // Focus stays in the search form after a search.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await expectNoAxeViolations(page);
    await page.reload();
    await page.getByText('Showing results for').waitFor();
    expect(await page.getByLabel('Search strategies').inputValue()).toBe('wiat tme');
    await page.close();
  });

  it('when a coach opens Settings, then the form is accessible and saving is announced', async () => {
    const dana = await openAs('sandbox-dana-kim');
    await dana.tool.getByRole('link', { name: 'Settings' }).click();
    await dana.tool.getByRole('heading', { name: 'Settings' }).waitFor();
    await dana.tool.getByText('tasting-menu-sandbox').waitFor();
    // The addresses an LMS administrator needs, on this server's own origin.
    await dana.tool.getByRole('heading', { name: 'Addresses for your LMS administrator' }).waitFor();
    await dana.tool.getByText(`${server.url}/lti/login`, { exact: true }).waitFor();
    await dana.tool.getByText(`${server.url}/lti/keys`, { exact: true }).waitFor();
    await dana.tool.getByLabel('One school-wide menu for every course').check();
    await dana.tool.getByRole('button', { name: 'Save settings' }).click();
    await dana.tool.getByText('Saved. The changes apply').waitFor();
    await expectNoAxeViolations(dana.page);
    await dana.tool.getByLabel('Each course has its own menu').check();
    await dana.tool.getByRole('button', { name: 'Save settings' }).click();
    await dana.tool.getByText('Saved. The changes apply').waitFor();
    await dana.page.close();
  });

  it('when a teacher uses the editor button, then the chosen strategy comes back to the course as a link that opens it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci`);
    await page.getByRole('link', { name: 'insert as Ana' }).click();
    const tool = (await (await page.waitForSelector('iframe[name="tool"]')).contentFrame())!;
    await tool.getByText('Your LMS asked for a strategy').waitFor();
    await tool.getByRole('link', { name: 'Explain-a-step partner talk' }).click();
    await tool.getByRole('heading', { name: 'Add to your course' }).waitFor();
    await expectNoAxeViolations(page);
    await tool.getByRole('button', { name: 'Add as a link' }).click();
    await tool.getByRole('heading', { name: 'Added to the course' }).waitFor();
    await tool.getByRole('link', { name: 'Explain-a-step partner talk' }).click();
    await tool.getByRole('heading', { name: 'Explain-a-step partner talk' }).waitFor();
    expect(await tool.getByRole('heading', { name: 'Add to your course' }).count()).toBe(0);
    await page.close();
  });
  it('when a teacher submits a strategy again, then the form points to the first; a coach fixes its typo, the teacher sees it, and a retired one offers Restore', async () => {
    const ben = await openAs('sandbox-ben-okafor');
    const steps = 'Post questions on chart paper\nGroups walk and add sticky notes\nRead the notes aloud';
    await addStrategy(ben.tool, 'Gallery walk with stiky notes', '', steps);
    // The same strategy again, with a typo of its own: the form asks before adding a second one.
    await ben.tool.getByRole('link', { name: 'Add a strategy' }).click();
    await ben.tool.getByLabel('Title').fill('Galery walk with sticky notes');
    await ben.tool.getByLabel('What it is for').fill('Every group answers every question.');
    await ben.tool.getByLabel('Steps').fill(steps);
    await ben.tool.getByLabel('Subject').fill('Science');
    await ben.tool.getByRole('button', { name: 'Add to the menu' }).click();
    await ben.tool.getByText('This looks like Gallery walk with stiky notes — add to it instead?').waitFor();
    await ben.tool.getByRole('button', { name: 'Submit anyway' }).waitFor();
    await expectNoAxeViolations(ben.page);
    await ben.tool.getByRole('link', { name: 'Gallery walk with stiky notes' }).click();
    await ben.tool.getByRole('heading', { name: 'Gallery walk with stiky notes' }).waitFor();

    const dana = await openAs('sandbox-dana-kim');
    const queueLink = dana.tool.getByRole('link', { name: /^Review queue \d+ waiting$/ });
    await queueLink.waitFor();
    const waiting = Number.parseInt((await dana.tool.getByTestId('queue-count').textContent()) ?? '', 10);
    expect(waiting).toBeGreaterThan(0);
    await queueLink.click();
    await dana.tool.getByRole('link', { name: 'Gallery walk with stiky notes' }).click();
    await dana.tool.getByRole('button', { name: 'Approve' }).click();
    await dana.tool.getByText('Approved: it is on the menu.').waitFor();
    await expect.poll(() => dana.tool.getByTestId('queue-count').count()).toBe(waiting > 1 ? 1 : 0);
    await dana.tool.getByRole('link', { name: 'Edit', exact: true }).click();
    await dana.tool.getByRole('heading', { name: 'Edit strategy' }).waitFor();
    // The form fills in the stored strategy when it arrives: type the fix only after that.
    await expect.poll(() => dana.tool.getByLabel('Title').inputValue()).toBe('Gallery walk with stiky notes');
    await dana.tool.getByLabel('Title').fill('Gallery walk with sticky notes');
    await dana.tool.getByRole('button', { name: 'Save changes' }).click();
    await dana.tool.getByRole('heading', { name: 'Gallery walk with sticky notes' }).waitFor();
    await dana.tool.getByText('On the menu').waitFor();

    await ben.tool.getByRole('link', { name: 'My clips' }).click();
    await ben.tool.getByRole('link', { name: 'Gallery walk with sticky notes' }).click();
    await ben.tool.getByText(/^Edited by a coach on /).waitFor();
    await expectNoAxeViolations(ben.page);

    await dana.tool.getByRole('button', { name: 'Retire' }).click();
    await dana.tool.getByText('Retired from the menu.').waitFor();
    await dana.tool.getByRole('button', { name: 'Restore' }).waitFor();
    expect(await dana.tool.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await expectNoAxeViolations(dana.page);
    await dana.tool.getByRole('button', { name: 'Restore' }).click();
    await dana.tool.getByText('Back on the menu.').waitFor();
    for (const p of [ben.page, dana.page]) await p.close();
  });

  it('when a coach keeps single grades, then a teacher\'s "Grade 7" is saved as 7 and the filter reads "7th" as 7', async () => {
    const dana = await openAs('sandbox-dana-kim');
    await dana.tool.getByRole('link', { name: 'Settings' }).click();
    const grades = dana.tool.getByLabel('Grades, one per line');
    const before = await grades.inputValue();
    await grades.fill('K\n1\n2\n3\n4\n5\n6\n7\n8\nAny');
    await dana.tool.getByRole('button', { name: 'Save settings' }).click();
    await dana.tool.getByText('Saved. The changes apply').waitFor();
    await expectNoAxeViolations(dana.page);

    const ana = await openAs('sandbox-ana-rivera');
    await ana.tool.getByRole('link', { name: 'Add a strategy' }).click();
    await ana.tool.getByLabel('Title').fill('Seventh-grade number talk');
    await ana.tool.getByLabel('What it is for').fill('Mental math strategies said out loud.');
    // Steps of its own, so the look-alike check has nothing to point to.
    await ana.tool
      .getByLabel('Steps')
      .fill('Show a number string\nEveryone computes mentally\nShare strategies aloud');
    await ana.tool.getByLabel('Subject').fill('Math');
    await ana.tool.getByLabel('Grades').fill('Grade 7');
    await expectNoAxeViolations(ana.page);
    await ana.tool.getByRole('button', { name: 'Add to the menu' }).click();
    await ana.tool.getByRole('heading', { name: 'Seventh-grade number talk' }).waitFor();
    await ana.tool.getByText('Grades 7', { exact: true }).waitFor();

    await dana.tool.getByRole('link', { name: 'Review queue' }).click();
    await dana.tool.getByRole('link', { name: 'Seventh-grade number talk' }).click();
    await dana.tool.getByRole('button', { name: 'Approve' }).click();
    await dana.tool.getByText('Approved: it is on the menu.').waitFor();
    await dana.tool.getByRole('link', { name: 'Menu', exact: true }).click();
    // The menu's list has loaded before the filter is typed: typed right after the switch from the review queue, the
    // filter once stayed "7th" in a clean-clone CI run (the view's effects, which run after paint, had likely not run).
    await dana.tool.getByRole('link', { name: 'Explain-a-step partner talk' }).waitFor();
    await dana.tool.getByLabel('Grades').fill('7th');
    await dana.tool.getByLabel('Grades').press('Enter');
    await expect.poll(() => dana.tool.getByLabel('Grades').inputValue()).toBe('7');
    await dana.tool.getByRole('link', { name: 'Seventh-grade number talk' }).waitFor();
    expect(await dana.tool.getByRole('link', { name: 'Explain-a-step partner talk' }).count()).toBe(0);

    // The school's bands again, for the other tests of this file.
    await dana.tool.getByRole('link', { name: 'Settings' }).click();
    await dana.tool.getByLabel('Grades, one per line').fill(before);
    await dana.tool.getByRole('button', { name: 'Save settings' }).click();
    await dana.tool.getByText('Saved. The changes apply').waitFor();
    for (const p of [ana.page, dana.page]) await p.close();
  });
});
