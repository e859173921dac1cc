import { beforeAll, describe, expect, it } from 'vitest';
import { apiRouter } from '../../lti-server/src/http/api-routes';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf } from '../support/server/colleagues';
import { routesOf } from '../support/server/route-table';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

/**
 * Walks every API route with a session from tenant B and ids from tenant A: nothing of A may be read or written.
 * The route table below must list every route the API has; the first test fails when a new route is added
 * without being covered here.
 */
type Kind = 'strategy' | 'door' | 'visit' | 'round' | 'note' | 'notice' | 'problem' | 'cycle' | 'district';
/** `kind` says whose id of tenant A the path gets: a strategy's (the default), an open door's, a visit's, a round's or a note's. */
type Call = {
  method: string;
  path: (id: string) => string;
  body?: unknown | ((id: string) => unknown);
  kind?: Kind;
};

const ROUTES: Record<string, Call> = {
  'GET /me': { method: 'GET', path: () => '/api/me' },
  // The caller's own interface language (null follows the LMS again, so B's later calls are unchanged).
  'PUT /me/language': { method: 'PUT', path: () => '/api/me/language', body: { language: null } },
  'DELETE /session': { method: 'DELETE', path: () => '/api/session' },
  'GET /strategies/': { method: 'GET', path: () => '/api/strategies?q=secret' },
  'POST /strategies/': { method: 'POST', path: () => '/api/strategies', body: { title: 'x' } },
  'POST /strategies/similar': {
    method: 'POST',
    path: () => '/api/strategies/similar',
    body: { title: 'Tenant A secret', steps: ['One'] },
  },
  'GET /strategies/review-count': { method: 'GET', path: () => '/api/strategies/review-count' },
  'GET /strategies/export.csv': { method: 'GET', path: () => '/api/strategies/export.csv' },
  'GET /strategies/:id': { method: 'GET', path: (id) => `/api/strategies/${id}` },
  'PATCH /strategies/:id': {
    method: 'PATCH',
    path: (id) => `/api/strategies/${id}`,
    body: { title: 'Hijacked' },
  },
  'POST /strategies/:id/curation': {
    method: 'POST',
    path: (id) => `/api/strategies/${id}/curation`,
    body: { action: 'retire' },
  },
  'POST /strategies/:id/merge': {
    method: 'POST',
    path: (id) => `/api/strategies/${id}/merge`,
    body: { intoId: 'any-other-id' },
  },
  'GET /strategies/:id/duplicates': { method: 'GET', path: (id) => `/api/strategies/${id}/duplicates` },
  'GET /strategies/:id/audit': { method: 'GET', path: (id) => `/api/strategies/${id}/audit` },
  'PUT /strategies/:id/try': {
    method: 'PUT',
    path: (id) => `/api/strategies/${id}/try`,
    body: { state: 'trying' },
  },
  'DELETE /strategies/:id/try': { method: 'DELETE', path: (id) => `/api/strategies/${id}/try` },
  'GET /settings': { method: 'GET', path: () => '/api/settings' },
  'PUT /settings': {
    method: 'PUT',
    path: () => '/api/settings',
    body: { networkScope: 'deployment', coachRoles: ['institution#Administrator'] },
  },
  'GET /settings/platform': { method: 'GET', path: () => '/api/settings/platform' },
  'PUT /settings/school-name': {
    method: 'PUT',
    path: () => '/api/settings/school-name',
    body: { schoolName: 'Hijacked school' },
  },
  'GET /school-day': { method: 'GET', path: () => '/api/school-day' },
  'GET /settings/subjects': { method: 'GET', path: () => '/api/settings/subjects' },
  'GET /roster': { method: 'GET', path: () => '/api/roster' },
  'POST /deep-links/:id': {
    method: 'POST',
    path: (id) => `/api/deep-links/${id}`,
    body: { strategyId: 'x', as: 'link' },
  },
  'POST /pairings': { method: 'POST', path: () => '/api/pairings', body: { label: 'tenant B browser' } },
  'POST /pairings/claim': {
    method: 'POST',
    path: () => '/api/pairings/claim',
    body: { pairingId: 'x', claimSecret: 'y' },
  },
  'POST /pairings/confirm': {
    method: 'POST',
    path: () => '/api/pairings/confirm',
    body: { code: 'ABCD-EFGH' },
  },
  'GET /devices': { method: 'GET', path: () => '/api/devices' },
  'DELETE /devices/:id': { method: 'DELETE', path: (id) => `/api/devices/${id}` },
  'GET /doors': {
    method: 'GET',
    path: () =>
      `/api/doors?from=${new Date().toISOString()}&to=${new Date(Date.now() + 40 * 86_400_000).toISOString()}`,
  },
  'POST /doors': {
    method: 'POST',
    path: () => '/api/doors',
    body: { strategyId: 'x', date: '2030-01-07', start: '09:00', timeZone: 'UTC', location: 'Room 1' },
  },
  'GET /doors/:id': { method: 'GET', path: (id) => `/api/doors/${id}`, kind: 'door' },
  'POST /doors/:id/cancel': { method: 'POST', path: (id) => `/api/doors/${id}/cancel`, kind: 'door' },
  'GET /doors/:id/ics': { method: 'GET', path: (id) => `/api/doors/${id}/ics`, kind: 'door' },
  'GET /doors/:id/dialogue': { method: 'GET', path: (id) => `/api/doors/${id}/dialogue`, kind: 'door' },
  'POST /doors/:id/dialogue': {
    method: 'POST',
    path: (id) => `/api/doors/${id}/dialogue`,
    body: { part: 'noticed', text: 'Students compared two answers.' },
    kind: 'door',
  },
  'GET /visits': { method: 'GET', path: () => '/api/visits' },
  'POST /visits': {
    method: 'POST',
    path: () => '/api/visits',
    body: (id: string) => ({ doorId: id }),
    kind: 'door',
  },
  'GET /visits/:id': { method: 'GET', path: (id) => `/api/visits/${id}`, kind: 'visit' },
  'POST /visits/:id/cancel': { method: 'POST', path: (id) => `/api/visits/${id}/cancel`, kind: 'visit' },
  'GET /visits/:id/ics': { method: 'GET', path: (id) => `/api/visits/${id}/ics`, kind: 'visit' },
  'GET /calendar': { method: 'GET', path: () => '/api/calendar' },
  'POST /calendar': { method: 'POST', path: () => '/api/calendar' },
  'DELETE /calendar': { method: 'DELETE', path: () => '/api/calendar' },
  'GET /people': { method: 'GET', path: () => '/api/people' },
  'GET /rounds': { method: 'GET', path: () => '/api/rounds' },
  'GET /round-notices': { method: 'GET', path: () => '/api/round-notices' },
  'POST /round-notices/:id/seen': {
    method: 'POST',
    path: (id) => `/api/round-notices/${id}/seen`,
    kind: 'notice',
  },
  'POST /rounds': {
    method: 'POST',
    path: () => '/api/rounds',
    body: (id: string) => ({ title: 'x', hostIds: [id] }),
    kind: 'round',
  },
  'GET /rounds/:id': { method: 'GET', path: (id) => `/api/rounds/${id}`, kind: 'round' },
  'PUT /rounds/:id/groups': {
    method: 'PUT',
    path: (id) => `/api/rounds/${id}/groups`,
    body: { groups: [['x']] },
    kind: 'round',
  },
  'POST /rounds/:id/publish': { method: 'POST', path: (id) => `/api/rounds/${id}/publish`, kind: 'round' },
  'DELETE /rounds/:id': { method: 'DELETE', path: (id) => `/api/rounds/${id}`, kind: 'round' },
  'GET /notes': { method: 'GET', path: () => '/api/notes?which=about' },
  'POST /notes': {
    method: 'POST',
    path: () => '/api/notes',
    body: (id: string) => ({ visitId: id, prompt: 'students', text: 'Students wrote.' }),
    kind: 'visit',
  },
  'GET /notes/retention': { method: 'GET', path: () => '/api/notes/retention' },
  'PUT /notes/retention': {
    method: 'PUT',
    path: () => '/api/notes/retention',
    body: { expiresOn: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) },
  },
  'GET /notes/:id': { method: 'GET', path: (id) => `/api/notes/${id}`, kind: 'note' },
  'PATCH /notes/:id': {
    method: 'PATCH',
    path: (id) => `/api/notes/${id}`,
    body: { text: 'x' },
    kind: 'note',
  },
  'DELETE /notes/:id': { method: 'DELETE', path: (id) => `/api/notes/${id}`, kind: 'note' },
  'POST /notes/:id/useful': {
    method: 'POST',
    path: (id) => `/api/notes/${id}/useful`,
    body: { useful: true },
    kind: 'note',
  },
  'POST /visits/:id/thanks': {
    method: 'POST',
    path: (id) => `/api/visits/${id}/thanks`,
    body: { message: 'Thanks' },
    kind: 'visit',
  },
  'GET /rounds/:id/debrief': { method: 'GET', path: (id) => `/api/rounds/${id}/debrief`, kind: 'round' },
  'PUT /rounds/:id/debrief': {
    method: 'PUT',
    path: (id) => `/api/rounds/${id}/debrief`,
    body: { phase: 'done' },
    kind: 'round',
  },
  'POST /rounds/:id/debrief/cards': {
    method: 'POST',
    path: (id) => `/api/rounds/${id}/debrief/cards`,
    body: { noteId: 'x' },
    kind: 'round',
  },
  'PUT /rounds/:id/debrief/cards/:cardId': {
    method: 'PUT',
    path: (id) => `/api/rounds/${id}/debrief/cards/x`,
    body: { patternId: null },
    kind: 'round',
  },
  'DELETE /rounds/:id/debrief/cards/:cardId': {
    method: 'DELETE',
    path: (id) => `/api/rounds/${id}/debrief/cards/x`,
    kind: 'round',
  },
  'POST /rounds/:id/debrief/patterns': {
    method: 'POST',
    path: (id) => `/api/rounds/${id}/debrief/patterns`,
    body: { name: 'x' },
    kind: 'round',
  },
  'GET /rounds/:id/briefing': { method: 'GET', path: (id) => `/api/rounds/${id}/briefing`, kind: 'round' },
  'PUT /rounds/:id/briefing': {
    method: 'PUT',
    path: (id) => `/api/rounds/${id}/briefing`,
    body: { why: 'Hijacked', norms: ['Hijacked'] },
    kind: 'round',
  },
  'PUT /rounds/:id/roles': {
    method: 'PUT',
    path: (id) => `/api/rounds/${id}/roles`,
    body: { roles: [{ facilitator: 'x', timekeeper: 'y', noteTaker: 'z' }] },
    kind: 'round',
  },
  'POST /rounds/:id/briefing/ack': {
    method: 'POST',
    path: (id) => `/api/rounds/${id}/briefing/ack`,
    kind: 'round',
  },
  'POST /room-links/sign-in': {
    method: 'POST',
    path: () => '/api/room-links/sign-in',
    body: { token: 'a'.repeat(43) },
  },
  'POST /room-links': {
    method: 'POST',
    path: () => '/api/room-links',
    body: (id: string) => ({ doorId: id }),
    kind: 'door',
  },
  'DELETE /room-links': { method: 'DELETE', path: () => '/api/room-links' },
  'POST /visits/on-the-spot': {
    method: 'POST',
    path: () => '/api/visits/on-the-spot',
    body: (id: string) => ({ doorId: id }),
    kind: 'door',
  },
  'GET /room/note-key': { method: 'GET', path: () => '/api/room/note-key' },
  'POST /room/notes': {
    method: 'POST',
    path: () => '/api/room/notes',
    body: {
      clientId: '5b0c1d2e-1111-4222-8333-444455556666',
      sealed: {
        kid: 'a'.repeat(24),
        epk: { kty: 'EC', crv: 'P-256', x: 'a'.repeat(43), y: 'a'.repeat(43) },
        iv: 'a'.repeat(16),
        data: 'a'.repeat(40),
      },
    },
  },
  'GET /rounds/:id/host': { method: 'GET', path: (id) => `/api/rounds/${id}/host`, kind: 'round' },
  'PUT /rounds/:id/host/look-for': {
    method: 'PUT',
    path: (id) => `/api/rounds/${id}/host/look-for`,
    body: { own: 'What do students write?' },
    kind: 'round',
  },
  'DELETE /rounds/:id/host/look-for': {
    method: 'DELETE',
    path: (id) => `/api/rounds/${id}/host/look-for`,
    kind: 'round',
  },
  'POST /doors/:id/decline': {
    method: 'POST',
    path: (id) => `/api/doors/${id}/decline`,
    body: { reason: 'Our class has a test' },
    kind: 'door',
  },
  'POST /rounds/:id/declines/:declineId/replan': {
    method: 'POST',
    path: (id) => `/api/rounds/${id}/declines/x/replan`,
    body: { hostId: 'x' },
    kind: 'round',
  },
  'GET /host-notices': { method: 'GET', path: () => '/api/host-notices' },
  'POST /host-notices/:id/seen': {
    method: 'POST',
    path: (id) => `/api/host-notices/${id}/seen`,
    kind: 'notice',
  },
  'GET /picture/rounds': { method: 'GET', path: () => '/api/picture/rounds' },
  'GET /picture': { method: 'GET', path: () => '/api/picture' },
  'GET /problems': { method: 'GET', path: () => '/api/problems' },
  'POST /problems': { method: 'POST', path: () => '/api/problems', body: { title: 'Who talks most?' } },
  'GET /problems/:id': { method: 'GET', path: (id) => `/api/problems/${id}`, kind: 'problem' },
  'PUT /problems/:id/vote': {
    method: 'PUT',
    path: (id) => `/api/problems/${id}/vote`,
    body: { choice: 'against' },
    kind: 'problem',
  },
  'DELETE /problems/:id/vote': {
    method: 'DELETE',
    path: (id) => `/api/problems/${id}/vote`,
    kind: 'problem',
  },
  'POST /problems/:id/comments': {
    method: 'POST',
    path: (id) => `/api/problems/${id}/comments`,
    body: { text: 'A comment from another school.' },
    kind: 'problem',
  },
  'POST /problems/:id/close': { method: 'POST', path: (id) => `/api/problems/${id}/close`, kind: 'problem' },
  'GET /cycles': { method: 'GET', path: () => '/api/cycles' },
  'POST /cycles': {
    method: 'POST',
    path: () => '/api/cycles',
    body: (id: string) => ({ problemId: id, memberIds: ['a', 'b', 'c'] }),
    kind: 'problem',
  },
  'GET /cycles/:id': { method: 'GET', path: (id) => `/api/cycles/${id}`, kind: 'cycle' },
  'POST /cycles/:id/members': {
    method: 'POST',
    path: (id) => `/api/cycles/${id}/members`,
    body: { personIds: ['a'] },
    kind: 'cycle',
  },
  'POST /cycles/:id/strategies': {
    method: 'POST',
    path: (id) => `/api/cycles/${id}/strategies`,
    body: () => ({ strategyId: ids.strategy }),
    kind: 'cycle',
  },
  'DELETE /cycles/:id/strategies/:strategyId': {
    method: 'DELETE',
    path: (id) => `/api/cycles/${id}/strategies/${ids.strategy}`,
    kind: 'cycle',
  },
  'POST /cycles/:id/end': { method: 'POST', path: (id) => `/api/cycles/${id}/end`, kind: 'cycle' },
  'GET /cycles/:id/picture': { method: 'GET', path: (id) => `/api/cycles/${id}/picture`, kind: 'cycle' },
  'GET /picture.csv': { method: 'GET', path: () => '/api/picture.csv' },
  'GET /districts': { method: 'GET', path: () => '/api/districts' },
  'POST /districts': { method: 'POST', path: () => '/api/districts', body: { name: 'School B district' } },
  'POST /districts/join': {
    method: 'POST',
    path: () => '/api/districts/join',
    body: { code: 'not-a-real-code' },
  },
  'GET /districts/:id': { method: 'GET', path: (id) => `/api/districts/${id}`, kind: 'district' },
  'POST /districts/:id/accept': {
    method: 'POST',
    path: (id) => `/api/districts/${id}/accept`,
    kind: 'district',
  },
  'POST /districts/:id/invites': {
    method: 'POST',
    path: (id) => `/api/districts/${id}/invites`,
    kind: 'district',
  },
  'POST /districts/:id/rounds': {
    method: 'POST',
    path: (id) => `/api/districts/${id}/rounds`,
    body: () => ({ roundId: districtRoundA, problem: 'Taken over' }),
    kind: 'district',
  },
  'GET /districts/:id/rounds/:roundId': {
    method: 'GET',
    path: (id) => `/api/districts/${id}/rounds/${districtRoundA}`,
    kind: 'district',
  },
  'POST /districts/:id/rounds/:roundId/seat': {
    method: 'POST',
    path: (id) => `/api/districts/${id}/rounds/${districtRoundA}/seat`,
    kind: 'district',
  },
  'POST /districts/:id/rounds/:roundId/visits': {
    method: 'POST',
    path: (id) => `/api/districts/${id}/rounds/${districtRoundA}/visits`,
    body: () => ({ doorId: ids.door }),
    kind: 'district',
  },
  'POST /districts/:id/rounds/:roundId/notes': {
    method: 'POST',
    path: (id) => `/api/districts/${id}/rounds/${districtRoundA}/notes`,
    body: () => ({ visitId: ids.visit, prompt: 'students', text: 'Students wrote.' }),
    kind: 'district',
  },
  'POST /districts/:id/rounds/:roundId/briefing/ack': {
    method: 'POST',
    path: (id) => `/api/districts/${id}/rounds/${districtRoundA}/briefing/ack`,
    kind: 'district',
  },
  'POST /districts/:id/rounds/:roundId/visits/:visitId/cancel': {
    method: 'POST',
    path: (id) => `/api/districts/${id}/rounds/${districtRoundA}/visits/${ids.visit}/cancel`,
    body: { reason: 'A meeting came up' },
    kind: 'district',
  },
  'GET /districts/:id/rounds/:roundId/dialogue/:doorId': {
    method: 'GET',
    path: (id) => `/api/districts/${id}/rounds/${districtRoundA}/dialogue/${ids.door}`,
    kind: 'district',
  },
  'POST /districts/:id/rounds/:roundId/dialogue/:doorId': {
    method: 'POST',
    path: (id) => `/api/districts/${id}/rounds/${districtRoundA}/dialogue/${ids.door}`,
    body: { part: 'noticed', text: 'Students explained their steps.' },
    kind: 'district',
  },
  'POST /districts/:id/leave': {
    method: 'POST',
    path: (id) => `/api/districts/${id}/leave`,
    kind: 'district',
  },
};

