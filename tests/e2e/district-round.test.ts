import { beforeAll, describe, expect, it } from 'vitest';
import { CrossRoundSchema, DistrictPageSchema } from '../../shared/districts';
import { BriefingSchema } from '../../shared/round-briefing';
import { RoundNoticeListSchema, RoundSchema } from '../../shared/rounds';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolAs, reloadFrame } from '../support/browser/lms-page';
import { useBrowserTest } from '../support/browser/use-browser-test';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';
import { visitHappened } from '../support/server/visit-happened';

/**
 * A cross-school round between the sandbox's two schools (issue #17 item 5): the sandbox school (Grade 7 Science's
 * deployment) hosts, the demo school (its own deployment, Maple Grove's staff room) visits. Run in Chromium through the
 * sandbox LMS, then the isolation rules are checked through the API.
 */
let server: TestServer;
let browser: BrowserSession;
let hostCoach: ApiClient; // Dana Kim in the sandbox school
let visitingCoach: ApiClient; // Dana Kim in the demo school: another tenant, the same LMS
let hostStaff: ApiClient[];
let hostStaffIds: string[];

const DEMO_COURSE = 'sandbox-course-demo';
const idOf = async (c: ApiClient) => (await c.get('/api/me')).body.person.id as string;

useBrowserTest({}, (test) => {
  ({ server, browser } = test);
});
beforeAll(async () => {
  hostCoach = await launchAs(server, 'sandbox-dana-kim');
  visitingCoach = await launchAs(server, 'sandbox-dana-kim', { course: DEMO_COURSE });
  hostStaff = await colleaguesOf(server, hostCoach, 8, 'Host school teacher');
  hostStaffIds = await Promise.all(hostStaff.map(idOf));
}, 60_000);

