import { describe, expect, it } from 'vitest';
import { findTenantByKey } from '../../lti-server/src/db/repositories/tenants';
import { seedDemoSchool } from '../../lti-server/src/domain/demo-school';
import { DEMO_PAST_VISITS, DEMO_ROUND, DEMO_STRATEGIES } from '../../lti-server/src/domain/demo-school-data';
import { SANDBOX_DEMO_COURSE, SANDBOX_MEMBERS } from '../../lti-server/src/sandbox/roster';
import { demoSchoolPlace } from '../../lti-server/src/server';
import { blocksSave, lintNote } from '../../shared/note-linter';
import { NoteListSchema, PictureSchema } from '../../shared/notes';
import { StrategyInputSchema, StrategyListSchema } from '../../shared/strategy';
import { DoorListSchema } from '../../shared/visits';
import { launchAs } from '../support/server/api-client';
import { rowCounts } from '../support/server/row-counts';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({ config: { demoSchool: true } }, (s) => {
  server = s;
});

const demo = { course: SANDBOX_DEMO_COURSE.id };
/** The tables the demo school fills (sessions and launch bookkeeping change with every launch, so they are left out). */
const SEEDED = [
  'strategies',
  'strategy_tags',
  'strategy_credits',
  'strategy_tries',
  'audit_events',
  'people',
  'networks',
  'doors',
  'visits',
  'notes',
  'rounds',
  'debrief_cards',
  'debrief_patterns',
  'tenant_settings',
];
async function seededCounts(): Promise<Record<string, number>> {
  const counts = await rowCounts(server.database);
  return Object.fromEntries(SEEDED.map((t) => [t, counts[t] ?? -1]));
}

async function resetForm(): Promise<{ token: string; cookieless: Response }> {
  const res = await fetch(`${server.url}/sandbox`);
  const html = await res.text();
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('The sandbox page has no reset form.');
  return { token: token.replaceAll('&amp;', '&'), cookieless: res };
}