let server: TestServer;
let coachA: ApiClient;
let coachB: ApiClient;
let teacherB: ApiClient;
let strategyA: string;
let ids: Record<Kind, string>;
/** Tenant A's round opened to tenant A's own district (named only-in-school-a), which B never joined. */
let districtRoundA: string;
let readNoteA: () => Promise<{ status: number; body: { text?: string } }>;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  coachA = await launchAs(server, 'sandbox-dana-kim');
  const created = await coachA.post('/api/strategies', {
    title: 'Tenant A secret',
    purpose: 'Only tenant A may see this.',
    steps: ['One'],
    minutes: 5,
    subject: 'Any',
    gradeBand: 'Any',
  });
  strategyA = created.body.id;
  const door = await coachA.post('/api/doors', {
    strategyId: strategyA,
    date: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room A',
  });
  const doorA = door.body.items[0].id as string;
  const teacherA = await launchAs(server, 'sandbox-ben-okafor');
  const visitA = (await teacherA.post('/api/visits', { doorId: doorA })).body.id as string;
  const staffA = await colleaguesOf(server, coachA, 8, 'Tenant A secret teacher');
  const staffIds = await Promise.all(
    staffA.map(async (c) => (await c.get('/api/me')).body.person.id as string),
  );
  const round = await coachA.post('/api/rounds', {
    title: 'Tenant A secret round',
    focus: { kind: 'tag', value: 'discussion' },
    date: new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10),
    start: '09:00',
    timeZone: 'UTC',
    participantIds: staffIds,
    hostIds: staffIds.slice(0, 2),
  });
  // Its briefing holds words of tenant A.
  expect(
    (
      await coachA.put(`/api/rounds/${round.body.id}/briefing`, {
        why: 'Tenant A secret why',
        norms: ['Tenant A secret norm'],
      })
    ).status,
  ).toBe(200);
  await visitHappened(server, doorA);
  const noteA = await teacherA.post('/api/notes', {
    visitId: visitA,
    prompt: 'students',
    text: 'Students explained each step of the secret sauce.',
  });
  // A published round of tenant A with a canceled visit: its coach has an open notice.
  const published = await coachA.post('/api/rounds', {
    title: 'Tenant A secret published round',
    focus: { kind: 'tag', value: 'discussion' },
    date: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
    start: '09:00',
    timeZone: 'UTC',
    participantIds: staffIds,
    hostIds: staffIds.slice(0, 2),
  });
  expect(
    (await coachA.post(`/api/rounds/${published.body.id}/publish`, { confirmTradeoffs: true })).status,
  ).toBe(200);
  for (const member of staffA) {
    const mine = (await member.get('/api/visits')).body.items.find(
      (v: { door: { roundId: string } }) => v.door.roundId === published.body.id,
    );
    if (mine) {
      await member.post(`/api/visits/${mine.id}/cancel`, { reason: 'A parent meeting moved to that time.' });
      break;
    }
  }
  const notices = (await coachA.get('/api/round-notices')).body.items;
  expect(notices).toHaveLength(1);
  // A proposal of tenant A (open, so B's votes and comments would land if isolation failed) and a cycle on another.
  // Proposals never name people, and the staff here are named "Tenant A secret teacher …": another marker is used.
  const problemA = await coachA.post('/api/problems', { title: 'How do groups talk? (only-in-school-a)' });
  const chosenA = await coachA.post('/api/problems', { title: 'Who asks questions? (only-in-school-a)' });
  const cycleA = await coachA.post('/api/cycles', {
    problemId: chosenA.body.id,
    title: 'Tenant A secret cycle',
    memberIds: staffIds.slice(0, 3),
    strategyIds: [strategyA],
  });
  expect(cycleA.status, JSON.stringify([problemA.body, chosenA.body, cycleA.body])).toBe(201);
  const districtA = await coachA.post('/api/districts', { name: 'District only-in-school-a' });
  const openedA = await coachA.post(`/api/districts/${districtA.body.id}/rounds`, {
    roundId: published.body.id,
    problem: 'Tenant A secret problem of practice',
  });
  expect(openedA.status, JSON.stringify(openedA.body)).toBe(201);
  districtRoundA = published.body.id;
  ids = {
    district: districtA.body.id,
    problem: problemA.body.id,
    cycle: cycleA.body.id,
    strategy: strategyA,
    door: doorA,
    visit: visitA,
    round: round.body.id,
    note: noteA.body.id,
    notice: notices[0].id,
  };
  // Tenant A's bell schedule, set after its doors and round so it does not ask about their times.
  const bells = await coachA.put('/api/settings', {
    networkScope: 'course',
    coachRoles: ['membership#ContentDeveloper', 'custom#coach'],
    schoolDay: {
      timeZone: 'UTC',
      periods: [{ name: 'Tenant A secret period', weekdays: ['mon'], start: '08:00', end: '08:50' }],
    },
  });
  expect(bells.status).toBe(200);
  readNoteA = () => teacherA.get(`/api/notes/${noteA.body.id}`);
  coachB = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'school-b' });
  teacherB = await launchAs(server, 'sandbox-ben-okafor', { deploymentId: 'school-b' });
}, 60_000);
describe('tenant isolation', () => {
  it('when the API has routes, then each is covered by this suite', () => {
    const actual = routesOf(apiRouter(server.database, server.lti, server.config.publicUrl)).filter(
      (r) => !r.startsWith('USE'),
    );
    expect(actual.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [name, call] of Object.entries(ROUTES)) {
    it(`when tenant B calls ${name} with tenant A's ids, then nothing of A is read or changed`, async () => {
      // Ending a session only ever ends the caller's own: use throwaway sessions for it.
      const clients =
        name === 'DELETE /session'
          ? [
              await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'school-b' }),
              await launchAs(server, 'sandbox-ben-okafor', { deploymentId: 'school-b' }),
            ]
          : [coachB, teacherB];
      for (const client of clients) {
        const res = await (
          client as unknown as Record<
            string,
            (p: string, b?: unknown) => Promise<{ status: number; body: unknown }>
          >
        )[call.method.toLowerCase()]!(
          call.path(ids[call.kind ?? 'strategy']),
          typeof call.body === 'function' ? call.body(ids[call.kind ?? 'strategy']) : call.body,
        );
        expect(JSON.stringify(res.body ?? '')).not.toContain('Tenant A secret');
        expect(JSON.stringify(res.body ?? '')).not.toContain('sandbox-school');
        expect(JSON.stringify(res.body ?? '')).not.toContain('secret sauce');
        expect(JSON.stringify(res.body ?? '')).not.toContain('only-in-school-a');
        if (call.path('x').includes('/x')) expect([403, 404]).toContain(res.status);
      }
      const a = await coachA.get(`/api/strategies/${strategyA}`);
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({ title: 'Tenant A secret', status: 'approved', myTry: null });
      expect((await coachA.get('/api/settings')).body).toMatchObject({ networkScope: 'course' });
      expect((await coachA.get(`/api/problems/${ids.problem}`)).body).toMatchObject({
        status: 'open',
        votes: { for: 0, against: 0 },
        comments: [],
      });
      expect((await coachA.get(`/api/cycles/${ids.cycle}`)).body).toMatchObject({ status: 'active' });
      expect((await coachA.get(`/api/cycles/${ids.cycle}`)).body.members).toHaveLength(3);
      expect((await coachA.get(`/api/cycles/${ids.cycle}`)).body.strategies).toHaveLength(1);
      expect((await coachA.get('/api/school-day')).body.periods[0].name).toBe('Tenant A secret period');
      expect((await coachA.get(`/api/doors/${ids.door}`)).body).toMatchObject({ status: 'open', booked: 1 });
      expect((await coachA.get(`/api/rounds/${ids.round}`)).body).toMatchObject({ status: 'draft' });
      expect((await coachA.get(`/api/rounds/${ids.round}/briefing`)).body).toMatchObject({
        why: 'Tenant A secret why',
        norms: ['Tenant A secret norm'],
        reading: { read: 0 },
      });
      expect((await coachA.get('/api/round-notices')).body.items.map((n: { id: string }) => n.id)).toEqual([
        ids.notice,
      ]);
      expect((await readNoteA()).body.text).toBe('Students explained each step of the secret sauce.');
      expect((await coachA.get('/api/settings/platform')).body).toMatchObject({
        deploymentId: 'sandbox-school',
        schoolName: null,
      });
      const district = await coachA.get(`/api/districts/${ids.district}`);
      expect(district.body.schools).toHaveLength(1);
      expect(district.body.crossedVisits).toBe(0);
    });
  }

  it('when tenant B lists the menu, then tenant A rows never appear in any status', async () => {
    for (const status of ['approved', 'featured', 'pending', 'retired', 'mine']) {
      const res = await coachB.get(`/api/strategies?status=${status}`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('Tenant A secret');
    }
    const csv = await fetch(`${server.url}/api/strategies/export.csv`, {
      headers: { authorization: `Bearer ${coachB.token}` },
    });
    expect(await csv.text()).not.toContain('Tenant A secret');
  });

  it("when tenant B tries to confirm, list or revoke tenant A's paired browser, then A's browser keeps working", async () => {
    const start = await fetch(`${server.url}/api/pairings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'A laptop' }),
    }).then((r) => r.json());
    expect((await coachA.post('/api/pairings/confirm', { code: start.code })).status).toBe(200);
    expect((await coachB.post('/api/pairings/confirm', { code: start.code })).status).toBe(404);
    const claim = await fetch(`${server.url}/api/pairings/claim`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pairingId: start.pairingId, claimSecret: start.claimSecret }),
    }).then((r) => r.json());
    const deviceId = (await coachA.get('/api/devices')).body.items[0].id as string;
    expect(JSON.stringify((await coachB.get('/api/devices')).body)).not.toContain(deviceId);
    expect((await coachB.delete(`/api/devices/${deviceId}`)).status).toBe(404);
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${claim.token}` } });
    expect(me.status).toBe(200);
  });
});
