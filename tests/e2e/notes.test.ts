import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolAs } from '../support/browser/lms-page';
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

useBrowserTest({ colleagues: ['ana', 'ben', 'chloe', 'dana'] }, (test) => {
  ({ server, browser, ana, ben, chloe, dana } = test);
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
    await visitor.tool.getByText('Nothing flagged: no names, judgments or guesses.').waitFor();
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
    // textContent includes visually hidden text too, so a name hidden from sight would still be caught.
    const pictureText = (await coach.tool.locator('main').textContent()) ?? '';
    expect(pictureText).toMatch(/most/);
    expect(pictureText).not.toMatch(/Ana Rivera|Chloé Martin|Ben Okafor|explained one step/);
    await expectNoAxeViolations(coach.page);

    await visitor.tool.getByRole('navigation').getByRole('link', { name: 'My visits' }).click();
    await visitor.tool.getByText('Thank you for the careful notes.').waitFor();
    await expectNoAxeViolations(visitor.page);
  });
  it('when a round is debriefed, then a writer adds a card, the coach groups it by keyboard and by drag and drop, and finishes', async () => {
    const people = (await dana.get('/api/people')).body.items as Array<{
      id: string;
      name: string;
      role: string;
    }>;
    const teachers = people.filter((p) => p.role === 'teacher').map((p) => p.id);
    const benId = (await ben.get('/api/me')).body.person.id as string;
    const round = await dana.post('/api/rounds', {
      title: 'Debrief round',
      focus: { kind: 'tag', value: 'discussion' },
      date: daysFromNow(40),
      start: '10:00',
      timeZone: 'UTC',
      participantIds: teachers.slice(0, 8),
      hostIds: teachers.filter((id) => id !== benId).slice(0, 2),
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    expect((await dana.post(`/api/rounds/${round.body.id}/publish`, { confirmTradeoffs: true })).status).toBe(
      200,
    );
    const doors = await server.database.db
      .selectFrom('doors')
      .select('id')
      .where('round_id', '=', round.body.id)
      .execute();
    for (const [i, d] of doors.entries()) await visitHappened(server, d.id, 200 - i * 15);
    const benVisit = (await ben.get('/api/visits')).body.items.find(
      (v: { door: { roundId: string | null } }) => v.door.roundId === round.body.id,
    );
    for (const text of [
      'Students added to a classmate’s idea with a sentence frame.',
      'Partners took turns explaining.',
    ])
      expect((await ben.post('/api/notes', { visitId: benVisit.id, prompt: 'students', text })).status).toBe(
        201,
      );

    const writer = await openToolAs(browser, server, 'sandbox-ben-okafor');
    await writer.tool.getByRole('navigation').getByRole('link', { name: 'My visits' }).click();
    await writer.tool.getByRole('link', { name: 'Round debrief' }).first().click();
    await writer.tool.getByRole('heading', { name: 'Debrief: Debrief round' }).waitFor();
    for (let i = 0; i < 2; i++) {
      await writer.tool.getByRole('button', { name: 'Add to the debrief' }).first().click();
      await writer.tool.getByText('✓ Added to the debrief').nth(i).waitFor();
    }
    await expectNoAxeViolations(writer.page);

    const coach = await openToolAs(browser, server, 'sandbox-dana-kim');
    await coach.tool.evaluate((id) => {
      window.location.hash = `#/rounds/${id}/debrief`;
    }, round.body.id as string);
    await coach.tool.getByRole('heading', { name: 'Debrief: Debrief round' }).waitFor();
    await coach.tool.getByText('Partners took turns explaining.').waitFor();
    await coach.tool.getByRole('button', { name: 'Next phase' }).click();
    await coach.tool.getByLabel('Name a new pattern').fill('Students build on each other');
    await coach.tool.getByRole('button', { name: 'Add the pattern' }).click();
    await coach.tool.getByRole('heading', { name: 'Students build on each other' }).waitFor();
    // By keyboard: choose the pattern in the first card's select and press Move.
    const select = coach.tool.getByLabel('Move to pattern…').first();
    await select.focus();
    await select.selectOption({ label: 'Students build on each other' });
    await coach.tool.getByRole('button', { name: 'Move', exact: true }).first().press('Enter');
    await coach.tool.locator('[data-zone]:not([data-zone="none"]) p.card-text').first().waitFor();
    // By drag and drop: the other card onto the pattern's column.
    await coach.tool
      .locator('p.card-text', { hasText: 'Partners took turns explaining.' })
      .dragTo(coach.tool.locator('[data-zone]:not([data-zone="none"])').first());
    await coach.tool.waitForFunction(
      () => document.querySelectorAll('[data-zone]:not([data-zone="none"]) p.card-text').length === 2,
    );
    await expectNoAxeViolations(coach.page);
    await coach.tool.getByRole('button', { name: 'Next phase' }).click();
    await coach.tool
      .getByLabel('The group’s prediction')
      .fill('A student here would know how to add to an idea.');
    await coach.tool.getByRole('button', { name: 'Next phase' }).click();
    await coach.tool
      .getByLabel('The next level of work')
      .fill('Share the sentence frames across departments.');
    await coach.tool.getByRole('button', { name: 'Finish the debrief' }).click();
    await coach.tool.getByRole('button', { name: 'Yes, finish the debrief' }).click();
    await coach.tool.getByText('Finished: the summary is in the school picture.').waitFor();
    await expectNoAxeViolations(coach.page);
    const picture = (await dana.get('/api/picture')).body;
    expect(picture.rounds[0]).toMatchObject({
      title: 'Debrief round',
      patterns: [{ name: 'Students build on each other', cards: 2 }],
      nextLevel: 'Share the sentence frames across departments.',
    });
  });
});
