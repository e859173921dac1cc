import { vi } from 'vitest';
import type { FieldIssue } from '../../../shared/error-body';
import type { Note, Picture } from '../../../shared/notes';
import type { RoundHosting } from '../../../shared/round-hosts';
import type { Debrief, Round } from '../../../shared/rounds';
import type { Strategy } from '../../../shared/strategy';
import type { Door, Visit } from '../../../shared/visits';

/** One request the app made to the fake server. */
export interface Call {
  method: string;
  url: URL;
  body: unknown;
}

export interface Answer {
  status?: number;
  body?: unknown;
  /** A non-JSON answer (a CSV or .ics file), sent as is with this content type. */
  text?: { body: string; type: string };
}

/**
 * Replaces fetch with a fake server: `handler` answers each call (or returns undefined for a 404). Returns the list
 * of calls, in order, to assert on.
 */
export function stubApi(handler: (call: Call) => Answer | undefined): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? 'GET',
      url: new URL(input, 'http://app.test'),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const answer = handler(call) ?? {
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: `No fake answer for ${call.method} ${input}` } },
    };
    const status = answer.status ?? 200;
    if (answer.text)
      return new Response(answer.text.body, { status, headers: { 'content-type': answer.text.type } });
    return new Response(status === 204 ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return calls;
}

export const errorBody = (code: string, message: string, fields?: FieldIssue[]) => ({
  error: { code, message, ...(fields ? { fields } : {}) },
});

