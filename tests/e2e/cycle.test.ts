import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CycleSchema } from '../../shared/cycles';
import { RoundSchema } from '../../shared/rounds';
import { VisitListSchema } from '../../shared/visits';
import { type BrowserSession, expectNoAxeViolations, launchBrowser } from '../support/browser/browser';
import { openToolAs } from '../support/browser/lms-page';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
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

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  browser = await launchBrowser();
  ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  chloe = await launchAs(server, 'sandbox-chloe-martin');
  dana = await launchAs(server, 'sandbox-dana-kim');
  colleagues = await colleaguesOf(server, dana, 5, 'Cycle colleague');
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const idOf = async (c: ApiClient) => (await c.get('/api/me')).body.person.id as string;

/** The round's visits happened; every visitor notes each of theirs, and the coach finishes the debrief. */
async function visitsAndDebrief(roundId: string, nextLevel: string) {
  const doors = await server.database.db
    .selectFrom('doors')
    .select('id')
    .where('round_id', '=', roundId)
    .execute();
  for (const [i, d] of doors.entries()) await visitHappened(server, d.id, 120 - i * 15);
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
  const done = await dana.put(`/api/rounds/${roundId}/debrief`, {
    phase: 'done',
    nextLevel,
    skipReason: 'The group named its next level of work at once',
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}

describe('a cycle of rounds on one problem of practice', () => {
  it('when teachers propose and vote, the coach runs two rounds a week apart, then the picture over time shows both rounds to a teacher and a coach', async () => {
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

    // Round 1, planned on the cycle's problem and published; visits happen and the debrief sets the next level.
    const members = cycle.members.map((m) => m.id);
    const hosts = [await idOf(ana), await idOf(ben), await idOf(colleagues[0]!), await idOf(colleagues[1]!)];
    const planned = await dana.post('/api/rounds', {
      title: 'Cycle round 1',
      focus: { kind: 'problem', value: PROBLEM },
      date: daysFromNow(3),
      start: '09:00',
      timeZone: 'UTC',
      participantIds: members,
      hostIds: hosts,
      cycleId: cycle.id,
      confirmOutsideSchoolDay: true,
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const round1 = RoundSchema.parse(planned.body);
    expect((await dana.post(`/api/rounds/${round1.id}/publish`, { confirmTradeoffs: true })).status).toBe(
      200,
    );
    // Its briefing (issue #17 item 1): the coach says why and how; every participant acknowledges it.
    const briefed = await dana.put(`/api/rounds/${round1.id}/briefing`, {
      why: 'Teachers chose it: discussions stall after the first answer.',
      lookFors: 'What students say when they build on an idea.',
      norms: ['Describe what you see and hear.', 'No names, no gotchas.', 'Not an evaluation.'],
    });
    expect(briefed.status, JSON.stringify(briefed.body)).toBe(200);
    for (const teacher of [ana, ben, chloe, ...colleagues])
      expect((await teacher.post(`/api/rounds/${round1.id}/briefing/ack`)).status).toBe(200);
    await visitsAndDebrief(round1.id, NEXT_LEVEL);

    // Round 2, a week later, planned in the tool from the cycle: its focus is round 1's next level of work.
    await coach.tool.evaluate(() => window.location.reload());
    await coach.tool.getByTestId('next-focus').getByText('Every student explains one step aloud.').waitFor();
    await coach.tool.getByRole('link', { name: 'Plan the next round of this cycle' }).click();
    await coach.tool.getByTestId('cycle-prefill').waitFor();
    const focus = coach.tool.getByLabel('The problem of practice');
    await expectValue(focus, 'Every student explains one step aloud.');
    await expectValue(coach.tool.getByLabel('“Look for” prompt (optional)'), NEXT_LEVEL);
    await coach.tool.getByLabel('Date').fill(daysFromNow(10));
    await coach.tool.getByLabel('Start time').fill('09:00');
    for (const host of ['Ana Rivera', 'Ben Okafor', 'Cycle colleague 1', 'Cycle colleague 2'])
      await coach.tool.locator('fieldset', { hasText: 'Hosts' }).getByLabel(host, { exact: true }).check();
    await expectNoAxeViolations(coach.page);
    await coach.tool.getByRole('button', { name: 'Plan the round' }).click();
    const keep = coach.tool.getByRole('button', { name: /Keep this time/ });
    const heading = coach.tool.getByRole('heading', { level: 1, name: `${PROBLEM}: round 2` });
    await Promise.race([keep.waitFor(), heading.waitFor()]);
    if (await keep.isVisible()) await keep.click();
    await heading.waitFor();
    await coach.tool.getByRole('button', { name: 'Publish this round' }).click();
    await coach.tool.getByRole('button', { name: /^Yes, publish/ }).click();
    await coach.tool.getByText(/This round is published/).waitFor();
    const inCycle = CycleSchema.parse((await dana.get(`/api/cycles/${cycle.id}`)).body);
    const round2 = inCycle.rounds[1]!;
    expect(round2.focus.value).toBe('Every student explains one step aloud.');
    expect(Date.parse(round2.date) - Date.parse(round1.date)).toBe(7 * 86_400_000);
    await visitsAndDebrief(round2.id, 'Partners ask one question back every time.');

    // The picture over time: both rounds, to a teacher and to the coach, as charts and as a table.
    for (const viewer of [proposer, coach]) {
      await viewer.tool.evaluate((id) => {
        window.location.hash = `#/cycles/${id}`;
        window.location.reload();
      }, cycle.id);
      const table = viewer.tool.getByRole('table', { name: 'The picture over time, as a table' });
      await table.waitFor();
      const headers = await table.getByRole('columnheader').allTextContents();
      expect(headers.slice(1).map((h) => h.replace(/ \(.*\)$/, ''))).toEqual([
        'Round 1: Cycle round 1',
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

async function expectValue(locator: import('playwright-core').Locator, value: string) {
  for (let i = 0; i < 50 && (await locator.inputValue()) !== value; i++)
    await new Promise((r) => setTimeout(r, 100));
  expect(await locator.inputValue()).toBe(value);
}
