import { createSession, hashToken } from '../lti-server/src/domain/sessions';
import { VisitListSchema } from '../shared/visits';
import type { BrowserSession } from '../tests/support/browser/browser';
import { type ApiClient, apiClient } from '../tests/support/server/api-client';
import type { TestServer } from '../tests/support/server/test-server';
import { visitHappened } from '../tests/support/server/visit-happened';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A session for each of these people of the coach's school and network, as a launch would make it. */
async function sessionsFor(server: TestServer, coach: ApiClient, personIds: string[]): Promise<ApiClient[]> {
  const db = server.database.db;
  const session = await db
    .selectFrom('sessions')
    .select(['tenant_id', 'network_id'])
    .where('token_hash', '=', hashToken(coach.token))
    .executeTakeFirstOrThrow();
  const clients: ApiClient[] = [];
  for (const personId of personIds) {
    const { token } = await createSession(
      db,
      { tenantId: session.tenant_id, personId, networkId: session.network_id },
      new Date(),
    );
    clients.push(apiClient(server, token));
  }
  return clients;
}

/** Round 1: mostly quiet work; round 2, after "every student explains one step aloud": talk in most rooms. */
const ROUND_1_NOTES = [
  'Students wrote one question on a sticky note.',
  'The teacher asked a question and one student answered.',
  'Students copied the steps from the board.',
  'Students explained their answer to the teacher.',
];
const ROUND_2_NOTES = [
  'Students explained their steps to a partner.',
  'Partners compared answers and explained which step differed.',
  'Students used the sentence frame “I’d like to add…” and explained why.',
];

/** Round by round: its visits happen, its visitors write notes (from `texts`, in turn), its debrief is finished. */
async function runRound(
  server: TestServer,
  coach: ApiClient,
  clients: Map<string, ApiClient>,
  roundId: string,
  texts: string[],
  nextLevel: string,
): Promise<void> {
  const doors = await server.database.db
    .selectFrom('doors')
    .select('id')
    .where('round_id', '=', roundId)
    .execute();
  for (const [i, d] of doors.entries()) await visitHappened(server, d.id, 240 - i * 15);
  let n = 0;
  for (const client of clients.values()) {
    const visits = VisitListSchema.parse((await client.get('/api/visits')).body).items.filter(
      (v) => v.door.roundId === roundId && v.status === 'booked',
    );
    for (const visit of visits)
      await client.post('/api/notes', {
        visitId: visit.id,
        prompt: 'students',
        text: texts[n++ % texts.length]!,
      });
  }
  await coach.put(`/api/rounds/${roundId}/debrief`, {
    phase: 'done',
    nextLevel,
    skipReason: 'Screenshots: the debrief is summarized at once',
  });
}

/**
 * docs/images/problems.png and cycle-picture.png (docs/rounds.md): teachers propose and vote, the coach runs a cycle
 * of two rounds a week apart, and the cycle's picture over time.
 */
export async function cycleScreenshots(
  server: TestServer,
  browser: BrowserSession,
  ana: ApiClient,
  dana: ApiClient,
  strategyId: string,
): Promise<void> {
  const people = (await dana.get('/api/people')).body.items as Array<{
    id: string;
    name: string;
    role: string;
  }>;
  const teachers = people.filter((p) => p.role === 'teacher').map((p) => p.id);
  const clients = new Map(
    (await sessionsFor(server, dana, teachers)).map((c, i) => [teachers[i]!, c] as const),
  );
  const [ben, chloe] = [clients.get(teachers[1]!)!, clients.get(teachers[2]!)!];
  const chosen = (
    await ana.post('/api/problems', {
      title: 'How do students build on each other’s ideas?',
      why: 'Discussions stall after the first answer.',
    })
  ).body.id as string;
  const other = (await ben.post('/api/problems', { title: 'Who asks the questions in our classrooms?' })).body
    .id as string;
  for (const [i, id] of teachers.entries())
    await clients.get(id)!.put(`/api/problems/${i % 4 === 3 ? other : chosen}/vote`, { choice: 'for' });
  await chloe.post(`/api/problems/${chosen}/comments`, {
    text: 'In my room the second answer is usually a new idea, not a response to the first.',
  });
  const cycle = (
    await dana.post('/api/cycles', {
      problemId: chosen,
      title: 'Building on ideas',
      memberIds: teachers.slice(0, 8),
      strategyIds: [strategyId],
    })
  ).body as { id: string };
  for (const id of teachers.slice(0, 4))
    await clients.get(id)!.put(`/api/strategies/${strategyId}/try`, { state: 'tried' });

  const plan = async (title: string, date: string, focus: string, lookFor: string | null) => {
    const round = await dana.post('/api/rounds', {
      title,
      focus: { kind: 'problem', value: focus },
      date,
      start: '13:00',
      timeZone: 'America/New_York',
      participantIds: teachers.slice(0, 8),
      hostIds: teachers.slice(4, 8),
      lookFor,
      cycleId: cycle.id,
      confirmOutsideSchoolDay: true,
    });
    await dana.post(`/api/rounds/${round.body.id}/publish`, { confirmTradeoffs: true });
    return round.body.id as string;
  };
  const first = await plan(
    'Building on ideas: round 1',
    day(20),
    'How do students build on each other’s ideas?',
    null,
  );
  await runRound(
    server,
    dana,
    clients,
    first,
    ROUND_1_NOTES,
    'Every student explains one step aloud. Partners ask one question back.',
  );
  const next = (await dana.get(`/api/cycles/${cycle.id}`)).body.next as {
    focus: string;
    lookFor: string | null;
  };
  const second = await plan('Building on ideas: round 2', day(27), next.focus, next.lookFor);
  await runRound(server, dana, clients, second, ROUND_2_NOTES, 'Partners ask one question back every time.');

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(`${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-ana-rivera`);
  await page.getByRole('heading', { name: 'The menu' }).waitFor();
  await page.evaluate(() => {
    window.location.hash = '#/cycles';
  });
  await page.getByRole('heading', { name: 'Proposals' }).waitFor();
  await page.screenshot({ path: 'docs/images/problems.png', fullPage: true });
  await page.evaluate((id) => {
    window.location.hash = `#/cycles/${id}`;
  }, cycle.id);
  await page.getByRole('table', { name: 'The picture over time, as a table' }).waitFor();
  await page.screenshot({ path: 'docs/images/cycle-picture.png', fullPage: true });
}