/** A strategy as `GET /api/strategies` lists it: approved, contributed by Ana Rivera. */
export function strategy(overrides: Partial<Strategy> = {}): Strategy {
  return {
    id: 's1',
    title: 'Turn and talk',
    purpose: 'Everyone talks before anyone writes.',
    steps: ['Think', 'Pair', 'Share'],
    minutes: 10,
    subject: 'Science',
    gradeBand: '6-8',
    tags: ['discussion'],
    source: null,
    excerptHtml: null,
    contributors: [{ id: 'p1', name: 'Ana Rivera' }],
    status: 'approved',
    displayStatus: 'approved',
    changeRequest: null,
    mergedInto: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function door(overrides: Partial<Door> = {}): Door {
  return {
    id: 'd1',
    strategy: { id: 's1', title: 'Turn and talk' },
    host: { id: 'p2', name: 'Ben Okafor' },
    roundId: null,
    plannedBy: null,
    seriesId: null,
    startsAt: '2026-03-03T14:15:00.000Z',
    endsAt: '2026-03-03T14:25:00.000Z',
    minutes: 10,
    timeZone: 'America/New_York',
    location: 'Room 12',
    capacity: 4,
    booked: 1,
    seatsLeft: 3,
    visitorNote: 'Sit at the back table.',
    lookFor: 'Notice how students use the sentence frames',
    status: 'open',
    mine: false,
    myVisit: null,
    visitors: null,
    ...overrides,
  };
}

export function visit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: 'v1',
    status: 'booked',
    cancelledBy: null,
    thanks: null,
    door: door(),
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export const PEOPLE = [
  { id: 'p1', name: 'Ana Rivera', role: 'teacher' as const },
  { id: 'p2', name: 'Ben Okafor', role: 'teacher' as const },
  { id: 'p3', name: 'Chen Li', role: 'teacher' as const },
  { id: 'p4', name: 'Dana Cruz', role: 'coach' as const },
];

export function round(overrides: Partial<Round> = {}): Round {
  return {
    id: 'r1',
    title: 'Thursday discussion round',
    focus: { kind: 'tag', value: 'discussion' },
    date: '2026-03-12',
    start: '09:00',
    timeZone: 'America/New_York',
    occurrence: null,
    slotMinutes: 10,
    gapMinutes: 5,
    lookFor: 'Who gets to talk?',
    status: 'draft',
    cycleId: null,
    participants: [PEOPLE[0]!, PEOPLE[2]!].map(({ id, name }) => ({ id, name })),
    hosts: [
      { id: 'p2', name: 'Ben Okafor', location: 'Room 12' },
      { id: 'p4', name: 'Dana Cruz', location: 'Lab 3' },
    ],
    groups: [['p1'], ['p3']],
    slots: [
      {
        startsAt: '2026-03-12T13:00:00.000Z',
        endsAt: '2026-03-12T13:10:00.000Z',
        visits: [
          { hostId: 'p2', group: 0, visitorIds: ['p1'] },
          { hostId: 'p4', group: 1, visitorIds: ['p3'] },
        ],
      },
      {
        startsAt: '2026-03-12T13:15:00.000Z',
        endsAt: '2026-03-12T13:25:00.000Z',
        visits: [
          { hostId: 'p4', group: 0, visitorIds: ['p1'] },
          { hostId: 'p2', group: 1, visitorIds: ['p3'] },
        ],
      },
    ],
    tradeoffs: [],
    declines: [],
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function note(overrides: Partial<Note> = {}): Note {
  return {
    id: 'n1',
    visitId: 'v1',
    prompt: 'students',
    text: 'Students turned to a partner and each explained one step.',
    visit: {
      startsAt: '2026-03-03T14:15:00.000Z',
      strategyTitle: 'Turn and talk',
      roundId: null,
      roundTitle: null,
    },
    writer: { id: 'p1', name: 'Ana Rivera' },
    useful: false,
    mine: true,
    aboutMe: false,
    expiresAt: '2026-06-30T23:59:59.999Z',
    createdAt: '2026-03-03T14:30:00.000Z',
    updatedAt: '2026-03-03T14:30:00.000Z',
    ...overrides,
  };
}

export function picture(overrides: Partial<Picture> = {}): Picture {
  // Finished round debriefs (`rounds`) come with the picture too; none here.
  const debriefs = { rounds: [] };
  return {
    ...debriefs,
    by: 'tag',
    groups: [
      {
        kind: 'school',
        label: 'The whole school',
        themes: [
          { theme: 'student-talk', label: 'Students explain, discuss or argue out loud', share: 'most' },
          { theme: 'writing', label: 'Students write or draw to think', share: 'few' },
        ],
      },
      {
        kind: 'tag',
        label: 'discussion',
        themes: [
          { theme: 'student-talk', label: 'Students explain, discuss or argue out loud', share: 'many' },
          { theme: 'writing', label: 'Students write or draw to think', share: 'some' },
        ],
      },
    ],
    withheld: 2,
    minVisits: 3,
    minHosts: 3,
    ...overrides,
  };
}

export function debrief(overrides: Partial<Debrief> = {}): Debrief {
  return {
    roundId: 'r1',
    title: 'Thursday discussion round',
    focus: { kind: 'tag', value: 'discussion' },
    phase: 'description',
    facilitator: false,
    cards: [],
    patterns: [],
    prediction: null,
    nextLevel: null,
    summarizedAt: null,
    needs: [],
    skips: [],
    ...overrides,
  };
}

/** A host's room in a round (`GET /api/rounds/:id/host`): no look-for chosen yet, two open slots. */
export function hosting(overrides: Partial<RoundHosting> = {}): RoundHosting {
  return {
    round: {
      id: 'r1',
      title: 'Thursday discussion round',
      focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
      plannedBy: { id: 'p4', name: 'Dana Cruz' },
    },
    lookFors: ['Who asks the questions?', 'What do students say when they disagree?'],
    choice: null,
    lookFor: 'Who asks the questions?\nWhat do students say when they disagree?',
    canChoose: true,
    slots: [
      {
        doorId: 'd1',
        startsAt: '2030-03-12T13:00:00.000Z',
        endsAt: '2030-03-12T13:10:00.000Z',
        location: 'Room 12',
        visitors: 4,
        status: 'open',
        declineReason: null,
        canDecline: true,
      },
      {
        doorId: 'd2',
        startsAt: '2030-03-12T13:15:00.000Z',
        endsAt: '2030-03-12T13:25:00.000Z',
        location: 'Room 12',
        visitors: 4,
        status: 'open',
        declineReason: null,
        canDecline: true,
      },
    ],
    ...overrides,
  };
}
