import { expect } from 'vitest';
import { type ApiClient, launchAs } from './api-client';
import { colleaguesOf, daysFromNow } from './colleagues';
import { approvedStrategy } from './menu';
import type { TestServer } from './test-server';
import { visitHappened } from './visit-happened';

/** One write request that succeeds as it stands: the base that hostile-input tests spoil one part of. */
export interface WriteCase {
  who: () => ApiClient;
  method: 'POST' | 'PUT' | 'PATCH';
  path: () => string;
  body: () => Record<string, unknown>;
}

export interface WriteFixture {
  ana: ApiClient; // teacher, host
  ben: ApiClient; // teacher, visitor
  dana: ApiClient; // coach
  /** Real ids, by the resource a route parameter names (the round is the draft one). */
  ids: { strategies: string; doors: string; visits: string; notes: string; rounds: string };
  /** Keyed `METHOD /api/path/:param`, as the API router spells its routes. */
  cases: Record<string, WriteCase>;
}

/**
 * A school with something of everything (strategies, an open door, a visit that happened, a note, a draft and a
 * published round) and a valid request for each write route of the API.
 */
export async function writeFixture(server: TestServer): Promise<WriteFixture> {
  const ana = await launchAs(server, 'sandbox-ana-rivera');
  const ben = await launchAs(server, 'sandbox-ben-okafor');
  const dana = await launchAs(server, 'sandbox-dana-kim');

  const strategyId = await approvedStrategy(ana, dana, { title: 'Number talks' });
  const otherId = await approvedStrategy(ana, dana, { title: 'Exit tickets' });
  // Curation and merging change a strategy for good: they get strategies of their own.
  const curatedId = await approvedStrategy(ana, dana, { title: 'Gallery walk' });
  const mergedId = await approvedStrategy(ana, dana, { title: 'Gallery walk again' });
  const door = await ana.post('/api/doors', {
    strategyId,
    date: daysFromNow(10),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room 1',
  });
  const doorId = door.body.items[0].id as string;
  const visitId = (await ben.post('/api/visits', { doorId })).body.id as string;
  await visitHappened(server, doorId);
  const evidence = 'Students turned to a partner and each explained one step.';
  const noteId = (await ben.post('/api/notes', { visitId, prompt: 'students', text: evidence })).body
    .id as string;
  const staff = await colleaguesOf(server, dana, 8);
  const staffIds = await Promise.all(
    staff.map(async (c) => (await c.get('/api/me')).body.person.id as string),
  );
  const roundBody = {
    title: 'Spring round',
    focus: { kind: 'problem', value: 'Student talk' },
    date: daysFromNow(12),
    start: '09:00',
    timeZone: 'UTC',
    participantIds: staffIds,
    hostIds: staffIds.slice(0, 2),
    locations: { [staffIds[0] as string]: 'Room 2' },
    lookFor: 'Who talks?',
  };
  const round = await dana.post('/api/rounds', roundBody);
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  const roundId = round.body.id as string;
  // The debrief opens once a round is published.
  const published = await dana.post('/api/rounds', {
    ...roundBody,
    title: 'Published round',
    date: daysFromNow(13),
  });
  const debriefId = published.body.id as string;
  expect((await dana.post(`/api/rounds/${debriefId}/publish`, { confirmTradeoffs: true })).status).toBe(200);

  const cases: Record<string, WriteCase> = {
    'POST /api/strategies': {
      who: () => ana,
      method: 'POST',
      path: () => '/api/strategies',
      body: () => ({
        title: 'Cold call with wait time',
        purpose: 'Everyone thinks before anyone answers.',
        steps: ['Ask', 'Wait five seconds', 'Call on a name stick'],
        minutes: 5,
        subject: 'Any',
        gradeBand: 'Any',
        tags: ['questioning'],
        sourceUrl: 'https://example.org/wait-time',
        sourceTitle: 'Wait time',
        excerptHtml: '<p>Wait.</p>',
      }),
    },
    'PATCH /api/strategies/:id': {
      who: () => dana,
      method: 'PATCH',
      path: () => `/api/strategies/${strategyId}`,
      body: () => ({
        title: 'Number talks',
        purpose: 'Mental maths out loud.',
        steps: ['Show a problem'],
        subject: 'Maths',
        gradeBand: '3-5',
        tags: ['maths'],
        sourceUrl: 'https://example.org/number-talks',
        sourceTitle: 'Number talks',
        excerptHtml: '<p>Talk.</p>',
      }),
    },
    'POST /api/strategies/:id/curation': {
      who: () => dana,
      method: 'POST',
      path: () => `/api/strategies/${curatedId}/curation`,
      body: () => ({ action: 'request-changes', message: 'Add a step' }),
    },
    'POST /api/strategies/:id/merge': {
      who: () => dana,
      method: 'POST',
      path: () => `/api/strategies/${mergedId}/merge`,
      body: () => ({ intoId: otherId }),
    },
    'PUT /api/strategies/:id/try': {
      who: () => ben,
      method: 'PUT',
      path: () => `/api/strategies/${strategyId}/try`,
      body: () => ({ state: 'tried', reflection: 'It worked with my sixth graders.' }),
    },
    'POST /api/doors': {
      who: () => ana,
      method: 'POST',
      path: () => '/api/doors',
      body: () => ({
        strategyId,
        date: daysFromNow(14),
        start: '10:00',
        timeZone: 'UTC',
        location: 'Room 1',
        visitorNote: 'Sit at the back',
        lookFor: 'Who speaks first?',
      }),
    },
    'POST /api/visits': {
      who: () => ben,
      method: 'POST',
      path: () => '/api/visits',
      body: () => ({ doorId }),
    },
    'POST /api/notes': {
      who: () => ben,
      method: 'POST',
      path: () => '/api/notes',
      body: () => ({ visitId, prompt: 'teacher', text: evidence }),
    },
    'PATCH /api/notes/:id': {
      who: () => ben,
      method: 'PATCH',
      path: () => `/api/notes/${noteId}`,
      body: () => ({ text: evidence }),
    },
    'PUT /api/notes/retention': {
      who: () => dana,
      method: 'PUT',
      path: () => '/api/notes/retention',
      body: () => ({ expiresOn: daysFromNow(200) }),
    },
    'POST /api/visits/:id/thanks': {
      who: () => ana,
      method: 'POST',
      path: () => `/api/visits/${visitId}/thanks`,
      body: () => ({ message: 'Thank you for coming' }),
    },
    'POST /api/rounds': { who: () => dana, method: 'POST', path: () => '/api/rounds', body: () => roundBody },
    'PUT /api/rounds/:id/groups': {
      who: () => dana,
      method: 'PUT',
      path: () => `/api/rounds/${roundId}/groups`,
      body: () => ({ groups: [staffIds.slice(0, 4), staffIds.slice(4)] }),
    },
    'PUT /api/rounds/:id/debrief': {
      who: () => dana,
      method: 'PUT',
      path: () => `/api/rounds/${debriefId}/debrief`,
      body: () => ({ phase: 'analysis', prediction: 'Students could explain', nextLevel: 'More talk' }),
    },
    'POST /api/rounds/:id/debrief/cards': {
      who: () => dana,
      method: 'POST',
      path: () => `/api/rounds/${debriefId}/debrief/cards`,
      body: () => ({ noteId }),
    },
    'PUT /api/rounds/:id/debrief/cards/:cardId': {
      who: () => dana,
      method: 'PUT',
      path: () => `/api/rounds/${debriefId}/debrief/cards/card-1`,
      body: () => ({ patternId: 'pattern-1' }),
    },
    'POST /api/rounds/:id/debrief/patterns': {
      who: () => dana,
      method: 'POST',
      path: () => `/api/rounds/${debriefId}/debrief/patterns`,
      body: () => ({ name: 'Partner talk' }),
    },
    'POST /api/pairings': {
      who: () => ben,
      method: 'POST',
      path: () => '/api/pairings',
      body: () => ({ label: 'Chrome on my laptop' }),
    },
    'POST /api/pairings/claim': {
      who: () => ben,
      method: 'POST',
      path: () => '/api/pairings/claim',
      body: () => ({ pairingId: 'p-1', claimSecret: 'secret' }),
    },
    'POST /api/pairings/confirm': {
      who: () => ben,
      method: 'POST',
      path: () => '/api/pairings/confirm',
      body: () => ({ code: 'ABCD-2345' }),
    },
    'POST /api/deep-links/:id': {
      who: () => dana,
      method: 'POST',
      path: () => '/api/deep-links/request-1',
      body: () => ({ strategyId, as: 'link' }),
    },
    'PUT /api/settings': {
      who: () => dana,
      method: 'PUT',
      path: () => '/api/settings',
      body: () => ({ networkScope: 'course', coachRoles: ['membership#Administrator'] }),
    },
  };
  return {
    ana,
    ben,
    dana,
    ids: { strategies: strategyId, doors: doorId, visits: visitId, notes: noteId, rounds: roundId },
    cases,
  };
}
