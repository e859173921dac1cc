import { beforeAll, describe, expect, it } from 'vitest';
import { CycleSchema } from '../../shared/cycles';
import { BriefingSchema } from '../../shared/round-briefing';
import { VisitListSchema } from '../../shared/visits';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolAs, reloadFrame } from '../support/browser/lms-page';
import { useBrowserTest } from '../support/browser/use-browser-test';
import type { ApiClient } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';
import { visitHappened } from '../support/server/visit-happened';

let server: TestServer;
let browser: BrowserSession;
let ana: ApiClient;
let ben: ApiClient;
let chloe: ApiClient;
let dana: ApiClient;
let colleagues: ApiClient[];

const PROBLEM = 'How do students build on each other’s ideas?';
const NEXT_LEVEL = 'Every student explains one step aloud. Partners ask one question back.';
const WHY = 'Teachers chose it: discussions stall after the first answer.';
const BEN_NOTE = 'Partners compared answers and explained which step differed.';
const NOTICED = 'Two students added to a partner’s answer with “and also”.';
const REPLY = 'That frame is new this month; I put it on the board.';
const WHY_2 = 'Round 1’s debrief chose it: students explain, and partners ask back.';

useBrowserTest({ colleagues: ['ana', 'ben', 'chloe', 'dana'] }, (test) => {
  ({ server, browser, ana, ben, chloe, dana } = test);
});
beforeAll(async () => {
  colleagues = await colleaguesOf(server, dana, 5, 'Cycle colleague');
}, 60_000);

/** Every visit of the round happened (an hour or two ago). */
async function visitsHappened(roundId: string) {
  const doors = await server.database.db
    .selectFrom('doors')
    .select('id')
    .where('round_id', '=', roundId)
    .execute();
  for (const [i, d] of doors.entries()) await visitHappened(server, d.id, 120 - i * 15);
}

