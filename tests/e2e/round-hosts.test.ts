import { beforeAll, describe, expect, it } from 'vitest';
import { RoundHostingSchema } from '../../shared/round-hosts';
import { RoundNoticeListSchema, RoundSchema } from '../../shared/rounds';
import { VisitListSchema } from '../../shared/visits';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolAs } from '../support/browser/lms-page';
import { useBrowserTest } from '../support/browser/use-browser-test';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;
let ana: ApiClient; // hosts
let dana: ApiClient; // coach
let visitors: ApiClient[];
let visitorIds: string[];

const idOf = async (c: ApiClient) => (await c.get('/api/me')).body.person.id as string;

useBrowserTest({ colleagues: ['ana'] }, (test) => {
  ({ server, browser, ana } = test);
});
beforeAll(async () => {
  await launchAs(server, 'sandbox-ben-okafor');
  await launchAs(server, 'sandbox-chloe-martin');
  dana = await launchAs(server, 'sandbox-dana-kim');
  visitors = await colleaguesOf(server, dana, 8, 'Round visitor');
  visitorIds = await Promise.all(visitors.map(idOf));
}, 60_000);

describe('hosts in the round’s decisions', () => {
  it('when a host chooses what visitors look for and declines a slot, then visitors read the choice and the coach re-plans the slot', async () => {
    const anaId = await idOf(ana);
    const people = (await dana.get('/api/people')).body.items as Array<{ id: string; name: string }>;
    const benId = people.find((p) => p.name === 'Ben Okafor')!.id;
    const created = await dana.post('/api/rounds', {
      title: 'Building on ideas round',
      focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
      date: daysFromNow(6),
      start: '09:00',
      timeZone: 'UTC',
      participantIds: visitorIds,
      hostIds: [anaId, benId],
      locations: { [anaId]: 'Room 12' },
      lookFor: 'Who asks the questions?\nWhat do students say when they disagree?',
      confirmOutsideSchoolDay: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const roundId = created.body.id as string;
    expect((await dana.post(`/api/rounds/${roundId}/publish`, { confirmTradeoffs: true })).status).toBe(200);

    // The host finds the round from their open door, and chooses what visitors look for.
    const host = await openToolAs(browser, server, 'sandbox-ana-rivera');
    const hosting = RoundHostingSchema.parse((await ana.get(`/api/rounds/${roundId}/host`)).body);
    const firstDay = hosting.slots[0]!.startsAt.slice(0, 10);
    const monday = new Date(`${firstDay}T00:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    await host.tool.evaluate(
      (week) => {
        window.location.hash = `#/doors?week=${week}`;
      },
      monday.toISOString().slice(0, 10),
    );
    await host.tool.getByRole('link', { name: 'Your room in this round' }).first().click();
    await host.tool.getByRole('heading', { name: 'Your room in “Building on ideas round”' }).waitFor();
    await expectNoAxeViolations(host.page);
    await host.tool.getByLabel('Who asks the questions?').check();
    await host.tool.getByLabel('And/or add your own').fill('What do students write before they speak?');
    await host.tool.getByRole('button', { name: 'Save what visitors look for' }).click();
    await host.tool
      .getByText(
        'Saved. Your visitors will read: Who asks the questions? · What do students write before they speak?',
      )
      .waitFor();

    // It declines the first slot by keyboard, saying why.
    await host.tool.getByRole('button', { name: 'Decline…' }).first().focus();
    await host.page.keyboard.press('Enter');
    const reason = host.tool.getByLabel(
      'Why do you decline this slot? The coach who planned the round reads it.',
    );
    await reason.waitFor();
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await host.page.keyboard.type('Our class has a fire drill then');
    await host.tool.getByRole('button', { name: 'Decline this slot' }).click();
    await host.tool.getByText(/Dana Kim has been told why and can move the group to another room/).waitFor();
    await host.tool.getByText(/You declined this slot:/).waitFor();
    await expectNoAxeViolations(host.page);

    // The visitors of the slot Ana kept read her look-for, on the visit and on her door sign.
    const after = RoundHostingSchema.parse((await ana.get(`/api/rounds/${roundId}/host`)).body);
    const kept = after.slots.find((s) => s.status === 'open')!;
    const declined = after.slots.find((s) => s.status === 'declined')!;
    const chosen = 'Who asks the questions? · What do students write before they speak?';
    let readers = 0;
    for (const v of visitors) {
      const visit = VisitListSchema.parse((await v.get('/api/visits')).body).items.find(
        (x) => x.door.id === kept.doorId,
      );
      if (!visit) continue;
      readers++;
      expect(visit.door.lookFor).toBe(chosen);
    }
    expect(readers).toBeGreaterThan(0);
    await host.tool.evaluate((id) => {
      window.location.hash = `#/doors/${id}/sign`;
    }, kept.doorId);
    await host.tool.getByText(chosen).waitFor();

    // The coach reads why, and moves the group to Chloé's room.
    const notice = RoundNoticeListSchema.parse((await dana.get('/api/round-notices')).body).items.find(
      (n) => n.kind === 'slot_declined',
    );
    expect(notice?.decline?.reason).toBe('Our class has a fire drill then');
    const coach = await openToolAs(browser, server, 'sandbox-dana-kim');
    await coach.tool.getByRole('link', { name: 'Rounds' }).click();
    await coach.tool.getByText(/Ana Rivera declined the slot in their room/).waitFor();
    await coach.tool.getByRole('link', { name: 'Building on ideas round' }).first().click();
    const section = coach.tool.getByRole('region', { name: 'Declined slots' });
    await section.getByText('“Our class has a fire drill then”', { exact: false }).waitFor();
    await expectNoAxeViolations(coach.page);
    await section.getByLabel('Who hosts the group instead').selectOption({ label: 'Chloé Martin' });
    await section.getByLabel('Room or link (optional)').fill('Library');
    await section.getByRole('button', { name: 'Move the group there' }).click();
    await coach.tool
      .getByText(/Re-planned: the group visits Chloé Martin’s room \(Library\) instead/)
      .waitFor();
    await expectNoAxeViolations(coach.page);

    const round = RoundSchema.parse((await dana.get(`/api/rounds/${roundId}`)).body);
    expect(round.declines[0]).toMatchObject({
      reason: 'Our class has a fire drill then',
      startsAt: declined.startsAt,
      replanned: { host: { name: 'Chloé Martin' }, location: 'Library' },
    });
  });
});
