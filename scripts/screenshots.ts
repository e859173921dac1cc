/**
 * `npm run screenshots`: real screens for the README and docs, taken from the real server (sandbox LMS, with the demo
 * school seeded as under `npm start`) and the built extension in headless Chromium. Run `npm run build` first.
 */

import { registerPlatform } from '../lti-server/src/domain/platforms';
import { SANDBOX_DEMO_COURSE } from '../lti-server/src/sandbox/roster';
import { VisitListSchema } from '../shared/visits';
import { startOfWeek } from '../shared/zoned-time';
import { launchBrowser } from '../tests/support/browser/browser';
import { launchAs } from '../tests/support/server/api-client';
import { startCanvasPlatform } from '../tests/support/server/canvas-platform';
import { inviteCode, registrationLinkFor } from '../tests/support/server/registration';
import { startSchoologyPlatform } from '../tests/support/server/schoology-platform';
import { startTestServer } from '../tests/support/server/test-server';
import { cycleScreenshots } from './screenshots-cycle';
import { roundScreenshots } from './screenshots-rounds';
import { STORE_SHOTS, storeScreenshots } from './store-screenshots';

const server = await startTestServer({ config: { demoSchool: true } });
const canvas = await startCanvasPlatform();
const schoology = await startSchoologyPlatform({
  domainUrl: `${server.url}/lti/launch`,
  loginUrl: `${server.url}/lti/login`,
  redirectUrls: [`${server.url}/lti/launch`],
  jwksUrl: `${server.url}/lti/keys`,
});
const browser = await launchBrowser({ extension: true });
try {
  const ana = await launchAs(server, 'sandbox-ana-rivera');
  const dana = await launchAs(server, 'sandbox-dana-kim');
  const samples = [
    [
      'Think–Pair–Share with a data card',
      'Every student talks about evidence before the lesson starts.',
      10,
      'Science',
      ['discussion', 'warm-up'],
    ],
    [
      'Traffic-light exit ticket',
      'Students rate each learning goal and say why, in five minutes.',
      5,
      'Any',
      ['assessment'],
    ],
    [
      'Sentence frames for academic talk',
      'Three frames help every student join a small-group discussion.',
      10,
      'English',
      ['discussion'],
    ],
  ] as const;
  for (const [title, purpose, minutes, subject, tags] of samples) {
    const s = await ana.post('/api/strategies', {
      title,
      purpose,
      steps: ['Set up', 'Run it', 'Debrief'],
      minutes,
      subject,
      gradeBand: '6-8',
      tags,
    });
    await dana.post(`/api/strategies/${s.body.id}/curation`, { action: 'approve' });
  }
  // The demo school, as a fresh clone's first launch shows it: Ana's menu in the LMS frame, nothing typed.
  const demo = SANDBOX_DEMO_COURSE.id;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${server.url}/sandbox`);
  await page.getByRole('link', { name: 'Launch the demo school as Ana Rivera, a teacher' }).click();
  const frame = await (await page.waitForSelector('iframe[name="tool"]')).contentFrame();
  await frame!.getByRole('heading', { name: 'The menu' }).waitFor();
  await frame!.getByText('Think–Pair–Share with a data card').first().waitFor();
  await page.screenshot({ path: 'docs/images/sandbox-launch.png' });

  // This week's open doors in the demo school, the one happening now at the top of today.
  const demoTool = await browser.context.newPage();
  await demoTool.setViewportSize({ width: 900, height: 760 });
  await demoTool.goto(`${server.url}/sandbox/courses/${demo}/initiate?user=sandbox-ana-rivera`);
  await demoTool.getByRole('heading', { name: 'The menu' }).waitFor();
  await demoTool.evaluate(() => {
    window.location.hash = '#/doors';
  });
  const happening = demoTool.getByText('Happening now').first();
  await happening.waitFor();
  // Today's heading at the top: the door under way and the one starting in two minutes below it.
  await happening.evaluate((el: Element) =>
    el.closest('ul')?.previousElementSibling?.scrollIntoView({ block: 'start' }),
  );
  await demoTool.screenshot({ path: 'docs/images/demo-door-now.png' });

  // A note being written about yesterday's visit, the one Ana has not written yet.
  const anaDemo = await launchAs(server, 'sandbox-ana-rivera', { course: demo });
  const visits = VisitListSchema.parse((await anaDemo.get('/api/visits')).body).items;
  const unwritten = visits.find((v) => v.door.strategy?.title === 'Four corners debate');
  if (!unwritten) throw new Error('The demo school has no unwritten visit for Ana.');
  await demoTool.evaluate((id) => {
    window.location.hash = `#/visits/${id}/notes`;
  }, unwritten.id);
  await demoTool.getByRole('heading', { name: 'Write a note' }).waitFor();
  await demoTool
    .getByLabel(/^Your note:/)
    .fill('Each corner shared one reason; two students moved after hearing the other corners.');
  await demoTool
    .getByText('Which prompt does this note answer?')
    .evaluate((el: Element) => el.scrollIntoView({ block: 'start' }));
  await demoTool.waitForTimeout(600); // the linter runs while the writer types (debounced)
  await demoTool.screenshot({ path: 'docs/images/demo-note.png' });

  // The coach's school picture: patterns over the visits' notes and the finished round's debrief.
  const coachDemo = await browser.context.newPage();
  await coachDemo.setViewportSize({ width: 900, height: 760 });
  await coachDemo.goto(`${server.url}/sandbox/courses/${demo}/initiate?user=sandbox-dana-kim`);
  await coachDemo.getByRole('heading', { name: 'The menu' }).waitFor();
  await coachDemo.evaluate(() => {
    window.location.hash = '#/picture';
  });
  await coachDemo.getByRole('heading', { name: 'Finished debriefs' }).waitFor();
  await coachDemo.screenshot({ path: 'docs/images/demo-picture.png', fullPage: true });

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByLabel("Your school's Tasting Menu address").fill(server.url);
  await options.getByRole('button', { name: 'Save and check' }).click();
  await options.getByText('Connected to').waitFor();
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 200 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByText('Connected to').waitFor();
  await popup.screenshot({ path: 'docs/images/extension-popup.png' });

  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 400, height: 820 });
  const q = new URLSearchParams({
    text: 'Think–Pair–Share with a data card\nProject one small data card as students walk in\nThink: each student writes one notice and one wonder\nPair: partners choose the strongest evidence',
    title: 'Warm-up: Think–Pair–Share',
    url: `${server.url}/sandbox/courses/sandbox-course-7sci/pages/think-pair-share-warm-up`,
  });
  await panel.goto(`chrome-extension://${browser.extensionId}/clip.html?${q}`);
  await panel.getByLabel('Title').waitFor();
  await panel.screenshot({ path: 'docs/images/extension-clip.png' });

  await storeScreenshots(browser, server.url, async (code) => {
    const confirmed = await ana.post('/api/pairings/confirm', { code });
    if (confirmed.status !== 200) throw new Error(`Pairing failed: ${JSON.stringify(confirmed.body)}`);
  });

  // Open doors: Ana opens her door for two weeks, Ben books one, and Ben's week view is shown.
  const frames = (await ana.get('/api/strategies?q=sentence')).body.items[0].id as string;
  const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const opened = await ana.post('/api/doors', {
    strategyId: frames,
    date,
    start: '09:15',
    timeZone: 'America/New_York',
    location: 'Room 12',
    lookFor: 'Notice how students use the sentence frames',
    visitorNote: 'Sit at the back table',
    repeatWeeks: 2,
  });
  const ben = await launchAs(server, 'sandbox-ben-okafor');
  await ben.post('/api/visits', { doorId: opened.body.items[0].id });
  // The tool on its own (as in a new window), so the whole screen fits in the picture.
  const week = await browser.context.newPage();
  await week.setViewportSize({ width: 900, height: 700 });
  await week.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-ben-okafor`);
  await week.getByRole('heading', { name: 'The menu' }).waitFor();
  await week.evaluate((monday) => {
    window.location.hash = `#/doors?week=${monday}`;
  }, startOfWeek(date));
  await week.getByText('You are booked.').waitFor();
  await week.screenshot({ path: 'docs/images/open-doors.png', fullPage: true });

  // A round: the coach's plan for the twelve teachers of the sandbox course.
  const people = (await dana.get('/api/people')).body.items as Array<{
    id: string;
    name: string;
    role: string;
  }>;
  const teachers = people.filter((p) => p.role === 'teacher').map((p) => p.id);
  const round = await dana.post('/api/rounds', {
    title: 'Thursday discussion round',
    focus: { kind: 'problem', value: 'How do we get every student talking?' },
    date,
    start: '10:00',
    timeZone: 'America/New_York',
    participantIds: teachers,
    hostIds: teachers.slice(3, 7),
    lookFor: 'What do students say when they build on an idea?',
  });
  const coach = await browser.context.newPage();
  await coach.setViewportSize({ width: 900, height: 700 });
  await coach.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-dana-kim`);
  await coach.getByRole('heading', { name: 'The menu' }).waitFor();
  await coach.evaluate((id) => {
    window.location.hash = `#/rounds/${id}`;
  }, round.body.id as string);
  await coach.getByRole('heading', { name: 'Rotation' }).waitFor();
  await coach.screenshot({ path: 'docs/images/round-plan.png', fullPage: true });

  // A cycle (docs/rounds.md): proposals and votes, two rounds a week apart, the picture over time.
  await cycleScreenshots(server, browser, ana, dana, frames);

  // A host's room in a round and the District network page (docs/rounds.md).
  await roundScreenshots(server, browser, ana, dana);

  // For LMS administrators (docs/lms): the coach's Settings with the LMS registration, dynamic registration as the
  // Canvas-shaped test platform opens it (the code typed, then the page Canvas shows), and a refused launch.
  await coach.evaluate(() => {
    window.location.hash = '#/settings';
  });
  await coach.getByRole('heading', { name: 'Your LMS registration' }).waitFor();
  await coach.screenshot({ path: 'docs/images/lms-settings.png', fullPage: true });
  const admin = await browser.context.newPage();
  await admin.setViewportSize({ width: 900, height: 520 });
  await admin.goto(registrationLinkFor(server, canvas.configurationUrl, canvas.registrationToken));
  await admin.getByLabel('Registration code').fill(await inviteCode(server));
  await admin.screenshot({ path: 'docs/images/lms-register.png', fullPage: true });
  await admin.getByRole('button', { name: 'Register' }).click();
  await admin.getByRole('heading', { name: 'Tasting Menu is registered' }).waitFor();
  await admin.screenshot({ path: 'docs/images/lms-registered.png', fullPage: true });
  const login = new URLSearchParams({
    iss: server.sandbox!.issuer,
    client_id: 'not-registered-here',
    login_hint: 'sandbox-ana-rivera',
    target_link_uri: `${server.url}/lti/launch`,
  });
  await admin.goto(`${server.url}/lti/login?${login}`);
  await admin.getByText('Reason code').waitFor();
  await admin.screenshot({ path: 'docs/images/lms-refused.png', fullPage: true });

  // Schoology (docs/lms/schoology.md, step 5): registered by the operator, then opened from a section by a teacher.
  await registerPlatform(server.database.db, server.lti, {
    issuer: schoology.issuer,
    clientId: schoology.clientId,
    name: 'Schoology',
    authUrl: schoology.authUrl,
    tokenUrl: schoology.tokenUrl,
    jwksUrl: schoology.jwksUrl,
    deploymentIds: [schoology.deploymentId],
  });
  const section = await browser.context.newPage();
  await section.setViewportSize({ width: 900, height: 640 });
  await section.goto(schoology.sectionLink('teacher'));
  await section.getByRole('heading', { name: 'The menu' }).waitFor();
  await section.screenshot({ path: 'docs/images/schoology-launch.png' });
  console.log(
    `screenshots: docs/images/sandbox-launch.png, demo-door-now.png, demo-note.png, demo-picture.png, extension-popup.png, extension-clip.png, open-doors.png, round-plan.png, problems.png, cycle-picture.png, round-host.png, district.png, lms-settings.png, lms-register.png, lms-registered.png, lms-refused.png, schoology-launch.png; store/${STORE_SHOTS.join(', ')}`,
  );
} finally {
  await browser.close();
  await canvas.close();
  await schoology.close();
  await server.close();
}
