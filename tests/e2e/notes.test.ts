import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, launchAs } from '../support/api-client';
import { type BrowserSession, expectNoAxeViolations, launchBrowser } from '../support/browser';
import { daysFromNow } from '../support/colleagues';
import { openToolAs } from '../support/lms-page';
import { approvedStrategy } from '../support/menu';
import { startTestServer, type TestServer } from '../support/test-server';
import { visitHappened } from '../support/visit-happened';

let server: TestServer;
let browser: BrowserSession;
let ana: ApiClient;
let ben: ApiClient;
let chloe: ApiClient;
let dana: ApiClient;
let day = 0;

/** `host` opens a door, `visitor` books it, and the visit happens. */
async function pastVisit(host: ApiClient, visitor: ApiClient, title: string): Promise<string> {
  const strategyId = await approvedStrategy(host, dana, { title, tags: ['discussion'] });
  const door = await host.post('/api/doors', {
    strategyId,
    date: daysFromNow(5 + day++),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room 12',
    lookFor: 'Notice how students build on each other',
  });
  const visit = await visitor.post('/api/visits', { doorId: door.body.items[0].id });
  expect(visit.status).toBe(201);
  await visitHappened(server, door.body.items[0].id);
  return visit.body.id;
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  chloe = await launchAs(server, 'sandbox-chloe-martin');
  dana = await launchAs(server, 'sandbox-dana-kim');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('evidence notes in the LMS', () => {
  it('when a visitor writes "Great job, Ms Rivera!", then the linter says why, the rewrite saves, the host reads it, the coach cannot, and the picture counts it once 3 classrooms are in', async () => {
    await pastVisit(ana, ben, 'Build-on talk moves');

    const visitor = await openToolAs(browser, server, 'sandbox-ben-okafor');
    await visitor.tool.getByRole('link', { name: 'My visits' }).click();
    await visitor.tool.getByRole('link', { name: 'Write notes' }).click();
    await visitor.tool.getByRole('heading', { name: 'Write a note' }).waitFor();
    const box = visitor.tool.getByLabel(/Your note:/);
    await box.fill('Great job, Ms Rivera!');
    await visitor.tool.getByText(/things? to rephrase/).waitFor();
    await visitor.tool.locator('.flag-words', { hasText: 'Ms Rivera' }).waitFor();
    await visitor.tool.locator('.flag-words', { hasText: 'Great job' }).waitFor();
    await expectNoAxeViolations(visitor.page);
    await visitor.tool.getByRole('button', { name: 'Save note' }).click();
    await visitor.tool.getByText('Remove the names first.').waitFor();
    expect(await box.inputValue()).toBe('Great job, Ms Rivera!');

    const evidence = 'Students turned to a partner and each explained one step of the graph.';
    await box.fill(evidence);
    await visitor.tool.getByText('Nothing flagged: no names, judgements or guesses.').waitFor();
    await visitor.tool.getByRole('button', { name: 'Save note' }).click();
    await visitor.tool.getByRole('heading', { name: 'Your notes for this visit' }).waitFor();
    await visitor.tool.getByText(evidence).waitFor();
    await expectNoAxeViolations(visitor.page);

    const host = await openToolAs(browser, server, 'sandbox-ana-rivera');
    await host.tool.getByRole('link', { name: 'Notes about my room' }).click();
    await host.tool.getByText(evidence).waitFor();
    await host.tool.getByRole('button', { name: 'Mark useful' }).click();
    await host.tool.getByRole('button', { name: 'Useful ✓' }).waitFor();
    await host.tool.getByLabel('A short thank-you to Ben Okafor').fill('Thank you for the careful notes.');
    await host.tool.getByRole('button', { name: 'Thank this visitor' }).click();
    await host.tool.getByText(/Thanks sent/).waitFor();
    await expectNoAxeViolations(host.page);

    // The coach can open neither the note nor the list of notes about anyone else's room.
    const noteId = (await ana.get('/api/notes?which=about')).body.items[0].id;
    expect((await dana.get(`/api/notes/${noteId}`)).status).toBe(403);

    const coach = await openToolAs(browser, server, 'sandbox-dana-kim');
    await coach.tool.getByRole('link', { name: 'School picture' }).click();
    await coach.tool.getByRole('heading', { name: 'School picture' }).waitFor();
    await coach.tool
      .getByText(/at least 3 visits in 3 different classrooms/)
      .first()
      .waitFor();
    expect(await coach.tool.getByRole('heading', { name: 'Tag: discussion' }).count()).toBe(0);
    await expectNoAxeViolations(coach.page);

    // Two more classrooms: Chloé's and Dana's, each visited by Ben, with descriptive notes.
    for (const [host2, title] of [
      [chloe, 'Number talks'],
      [dana, 'Gallery walk'],
    ] as const) {
      const visitId = await pastVisit(host2, ben, title);
      const res = await ben.post('/api/notes', {
        visitId,
        prompt: 'students',
        text: 'Partners explained their reasoning to each other.',
      });
      expect(res.status).toBe(201);
    }
    await coach.tool.getByRole('link', { name: 'Menu', exact: true }).click();
    await coach.tool.getByRole('link', { name: 'School picture' }).click();
    await coach.tool.getByRole('heading', { name: 'Tag: discussion' }).waitFor();
    const pictureText = await coach.tool.locator('main').innerText();
    expect(pictureText).toMatch(/most/);
    expect(pictureText).not.toMatch(/Ana Rivera|Chloé Martin|Ben Okafor|explained one step/);
    await expectNoAxeViolations(coach.page);

    await visitor.tool.getByRole('navigation').getByRole('link', { name: 'My visits' }).click();
    await visitor.tool.getByText('Thank you for the careful notes.').waitFor();
    await expectNoAxeViolations(visitor.page);
  });
});