/** Every visitor notes each of their round visits through the API (the screens are shown for one of them). */
async function notesOn(roundId: string) {
  for (const teacher of [ana, ben, chloe, ...colleagues]) {
    const visits = VisitListSchema.parse((await teacher.get('/api/visits')).body).items.filter(
      (v) => v.door.roundId === roundId && v.status === 'booked',
    );
    for (const visit of visits) {
      const res = await teacher.post('/api/notes', {
        visitId: visit.id,
        prompt: 'students',
        text: 'Students explained their steps to a partner.',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  }
}

/** The people by name, to act as whichever of them the rotation made a host. */
function byName(): Map<string, ApiClient> {
  return new Map([
    ['Ana Rivera', ana],
    ['Ben Okafor', ben],
    ['Chloé Martin', chloe],
    ...colleagues.map((c, i) => [`Cycle colleague ${i + 1}`, c] as const),
  ]);
}

type Tool = { page: import('playwright-core').Page; tool: import('playwright-core').Frame };

/** The coach plans the cycle's next round in the round form (prefilled from the cycle) with four hosts. */
async function planInTheForm(coach: Tool, date: string, title: string) {
  await coach.tool.getByLabel('Date').fill(date);
  await coach.tool.getByLabel('Start time').fill('09:00');
  for (const host of ['Ana Rivera', 'Ben Okafor', 'Cycle colleague 1', 'Cycle colleague 2'])
    await coach.tool.locator('fieldset', { hasText: 'Hosts' }).getByLabel(host, { exact: true }).check();
  await expectNoAxeViolations(coach.page);
  await coach.tool.getByRole('button', { name: 'Plan the round' }).click();
  const keep = coach.tool.getByRole('button', { name: /Keep this time/ });
  const heading = coach.tool.getByRole('heading', { level: 1, name: title });
  await Promise.race([keep.waitFor(), heading.waitFor()]);
  if (await keep.isVisible()) await keep.click();
  await heading.waitFor();
}

async function publishInTheTool(coach: Tool) {
  await coach.tool.getByRole('button', { name: 'Publish this round' }).click();
  await coach.tool.getByRole('button', { name: /^Yes, publish/ }).click();
  await coach.tool.getByText(/This round is published/).waitFor();
}

describe('a cycle of rounds on one problem of practice', () => {
  // The whole cycle of issue #17's "Done when", through the sandbox LMS: a long walk, so a generous timeout on a
  // loaded machine; every step waits on what the screen shows, never on a fixed sleep.
  it('when teachers propose and vote, the coach plans two rounds a week apart with a briefing and roles, participants acknowledge, notes and a reflective dialogue are written and round 1’s debrief sets round 2’s focus, then the picture over time shows both rounds to a teacher and a coach', {
    timeout: 360_000,
  }, async () => {
    // Ana proposes; Ben votes and comments in the tool; Chloé votes too.
    const proposer = await openToolAs(browser, server, 'sandbox-ana-rivera');
    await proposer.tool.getByRole('link', { name: 'Problems of practice' }).click();
    await proposer.tool.getByRole('heading', { level: 1, name: 'Problems of practice' }).waitFor();
    await proposer.tool.getByLabel('The problem of practice').fill(PROBLEM);
    await proposer.tool
      .getByLabel('Why it matters (optional)')
      .fill('Discussions stall after the first answer.');
    await proposer.tool.getByRole('button', { name: 'Propose' }).click();
    await proposer.tool.getByRole('article', { name: PROBLEM }).waitFor();
    await expectNoAxeViolations(proposer.page);

    const voter = await openToolAs(browser, server, 'sandbox-ben-okafor');
    await voter.tool.getByRole('link', { name: 'Problems of practice' }).click();
    const card = voter.tool.getByRole('article', { name: PROBLEM });
    await card.getByRole('radio', { name: 'Work on this' }).check();
    await card.getByTestId('votes').getByText('1 for · 0 not now').waitFor();
    await card.getByLabel('Add a comment').fill('The second answer is often a new idea, not a response.');
    await card.getByRole('button', { name: 'Comment' }).click();
    await card.getByText(/often a new idea/).waitFor();
    await expectNoAxeViolations(voter.page);
    const problemId = (await chloe.get('/api/problems')).body.items[0].id as string;
    expect((await chloe.put(`/api/problems/${problemId}/vote`, { choice: 'for' })).status).toBe(200);

    // The coach starts a cycle with three volunteers, then adds five colleagues.
    const coach = await openToolAs(browser, server, 'sandbox-dana-kim');
    await coach.tool.getByRole('link', { name: 'Problems of practice' }).click();
    const proposal = coach.tool.getByRole('article', { name: PROBLEM });
    await proposal.getByTestId('votes').getByText('2 for · 0 not now').waitFor();
    await proposal.getByRole('button', { name: 'Start a cycle on it' }).click();
    for (const name of ['Ana Rivera', 'Ben Okafor', 'Chloé Martin'])
      await proposal.getByRole('checkbox', { name, exact: true }).check();
    await expectNoAxeViolations(coach.page);
    await proposal.getByRole('button', { name: 'Start the cycle' }).click();
    await coach.tool.getByRole('heading', { level: 1, name: PROBLEM }).waitFor();
    for (let i = 1; i <= 5; i++)
      await coach.tool.getByRole('checkbox', { name: `Cycle colleague ${i}`, exact: true }).check();
    await coach.tool.getByRole('button', { name: 'Add to the cycle' }).click();
    await coach.tool.getByText('5 people join the cycle.').waitFor();
    const cycle = CycleSchema.parse((await dana.get('/api/cycles')).body.items[0]);
    expect(cycle.members).toHaveLength(8);

    // Round 1, planned in the tool from the cycle's page: before any debrief its focus is the cycle's problem.
    await coach.tool.getByRole('link', { name: 'Plan the next round of this cycle' }).click();
    await coach.tool.getByTestId('cycle-prefill').waitFor();
    await expectValue(coach.tool.getByLabel('The problem of practice'), PROBLEM);
    await planInTheForm(coach, daysFromNow(3), `${PROBLEM}: round 1`);
    const round1 = CycleSchema.parse((await dana.get(`/api/cycles/${cycle.id}`)).body).rounds[0]!;
    expect(round1.focus.value).toBe(PROBLEM);

    // Its briefing and roles (issue #17 item 1), in the tool: the coach says why, swaps two roles, then publishes.
    await coach.tool.getByRole('link', { name: 'Briefing and roles' }).click();
    await coach.tool.getByRole('heading', { name: `Briefing: ${PROBLEM}: round 1` }).waitFor();
    await coach.tool.getByLabel('Why the school chose this focus').fill(WHY);
    await coach.tool.getByRole('button', { name: 'Save the briefing' }).click();
    await coach.tool.getByText(/Saved the briefing/).waitFor();
    const group1 = coach.tool.getByRole('group', { name: 'Group 1' });
    const facilitator = await group1.getByLabel('Facilitator').inputValue();
    const timekeeper = await group1.getByLabel('Timekeeper').inputValue();
    await group1.getByLabel('Facilitator').selectOption(timekeeper);
    await group1.getByLabel('Timekeeper').selectOption(facilitator);
    await coach.tool.getByRole('button', { name: 'Save the roles' }).click();
    await coach.tool.getByText('Saved the roles.').waitFor();
    await expectNoAxeViolations(coach.page);
    const briefing = BriefingSchema.parse((await dana.get(`/api/rounds/${round1.id}/briefing`)).body);
    expect(briefing.why).toBe(WHY);
    expect(briefing.groups[0]!.roles.facilitator.id).toBe(timekeeper);
    expect(briefing.groups[0]!.roles.timekeeper.id).toBe(facilitator);
    await coach.tool.getByRole('link', { name: '← The round' }).click();
    await publishInTheTool(coach);

    // Participants acknowledge it: Ana in the tool, from My visits; everyone else through the API.
    await proposer.tool.getByRole('navigation').getByRole('link', { name: 'My visits' }).click();
    await proposer.tool.getByText('Please read it before the round').first().waitFor();
    await proposer.tool.getByRole('link', { name: 'Round briefing' }).first().click();
    await proposer.tool.getByText(WHY).waitFor();
    await proposer.tool.getByRole('button', { name: 'I have read the briefing' }).click();
    await proposer.tool.getByText('You have read this briefing. Thank you.').waitFor();
    await expectNoAxeViolations(proposer.page);
    for (const teacher of [ben, chloe, ...colleagues])
      expect((await teacher.post(`/api/rounds/${round1.id}/briefing/ack`)).status).toBe(200);
    await coach.tool.getByRole('link', { name: 'Briefing and roles' }).click();
    await coach.tool
      .getByTestId('read-count')
      .getByText(`${cycle.members.length} of ${cycle.members.length}`)
      .waitFor();

    // The visits happen. Ben writes a note in the tool; every other visitor notes theirs through the API.
    await visitsHappened(round1.id);
    await voter.tool.getByRole('navigation').getByRole('link', { name: 'My visits' }).click();
    await voter.tool.getByRole('link', { name: 'Write notes' }).first().click();
    await voter.tool.getByRole('heading', { name: 'Write a note' }).waitFor();
    await voter.tool.getByLabel(/Your note:/).fill(BEN_NOTE);
    await voter.tool.getByText('Nothing flagged: no names, judgments or guesses.').waitFor();
    await voter.tool.getByRole('button', { name: 'Save note' }).click();
    await voter.tool.getByRole('heading', { name: 'Your notes for this visit' }).waitFor();
    await expectNoAxeViolations(voter.page);
    await notesOn(round1.id);

    // The reflective dialogue after a visit (item 3): Ben writes what he noticed; the host replies in the tool.
    await voter.tool.getByRole('navigation').getByRole('link', { name: 'My visits' }).click();
    const dialogueLink = voter.tool.getByRole('link', { name: /^Reflective dialogue with / }).first();
    const hostName = ((await dialogueLink.textContent()) ?? '')
      .replace('Reflective dialogue with ', '')
      .trim();
    await dialogueLink.click();
    await voter.tool.getByRole('heading', { name: 'Reflective dialogue' }).waitFor();
    await voter.tool.getByLabel('What I noticed').fill(NOTICED);
    await voter.tool.getByRole('button', { name: 'Save “What I noticed”' }).click();
    await voter.tool.locator('.note-text', { hasText: NOTICED }).waitFor();
    await expectNoAxeViolations(voter.page);
    const hostClient = byName().get(hostName);
    expect(hostClient, `a client for ${hostName}`).toBeDefined();
    const dialogueHash = await voter.tool.evaluate(() => window.location.hash);
    const hostPage = await browser.context.newPage();
    await hostPage.goto(`${server.url}/app/#session=${hostClient!.token}`);
    await hostPage.getByRole('heading', { name: 'The menu' }).waitFor();
    await hostPage.evaluate((h) => {
      window.location.hash = h;
    }, dialogueHash);
    await hostPage.getByText(NOTICED).waitFor();
    await hostPage.getByLabel('My reply').fill(REPLY);
    await hostPage.getByRole('button', { name: 'Save “My reply”' }).click();
    await hostPage.getByText(/Your visitors can read it now/).waitFor();
    await hostPage.getByLabel('What I’ll try next').fill('I will try a sentence frame for adding on.');
    await hostPage.getByRole('button', { name: 'Save “What I’ll try next”' }).click();
    await hostPage.locator('.note-text', { hasText: 'a sentence frame for adding on' }).waitFor();
    await expectNoAxeViolations(hostPage);
    await reloadFrame(voter.tool);
    await voter.tool.getByText(REPLY).waitFor();

    // The debrief of round 1, in the tool: Ben brings his note as a card, the coach groups it, predicts, and
    // names the next level of work.
    await voter.tool.getByRole('navigation').getByRole('link', { name: 'My visits' }).click();
    await voter.tool.getByRole('link', { name: 'Round debrief' }).first().click();
    await voter.tool.getByRole('heading', { name: `Debrief: ${PROBLEM}: round 1` }).waitFor();
    await voter.tool.getByRole('button', { name: 'Add to the debrief' }).first().click();
    await voter.tool.getByText('✓ Added to the debrief').first().waitFor();
    await coach.tool.evaluate((id) => {
      window.location.hash = `#/rounds/${id}/debrief`;
    }, round1.id);
    await coach.tool.getByRole('heading', { name: `Debrief: ${PROBLEM}: round 1` }).waitFor();
    await coach.tool.locator('p.card-text').first().waitFor();
    await coach.tool.getByRole('button', { name: 'Next phase' }).click();
    await coach.tool.getByLabel('Name a new pattern').fill('Students explain their steps');
    await coach.tool.getByRole('button', { name: 'Add the pattern' }).click();
    await coach.tool.getByRole('heading', { name: 'Students explain their steps' }).waitFor();
    const move = coach.tool.getByLabel('Move to pattern…').first();
    await move.selectOption({ label: 'Students explain their steps' });
    await coach.tool.getByRole('button', { name: 'Move', exact: true }).first().press('Enter');
    await coach.tool.locator('[data-zone]:not([data-zone="none"]) p.card-text').first().waitFor();
    await coach.tool.getByRole('button', { name: 'Next phase' }).click();
    await coach.tool
      .getByLabel('The group’s prediction')
      .fill('A student here would know how to explain one step to a partner.');
    await coach.tool.getByRole('button', { name: 'Next phase' }).click();
    await coach.tool.getByLabel('The next level of work').fill(NEXT_LEVEL);
    await coach.tool.getByRole('button', { name: 'Finish the debrief' }).click();
    await coach.tool.getByRole('button', { name: 'Yes, finish the debrief' }).click();
    await coach.tool.getByText('Finished: the summary is in the school picture.').waitFor();
    await expectNoAxeViolations(coach.page);
    await coach.tool.evaluate((id) => {
      window.location.hash = `#/cycles/${id}`;
    }, cycle.id);

    // Round 2, a week later, planned in the tool from the cycle: its focus is round 1's next level of work.
    await reloadFrame(coach.tool);
    await coach.tool.getByTestId('next-focus').getByText('Every student explains one step aloud.').waitFor();
    await coach.tool.getByRole('link', { name: 'Plan the next round of this cycle' }).click();
    await coach.tool.getByTestId('cycle-prefill').waitFor();
    const focus = coach.tool.getByLabel('The problem of practice');
    await expectValue(focus, 'Every student explains one step aloud.');
    await expectValue(coach.tool.getByLabel('“Look for” prompt (optional)'), NEXT_LEVEL);
    await planInTheForm(coach, daysFromNow(10), `${PROBLEM}: round 2`);
    // Round 2's briefing in the tool as well: the coach says why (the look-fors come prefilled from round 1's next
    // level of work), saves it and publishes the round; Ana acknowledges it from My visits, everyone else through the
    // API, and the coach sees that all have read it.
    await coach.tool.getByRole('link', { name: 'Briefing and roles' }).click();
    await coach.tool.getByRole('heading', { name: `Briefing: ${PROBLEM}: round 2` }).waitFor();
    await expectValue(coach.tool.getByLabel('What visitors look for'), NEXT_LEVEL);
    await coach.tool.getByLabel('Why the school chose this focus').fill(WHY_2);
    await coach.tool.getByRole('button', { name: 'Save the briefing' }).click();
    await coach.tool.getByText(/Saved the briefing/).waitFor();
    await coach.tool.getByRole('link', { name: '← The round' }).click();
    await publishInTheTool(coach);
    const inCycle = CycleSchema.parse((await dana.get(`/api/cycles/${cycle.id}`)).body);
    const round2 = inCycle.rounds[1]!;
    expect(round2.focus.value).toBe('Every student explains one step aloud.');
    expect(Date.parse(round2.date) - Date.parse(round1.date)).toBe(7 * 86_400_000);
    const briefing2 = BriefingSchema.parse((await dana.get(`/api/rounds/${round2.id}/briefing`)).body);
    expect([briefing2.status, briefing2.why, briefing2.lookFors]).toEqual(['published', WHY_2, NEXT_LEVEL]);

    // Round 1's visits are past, so the briefing linked from Ana's upcoming visits is round 2's.
    await proposer.tool.getByRole('navigation').getByRole('link', { name: 'My visits' }).click();
    await proposer.tool.getByText('Please read it before the round').first().waitFor();
    await proposer.tool.getByRole('link', { name: 'Round briefing' }).first().click();
    await proposer.tool.getByRole('heading', { name: `Briefing: ${PROBLEM}: round 2` }).waitFor();
    await proposer.tool.getByText(WHY_2).waitFor();
    await proposer.tool.getByRole('button', { name: 'I have read the briefing' }).click();
    await proposer.tool.getByText('You have read this briefing. Thank you.').waitFor();
    for (const teacher of [ben, chloe, ...colleagues])
      expect((await teacher.post(`/api/rounds/${round2.id}/briefing/ack`)).status).toBe(200);
    await coach.tool.getByRole('link', { name: 'Briefing and roles' }).click();
    await coach.tool
      .getByTestId('read-count')
      .getByText(`${cycle.members.length} of ${cycle.members.length}`)
      .waitFor();
    await visitsHappened(round2.id);
    await notesOn(round2.id);
    const done = await dana.put(`/api/rounds/${round2.id}/debrief`, {
      phase: 'done',
      nextLevel: 'Partners ask one question back every time.',
      skipReason: 'The group named its next level of work at once',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);

    // The picture over time: both rounds, to a teacher and to the coach, as charts and as a table.
    for (const viewer of [proposer, coach]) {
      await viewer.tool.evaluate((id) => {
        window.location.hash = `#/cycles/${id}`;
      }, cycle.id);
      // Reloaded, and waited for: a table still on screen from before the reload would answer for the new one.
      await reloadFrame(viewer.tool);
      const table = viewer.tool.getByRole('table', { name: 'The picture over time, as a table' });
      await table.waitFor();
      const headers = await table.getByRole('columnheader').allTextContents();
      expect(headers.slice(1).map((h) => h.replace(/ \(.*\)$/, ''))).toEqual([
        `Round 1: ${PROBLEM}: round 1`,
        `Round 2: ${PROBLEM}: round 2`,
      ]);
      const talk = table.getByRole('row', { name: /Students explain, discuss or argue out loud/ });
      expect(await talk.getByRole('cell').allTextContents()).toEqual(['most', 'most']);
      expect(await viewer.tool.getByRole('img').count()).toBeGreaterThan(1);
      const text = (await viewer.tool.locator('main').textContent()) ?? '';
      expect(text).not.toMatch(/Students explained their steps/); // no note text, only share words
      await expectNoAxeViolations(viewer.page);
    }
  });
});

/** Waits until a field shows `value` (forms fill in after their data loads). */
async function expectValue(locator: import('playwright-core').Locator, value: string) {
  await expect.poll(() => locator.inputValue(), { timeout: 5_000 }).toBe(value);
}