describe('a cross-school round between two sandbox schools', () => {
  it('when the host school opens its round and the other school’s coach joins, visits and writes a note, then the note and the picture stay with the host school and the district sees only schools; the visitor acknowledges the briefing, holds the dialogue, cancels a visit with a reason, and their school leaves', async () => {
    const created = await hostCoach.post('/api/rounds', {
      title: 'Ideas across schools',
      focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
      date: daysFromNow(6),
      start: '09:00',
      timeZone: 'UTC',
      participantIds: hostStaffIds,
      hostIds: hostStaffIds.slice(0, 3),
      locations: Object.fromEntries(hostStaffIds.slice(0, 3).map((id, i) => [id, `Room ${201 + i}`])),
      confirmOutsideSchoolDay: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const round = RoundSchema.parse(
      (await hostCoach.post(`/api/rounds/${created.body.id}/publish`, { confirmTradeoffs: true })).body,
    );

    // The host school's coach starts the district, opens the round and makes an invitation code, in the LMS.
    const host = await openToolAs(browser, server, 'sandbox-dana-kim');
    await host.tool.getByRole('link', { name: 'District network' }).click();
    await host.tool.getByLabel('Name of the district network').fill('Sandbox District');
    await host.tool.getByRole('button', { name: 'Start it' }).click();
    await host.tool.getByRole('heading', { level: 1, name: 'Sandbox District' }).waitFor();
    await host.tool.getByLabel('Which of your rounds').selectOption(round.id);
    await host.tool
      .getByLabel('Problem of practice visitors come for')
      .fill('How do students build on ideas?');
    await host.tool.getByRole('button', { name: 'Open to the district' }).click();
    await host.tool.getByText('Your round is open to the district.').waitFor();
    await host.tool.getByRole('button', { name: 'Invite another school' }).click();
    const code = (await host.tool.getByTestId('invite-code').textContent())!.trim();
    expect(code.length).toBeGreaterThan(10);
    await expectNoAxeViolations(host.page);

    // The demo school's coach joins with the code, takes a seat and books a room, by keyboard.
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/sandbox/courses/${DEMO_COURSE}/launch?user=sandbox-dana-kim`);
    const tool = (await (await page.waitForSelector('iframe[name="tool"]')).contentFrame())!;
    await tool.getByRole('heading', { name: 'The menu' }).waitFor();
    await tool.getByRole('link', { name: 'District network' }).click();
    await tool.getByLabel('Invitation code', { exact: true }).fill(code);
    await tool.getByLabel('Invitation code', { exact: true }).press('Enter');
    await tool.getByRole('heading', { level: 1, name: 'Sandbox District' }).waitFor();
    const seat = tool.getByRole('button', { name: 'Take a seat in Ideas across schools' });
    await seat.focus();
    await seat.press('Enter');
    await tool.getByRole('heading', { level: 1, name: /^Ideas across schools at / }).waitFor();
    await expectNoAxeViolations(page);
    expect(await tool.locator('main').textContent()).not.toContain('Host school teacher');
    const firstRoom = tool.getByRole('button', { name: /^Visit Room 20\d at / }).first();
    await firstRoom.focus();
    await firstRoom.press('Enter');
    await tool.getByText('Your visit is booked.').waitFor();

    // The visit happens; the visiting coach writes a note in the browser.
    const districtId = (await visitingCoach.get('/api/districts')).body.items[0].id as string;
    const seated = CrossRoundSchema.parse(
      (await visitingCoach.get(`/api/districts/${districtId}/rounds/${round.id}`)).body,
    );
    const booked = seated.doors.find((d) => d.visitId)!;
    await visitHappened(server, booked.id);
    await tool.getByLabel('What you saw or heard').fill('Students explained their steps to a partner.');
    await tool.getByRole('button', { name: 'Save the note' }).click();
    await tool.getByText('Students explained their steps to a partner.', { exact: true }).waitFor();

    // Isolation. The note is the host school's, about the visited teacher's room, who reads it.
    const db = server.database.db;
    const note = await db
      .selectFrom('notes')
      .innerJoin('doors', 'doors.id', 'notes.door_id')
      .select(['notes.tenant_id', 'notes.host_id', 'doors.host_id as doorHost'])
      .where('notes.visit_id', '=', booked.visitId!)
      .executeTakeFirstOrThrow();
    const hostTenant = (
      await db
        .selectFrom('people')
        .select('tenant_id')
        .where('id', '=', hostStaffIds[0]!)
        .executeTakeFirstOrThrow()
    ).tenant_id;
    expect(note.tenant_id).toBe(hostTenant);
    expect(note.host_id).toBe(note.doorHost);
    const visited = hostStaff[hostStaffIds.indexOf(note.host_id)]!;
    expect(JSON.stringify((await visited.get('/api/notes?which=about')).body)).toContain(
      'Students explained their steps to a partner.',
    );
    // The picture is the host school's only: the visiting school has no picture rows and no notes.
    const visitingTenant = (
      await db
        .selectFrom('people')
        .select('tenant_id')
        .where('id', '=', await idOf(visitingCoach))
        .executeTakeFirstOrThrow()
    ).tenant_id;
    expect(
      await db
        .selectFrom('picture_visits')
        .select('tenant_id')
        .where('visit_id', '=', booked.visitId!)
        .execute(),
    ).toEqual([{ tenant_id: hostTenant }]);
    expect(
      await db.selectFrom('notes').select('id').where('tenant_id', '=', visitingTenant).execute(),
    ).toEqual([]);
    // The visiting school reaches nothing of the host school through its own routes: doors, rounds, the picture.
    expect((await visitingCoach.get(`/api/doors/${booked.id}`)).status).toBe(404);
    expect((await visitingCoach.get(`/api/rounds/${round.id}`)).status).toBe(404);
    expect(JSON.stringify((await visitingCoach.get('/api/picture')).body)).not.toContain(
      'Ideas across schools',
    );
    expect(JSON.stringify((await visitingCoach.get('/api/notes?which=written')).body)).not.toContain(
      'Students explained their steps',
    );
    // The host school's other people stay unseen: the seat shows rooms and the visitor's own notes only.
    expect(JSON.stringify(seated)).not.toContain('Host school teacher');

    // The district page counts the crossing between schools, and names no person and no note.
    await reloadFrame(host.tool);
    await host.tool.getByTestId('crossed').waitFor();
    expect(await host.tool.getByTestId('crossed').textContent()).toBe('1 visit has crossed schools.');
    const districtPage = await visitingCoach.get(`/api/districts/${districtId}`);
    const parsed = DistrictPageSchema.parse(districtPage.body);
    expect(parsed.crossedVisits).toBe(1);
    expect(parsed.schools).toHaveLength(2);
    // Both schools are deployments of the sandbox LMS, named after it: a dot and a row each, labeled apart.
    expect(parsed.schools.map((s) => s.name)).toEqual(['Sandbox LMS', 'Sandbox LMS (2)']);
    expect(await host.tool.locator('svg g[data-school]').count()).toBe(2);
    const row = host.tool
      .getByRole('table', { name: 'Visits across schools, as a table' })
      .getByRole('row')
      .nth(1);
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Sandbox LMS', 'Sandbox LMS (2)', '1']);
    for (const word of ['Dana Kim', 'Host school teacher', 'Students explained'])
      expect(JSON.stringify(districtPage.body)).not.toContain(word);
    await expectNoAxeViolations(host.page);

    // The visitor's part in the host round. The briefing: read it and say so; the host's coach sees them by name,
    // with their school's name.
    const visitingMe = (await visitingCoach.get('/api/me')).body;
    const visitorName = `Dana Kim (${visitingMe.platform.schoolName ?? visitingMe.platform.name})`;
    await reloadFrame(tool);
    const ack = tool.getByRole('button', { name: 'I have read the briefing' });
    await ack.focus();
    await ack.press('Enter');
    await tool.getByText('You have read the briefing.').waitFor();
    const readers = BriefingSchema.parse(
      (await hostCoach.get(`/api/rounds/${round.id}/briefing`)).body,
    ).reading;
    expect(readers?.people.find((p) => p.name === visitorName)?.current, JSON.stringify(readers)).toBe(true);

    // The reflective dialogue after the visit: the visitor writes, the visited teacher reads them with their school
    // and replies; the visitor reads the reply as the host's, never by name.
    const dialogue = tool.getByRole('region', { name: 'Reflective dialogue' });
    await dialogue
      .getByLabel('What I noticed', { exact: true })
      .fill('Students asked each other how they knew.');
    await dialogue.getByRole('button', { name: 'Save “What I noticed”' }).click();
    await dialogue.getByText('What I noticed · you').waitFor();
    const thread = await visited.get(`/api/doors/${booked.id}/dialogue`);
    expect(thread.body.entries.map((e: { author: { name: string } }) => e.author.name)).toEqual([
      visitorName,
    ]);
    expect(
      (
        await visited.post(`/api/doors/${booked.id}/dialogue`, {
          part: 'reply',
          text: 'We practiced it all week.',
        })
      ).status,
    ).toBe(201);
    await reloadFrame(tool);
    await tool.getByText('My reply · the host').waitFor();
    expect(await tool.locator('main').textContent()).not.toContain('Host school teacher');
    await expectNoAxeViolations(page);

    // A later visit, canceled with a reason: the host round's coach reads it under "Needs your attention".
    const later = seated.doors.find((d) => d.startsAt !== booked.startsAt)!;
    expect(
      (
        await visitingCoach.post(`/api/districts/${districtId}/rounds/${round.id}/visits`, {
          doorId: later.id,
        })
      ).status,
    ).toBe(200);
    await reloadFrame(tool);
    await tool.getByRole('button', { name: 'Cancel this visit' }).click();
    await tool.getByLabel('Why are you canceling?').fill('Our own school has an assembly then');
    await tool.getByRole('button', { name: 'Yes, cancel my visit' }).click();
    await tool
      .getByText('Your visit is canceled. The coach who planned the round sees your reason.')
      .waitFor();
    await expect
      .poll(async () =>
        RoundNoticeListSchema.parse((await hostCoach.get('/api/round-notices')).body).items.map((n) => [
          n.person.name,
          n.reason,
        ]),
      )
      .toContainEqual([visitorName, 'Our own school has an assembly then']);

    // The visiting school leaves the district, after a confirmation; it reaches nothing of it afterwards.
    await tool.getByRole('link', { name: 'Back to the district network' }).click();
    await tool.getByRole('button', { name: 'Leave this district network' }).click();
    await tool.getByRole('button', { name: 'Yes, leave the district network' }).click();
    await tool.getByText(/^Your school left Sandbox District\./).waitFor();
    await expectNoAxeViolations(page);
    expect((await visitingCoach.get('/api/districts')).body.items).toEqual([]);
    expect((await visitingCoach.get(`/api/districts/${districtId}/rounds/${round.id}`)).status).toBe(404);
  });
});