async function postReset(token: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/sandbox/demo/reset`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ token }).toString(),
  });
}

describe('the demo school', () => {
  it('when its data is read, then every strategy is valid input and every note passes the note linter', () => {
    for (const s of DEMO_STRATEGIES) expect(StrategyInputSchema.safeParse(s.data).success, s.key).toBe(true);
    expect(DEMO_STRATEGIES.length).toBeGreaterThanOrEqual(25);
    expect(DEMO_STRATEGIES.length).toBeLessThanOrEqual(40);
    const names = SANDBOX_MEMBERS.map((m) => m.name);
    const notes = [
      ...DEMO_PAST_VISITS.flatMap((v) => v.visitors.flatMap((x) => (x.note ? [x.note.text] : []))),
      ...DEMO_ROUND.notes,
    ];
    for (const text of notes) {
      const flags = lintNote(text, { names });
      expect(flags, text).toEqual([]);
      expect(blocksSave(flags)).toBe(false);
    }
  });

  it('when a teacher launches into the demo school, then the menu is full and a door is happening now', async () => {
    const ana = await launchAs(server, 'sandbox-ana-rivera', demo);
    // The seeded person is the one the launch lands on, in the school's zone.
    expect((await ana.get('/api/me')).body.person).toMatchObject({
      name: 'Ana Rivera',
      timeZone: 'America/New_York',
    });
    // The school has its own name (district networks show it); the launch set the platform's name, not that one.
    const tenant = await findTenantByKey(server.database.db, demoSchoolPlace(server.sandbox!).tenant);
    expect(tenant).toMatchObject({ name: 'Sandbox LMS', schoolName: 'Maple Grove Middle School' });
    const menu = StrategyListSchema.parse((await ana.get('/api/strategies?limit=100')).body).items;
    expect(menu.length).toBeGreaterThanOrEqual(22);
    expect(menu.filter((s) => s.status === 'featured')).toHaveLength(1);
    expect(new Set(menu.map((s) => s.subject)).size).toBeGreaterThanOrEqual(6);

    const now = Date.now();
    const from = new Date(now - 3 * 3_600_000).toISOString();
    const to = new Date(now + 7 * 86_400_000).toISOString();
    const doors = DoorListSchema.parse((await ana.get(`/api/doors?from=${from}&to=${to}`)).body).items;
    const happening = doors.filter((d) => Date.parse(d.startsAt) <= now && now < Date.parse(d.endsAt));
    expect(happening.length).toBeGreaterThanOrEqual(1);
    expect(happening.some((d) => d.myVisit?.status === 'booked')).toBe(true);
    const soon = doors.filter(
      (d) => Date.parse(d.startsAt) > now && Date.parse(d.startsAt) <= now + 2 * 60_000,
    );
    expect(soon).toHaveLength(1);
    expect(doors.length).toBeGreaterThanOrEqual(8);

    // Notes about her room, and notes she wrote; one visit of hers still waits for its note.
    const about = NoteListSchema.parse((await ana.get('/api/notes?which=about')).body).items;
    const written = NoteListSchema.parse((await ana.get('/api/notes?which=written')).body).items;
    expect(about.length).toBeGreaterThanOrEqual(4);
    expect(written.length).toBeGreaterThanOrEqual(3);
  });

  it('when the coach opens the picture, then it is shown above the threshold with the finished debrief', async () => {
    const dana = await launchAs(server, 'sandbox-dana-kim', demo);
    const picture = PictureSchema.parse((await dana.get('/api/picture')).body);
    const school = picture.groups.find((g) => g.kind === 'school');
    expect(school).toBeTruthy();
    expect(picture.groups.filter((g) => g.kind === 'tag').length).toBeGreaterThanOrEqual(1);
    expect(picture.rounds).toHaveLength(1);
    expect(picture.rounds[0]!.patterns.length).toBe(2);
    expect(picture.rounds[0]!.nextLevel).toBeTruthy();
    const queue = StrategyListSchema.parse((await dana.get('/api/strategies?status=pending&limit=100')).body);
    expect(queue.items.length).toBeGreaterThanOrEqual(3);
    // The pending near-duplicate leads the coach to the strategy already on the menu.
    const twin = queue.items.find((s) => s.title === 'Academic talk sentence frames')!;
    const duplicates = (await dana.get(`/api/strategies/${twin.id}/duplicates`)).body.items as Array<{
      title: string;
    }>;
    expect(duplicates.map((d) => d.title)).toContain('Sentence frames for academic talk');
  });

  it('when the server seeds again (a restart), then nothing is added', async () => {
    const before = await seededCounts();
    const place = demoSchoolPlace(server.sandbox!);
    const again = await seedDemoSchool(server.database.db, server.database.kind, place, new Date());
    expect(again.seeded).toBe(false);
    expect(await seededCounts()).toEqual(before);
    expect(before.strategies).toBe(DEMO_STRATEGIES.length);
  });

  it('when the empty sandbox school is launched, then it stays empty: the demo is a tenant of its own', async () => {
    const ben = await launchAs(server, 'sandbox-ben-okafor');
    expect(StrategyListSchema.parse((await ben.get('/api/strategies')).body).items).toEqual([]);
  });

  it('when a post to reset comes from another site or without the page token, then it is refused', async () => {
    const { token } = await resetForm();
    expect((await postReset('forged')).status).toBe(403);
    expect((await postReset(token, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postReset(token, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // A sandboxed frame on another site posts with an opaque origin: without Sec-Fetch-Site that is not enough.
    expect((await postReset(token, { origin: 'null' })).status).toBe(403);
  });

  it('when "Reset demo school" is pressed, then what was added is gone and the school is seeded afresh', async () => {
    const key = demoSchoolPlace(server.sandbox!).tenant;
    const before = await seededCounts();
    const tenantBefore = (await findTenantByKey(server.database.db, key))!.id;
    const ana = await launchAs(server, 'sandbox-ana-rivera', demo);
    const added = await ana.post('/api/strategies', {
      title: 'Something only this trial added',
      purpose: 'To see it go.',
      steps: ['One step'],
      minutes: 5,
      subject: 'Any',
      gradeBand: 'Any',
    });
    expect(added.status).toBe(201);

    const { token } = await resetForm();
    const reset = await postReset(token, { origin: new URL(server.url).origin });
    expect(reset.status).toBe(303);
    expect(reset.headers.get('location')).toBe('/sandbox?reset=done');
    expect(await (await fetch(`${server.url}/sandbox?reset=done`)).text()).toContain(
      'The demo school was reset.',
    );

    const tenantAfter = (await findTenantByKey(server.database.db, key))!.id;
    expect(tenantAfter).not.toBe(tenantBefore);
    expect(await seededCounts()).toEqual(before);
    // The old session went with the old school; a new launch sees the fresh one, without the trial's strategy.
    expect((await ana.get('/api/me')).status).toBe(401);
    const again = await launchAs(server, 'sandbox-ana-rivera', demo);
    const menu = StrategyListSchema.parse((await again.get('/api/strategies?limit=100')).body).items;
    expect(menu.map((s) => s.title)).not.toContain('Something only this trial added');
    expect(menu.length).toBeGreaterThanOrEqual(22);
  });

  it('when Reset is pressed twice at once, then both answer and the school is seeded once', async () => {
    const before = await seededCounts();
    const { token } = await resetForm();
    const [a, b] = await Promise.all([postReset(token), postReset(token)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(await seededCounts()).toEqual(before);
  });
});
