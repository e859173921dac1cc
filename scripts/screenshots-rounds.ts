import { SANDBOX_DEMO_COURSE } from '../lti-server/src/sandbox/roster';
import { CrossRoundSchema } from '../shared/districts';
import type { BrowserSession } from '../tests/support/browser/browser';
import { type ApiClient, launchAs } from '../tests/support/server/api-client';
import type { TestServer } from '../tests/support/server/test-server';
import { visitHappened } from '../tests/support/server/visit-happened';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Fails the screenshots with what the server said, rather than taking a picture of an empty screen. */
function expectStatus(res: { status: number; body: unknown }, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Names the school of `coach`'s session as its coach does in Settings (PUT /api/settings/school-name). */
async function nameSchool(coach: ApiClient, schoolName: string) {
  expectStatus(await coach.put('/api/settings/school-name', { schoolName }), 200, `Naming ${schoolName}`);
}

/**
 * docs/images/round-host.png and district.png (docs/rounds.md): a host's "Your room in this round", with a look-for
 * chosen, and the District network page after a coach of the demo school visited a room of the sandbox school.
 */
export async function roundScreenshots(
  server: TestServer,
  browser: BrowserSession,
  ana: ApiClient,
  dana: ApiClient,
): Promise<void> {
  const people = (await dana.get('/api/people')).body.items as Array<{
    id: string;
    name: string;
    role: string;
  }>;
  const teachers = people.filter((p) => p.role === 'teacher').map((p) => p.id);
  const anaId = (await ana.get('/api/me')).body.person.id as string;
  const hosts = [anaId, ...teachers.filter((id) => id !== anaId).slice(0, 2)];
  const created = await dana.post('/api/rounds', {
    title: 'Building on ideas round',
    focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
    date: day(12),
    start: '10:00',
    timeZone: 'America/New_York',
    participantIds: teachers.filter((id) => !hosts.includes(id)).slice(0, 8),
    hostIds: hosts,
    locations: Object.fromEntries(hosts.map((id, i) => [id, `Room ${201 + i}`])),
    lookFor:
      'Who asks the questions?\nWhat do students say when they disagree?\nHow do students add to an idea?',
    confirmOutsideSchoolDay: true,
  });
  expectStatus(created, 201, 'Planning the round');
  const roundId = created.body.id as string;
  expectStatus(
    await dana.post(`/api/rounds/${roundId}/publish`, { confirmTradeoffs: true }),
    200,
    'Publishing the round',
  );

  // The host's room in the round: Ana picks one of the coach's look-fors and adds her own.
  const host = await browser.context.newPage();
  await host.setViewportSize({ width: 900, height: 700 });
  await host.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-ana-rivera`);
  await host.getByRole('heading', { name: 'The menu' }).waitFor();
  await host.evaluate((id) => {
    window.location.hash = `#/rounds/${id}/host`;
  }, roundId);
  await host.getByRole('heading', { name: 'Your room in “Building on ideas round”' }).waitFor();
  await host.getByLabel('Who asks the questions?').check();
  await host.getByLabel('And/or add your own').fill('What do students write before they speak?');
  await host.getByRole('button', { name: 'Save what visitors look for' }).click();
  await host.getByText(/^Saved\. Your visitors will read:/).waitFor();
  await host.screenshot({ path: 'docs/images/round-host.png', fullPage: true });

  // A district of the sandbox school and the demo school; the demo school's coach visits one of the rooms.
  const district = await dana.post('/api/districts', { name: 'River District' });
  expectStatus(district, 201, 'Starting the district');
  const districtId = district.body.id as string;
  expectStatus(
    await dana.post(`/api/districts/${districtId}/rounds`, {
      roundId,
      problem: 'How do students build on each other’s ideas?',
    }),
    201,
    'Opening the round to the district',
  );
  const invite = await dana.post(`/api/districts/${districtId}/invites`);
  expectStatus(invite, 201, 'Inviting the demo school');
  const visiting = await launchAs(server, 'sandbox-dana-kim', { course: SANDBOX_DEMO_COURSE.id });
  expectStatus(
    await visiting.post('/api/districts/join', { code: invite.body.code }),
    200,
    'Joining with the code',
  );
  expectStatus(
    await visiting.post(`/api/districts/${districtId}/rounds/${roundId}/seat`),
    200,
    'Taking a seat',
  );
  const seat = CrossRoundSchema.parse(
    (await visiting.get(`/api/districts/${districtId}/rounds/${roundId}`)).body,
  );
  const door = seat.doors[0]!;
  expectStatus(
    await visiting.post(`/api/districts/${districtId}/rounds/${roundId}/visits`, { doorId: door.id }),
    200,
    'Visiting a room',
  );
  await visitHappened(server, door.id);

  const coach = await browser.context.newPage();
  await coach.setViewportSize({ width: 900, height: 700 });
  await coach.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-dana-kim`);
  await coach.getByRole('heading', { name: 'The menu' }).waitFor();
  // The sandbox's two deployments are both named after the platform ("Sandbox LMS"); their coaches give the schools
  // names of their own in Settings, which launches keep, so the picture names them as a real district would.
  await nameSchool(dana, 'Cedar Hill Middle School');
  await nameSchool(visiting, 'Maple Grove Middle School');
  await coach.evaluate((id) => {
    window.location.hash = `#/districts/${id}`;
  }, districtId);
  await coach.getByRole('heading', { level: 1, name: 'River District' }).waitFor();
  await coach.getByTestId('crossed').getByText('1 visit has crossed schools.').waitFor();
  await coach.screenshot({ path: 'docs/images/district.png', fullPage: true });
}
