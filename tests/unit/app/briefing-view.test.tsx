import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { href, parseRoute } from '../../../lti-server/app/src/router';
import { BriefingView } from '../../../lti-server/app/src/views/briefing-view';
import { ClockView } from '../../../lti-server/app/src/views/clock-view';
import { RoundDetail } from '../../../lti-server/app/src/views/rounds-view';
import { VisitsView } from '../../../lti-server/app/src/views/visits-view';
import { setLanguage } from '../../../shared/i18n';
import { type Briefing, DEFAULT_NORMS } from '../../../shared/round-briefing';
import { expectNoAxeViolations } from './axe';
import { type Call, door, errorBody, round, stubApi, visit } from './fake-api';

const ZONE = 'America/Chicago';
const p = (id: string, name: string) => ({ id, name });
const ANA = p('p1', 'Ana Rivera');
const BEN = p('p2', 'Ben Okafor');
const CHEN = p('p3', 'Chen Li');
const DEV = p('p4', 'Dev Patel');
const EVE = p('p5', 'Eve Moreau');
const FAY = p('p6', 'Fay Ng');

/** A published round of two groups, 10:00–10:10 and 10:15–10:25 in Chicago (CDT), seen by Ana (group 1's facilitator). */
function briefing(overrides: Partial<Briefing> = {}): Briefing {
  return {
    roundId: 'r1',
    title: 'Thursday discussion round',
    status: 'published',
    focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
    why: 'Our students rarely answer each other.',
    lookFors: 'Who speaks after whom',
    norms: [...DEFAULT_NORMS],
    timeZone: ZONE,
    slotMinutes: 10,
    schedule: [
      {
        startsAt: '2026-03-12T15:00:00.000Z',
        endsAt: '2026-03-12T15:10:00.000Z',
        rooms: [
          { group: 1, host: p('h1', 'Gus Hale'), location: 'Room 101' },
          { group: 2, host: p('h2', 'Ida Wong'), location: 'Room 204' },
        ],
      },
      {
        startsAt: '2026-03-12T15:15:00.000Z',
        endsAt: '2026-03-12T15:25:00.000Z',
        rooms: [
          { group: 1, host: p('h2', 'Ida Wong'), location: 'Room 204' },
          { group: 2, host: p('h1', 'Gus Hale'), location: 'Room 101' },
        ],
      },
    ],
    groups: [
      { number: 1, members: [ANA, BEN, CHEN], roles: { facilitator: ANA, timekeeper: BEN, noteTaker: CHEN } },
      { number: 2, members: [DEV, EVE, FAY], roles: { facilitator: DEV, timekeeper: EVE, noteTaker: FAY } },
    ],
    updatedAt: '2026-03-01T10:00:00.000Z',
    me: { inRound: true, group: 1, roles: ['facilitator'], acknowledgedAt: null, current: false },
    canEdit: false,
    reading: null,
    ...overrides,
  };
}

/** The coach's view: all 8 people (6 visitors, 2 hosts), one has read the current words, one an earlier version. */
const coachView = (): Briefing =>
  briefing({
    me: { inRound: false, group: null, roles: [], acknowledgedAt: null, current: false },
    canEdit: true,
    reading: {
      read: 1,
      total: 8,
      people: [ANA, BEN, CHEN, DEV, EVE, FAY, p('h1', 'Gus Hale'), p('h2', 'Ida Wong')].map((x) => ({
        ...x,
        acknowledgedAt: x.id === 'p2' || x.id === 'p5' ? '2026-03-02T10:00:00.000Z' : null,
        current: x.id === 'p2',
      })),
    },
  });

function briefingServer(
  start: Briefing,
  extra: (c: Call) => { status?: number; body?: unknown } | undefined = () => undefined,
) {
  let state = start;
  return stubApi((c) => {
    const answered = extra(c);
    if (answered) return answered;
    const path = c.url.pathname;
    if (path === '/api/rounds/r1/briefing' && c.method === 'GET') return { body: state };
    if (path === '/api/rounds/r1/briefing/ack' && c.method === 'POST') {
      state = { ...state, me: { ...state.me, acknowledgedAt: '2026-03-03T10:00:00.000Z', current: true } };
      return { body: state };
    }
    if (path === '/api/rounds/r1/briefing' && c.method === 'PUT') {
      state = { ...state, ...(c.body as Partial<Briefing>) };
      return { body: state };
    }
    return undefined;
  });
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the briefing, for a participant', () => {
  it('when Ana opens it, then she reads the why, the norms, her group and role and the schedule; she acknowledges it with one button', async () => {
    const calls = briefingServer(briefing());
    render(<BriefingView token="t" roundId="r1" isCoach={false} zone={ZONE} />);
    await screen.findByRole('heading', { level: 1, name: 'Briefing: Thursday discussion round' });
    expect(screen.getByText('Our students rarely answer each other.')).toBeTruthy();
    const norms = within(screen.getByRole('region', { name: 'Our norms' })).getAllByRole('listitem');
    expect(norms.map((n) => n.textContent)).toEqual(DEFAULT_NORMS);
    expect(screen.getByText(/You are in/).textContent).toBe('You are in group 1 and its facilitator.');
    const schedule = within(screen.getByRole('region', { name: 'Schedule' })).getByRole('table');
    expect(within(schedule).getByRole('columnheader', { name: 'Group 1 (yours)' })).toBeTruthy();
    expect(within(schedule).getAllByRole('row')[1]!.textContent).toContain('Room 101 (Gus Hale)');
    // Who has read it is the coach's: nothing of it here, and nothing to edit.
    expect(screen.queryByRole('region', { name: 'Who has read it' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Write the briefing' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Group clock for the day' }).getAttribute('href')).toBe(
      '#/rounds/r1/clock',
    );
    await expectNoAxeViolations();

    fireEvent.click(screen.getByRole('button', { name: 'I have read the briefing' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toMatch(/the coach sees that you have read the briefing/);
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual([
      '/api/rounds/r1/briefing/ack',
    ]);
    expect(screen.queryByRole('button', { name: 'I have read the briefing' })).toBeNull();
    await expectNoAxeViolations();
  });

  it('when the words changed after she read them, then it asks her to read the new version', async () => {
    briefingServer(
      briefing({
        me: {
          inRound: true,
          group: 1,
          roles: [],
          acknowledgedAt: '2026-03-01T09:00:00.000Z',
          current: false,
        },
      }),
    );
    render(<BriefingView token="t" roundId="r1" isCoach={false} zone={ZONE} />);
    await screen.findByRole('heading', { name: 'The briefing changed since you read it' });
    expect(screen.getByRole('button', { name: 'I have read the new version' })).toBeTruthy();
    expect(screen.getByText(/You are in/).textContent).toBe('You are in group 1.');
  });

  it('when the round is not hers, then the refusal is said with a way back', async () => {
    stubApi(() => ({ status: 404, body: errorBody('NOT_FOUND', 'Round not found.') }));
    render(<BriefingView token="t" roundId="r1" isCoach={false} zone={ZONE} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Round not found.');
    expect(screen.getByRole('link', { name: '← My visits' })).toBeTruthy();
  });
});

describe('the briefing, for the coach', () => {
  it('when the coach opens it, then they see 1 of 8 read and who, by name, with no times', async () => {
    briefingServer(coachView());
    render(<BriefingView token="t" roundId="r1" isCoach zone={ZONE} />);
    const readers = await screen.findByRole('region', { name: 'Who has read it' });
    expect(within(readers).getByTestId('read-count').textContent).toBe('1 of 8 have read the briefing.');
    const lists = [...readers.querySelectorAll('dl.readers > div')].map((d) => d.textContent);
    expect(lists).toEqual([
      'Read it (1)Ben Okafor',
      'Read an earlier version (1)Eve Moreau',
      'Not yet (6)Ana Rivera, Chen Li, Dev Patel, Fay Ng, Gus Hale, Ida Wong',
    ]);
    expect(readers.textContent).not.toMatch(/2026|AM|PM/);
    expect(screen.queryByRole('button', { name: /I have read/ })).toBeNull();
    await expectNoAxeViolations();
  });

  it('when the coach opens a published round, then its page links to the briefing and says how many have read it', async () => {
    briefingServer(coachView(), (c) =>
      c.url.pathname === '/api/rounds/r1' ? { body: round({ status: 'published' }) } : undefined,
    );
    render(<RoundDetail token="t" id="r1" />);
    const link = await screen.findByRole('link', { name: 'Briefing and roles' });
    expect(link.getAttribute('href')).toBe('#/rounds/r1/briefing');
    await waitFor(() => expect(link.parentElement!.textContent).toContain('1 of 8 have read it.'));
  });

  it('when the coach edits the norms, one per line, then they are saved as a list', async () => {
    const calls = briefingServer(coachView());
    render(<BriefingView token="t" roundId="r1" isCoach zone={ZONE} />);
    const norms = (await screen.findByLabelText('Norms (one per line)')) as HTMLTextAreaElement;
    expect(norms.value).toBe(DEFAULT_NORMS.join('\n'));
    fireEvent.input(norms, { target: { value: 'Describe, do not judge.\n\n  No names.  ' } });
    fireEvent.input(screen.getByLabelText('Why the school chose this focus'), {
      target: { value: 'Chosen in September.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the briefing' }));
    await screen.findByText(/Saved the briefing/);
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      why: 'Chosen in September.',
      lookFors: 'Who speaks after whom',
      norms: ['Describe, do not judge.', 'No names.'],
    });
  });

  it('when the coach changes a role and the server refuses it, then the reason names the person and the choice stays', async () => {
    const calls = briefingServer(coachView(), (c) =>
      c.url.pathname === '/api/rounds/r1/roles'
        ? {
            status: 422,
            body: errorBody('ROUND_ROLES_INVALID', 'These roles do not fit the groups.', [
              { path: 'roles', message: 'In group 1, give each role to a different person.' },
            ]),
          }
        : undefined,
    );
    render(<BriefingView token="t" roundId="r1" isCoach zone={ZONE} />);
    const group1 = await screen.findByRole('group', { name: 'Group 1' });
    const timekeeper = within(group1).getByLabelText('Timekeeper') as HTMLSelectElement;
    expect(
      within(timekeeper)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Ana Rivera', 'Ben Okafor', 'Chen Li']);
    fireEvent.change(timekeeper, { target: { value: 'p1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the roles' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('In group 1, give each role to a different person.');
    expect(calls.find((c) => c.url.pathname === '/api/rounds/r1/roles')?.body).toEqual({
      roles: [
        { facilitator: 'p1', timekeeper: 'p1', noteTaker: 'p3' },
        { facilitator: 'p4', timekeeper: 'p5', noteTaker: 'p6' },
      ],
    });
    expect(timekeeper.value).toBe('p1');
    await expectNoAxeViolations();
  });
});

describe('the group clock', () => {
  it('when the facilitator’s round visit is under way, then My visits shows the minutes left and the next room, updated by one timer at the next minute', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-03-12T15:03:30.000Z')); // 10:03:30 in Chicago, in Room 101
    const roundVisit = visit({
      door: door({
        roundId: 'r1',
        strategy: null,
        host: { id: 'h1', name: 'Gus Hale' },
        location: 'Room 101',
        startsAt: '2026-03-12T15:00:00.000Z',
        endsAt: '2026-03-12T15:10:00.000Z',
      }),
    });
    const calls = briefingServer(briefing(), (c) => {
      if (c.url.pathname === '/api/visits') return { body: { items: [roundVisit] } };
      if (c.url.pathname === '/api/calendar') return { body: { active: false, url: null, createdAt: null } };
      if (c.url.pathname === '/api/notes') return { body: { items: [], expiresOn: '2026-06-30' } };
      return undefined;
    });
    render(<VisitsView token="t" zone={ZONE} />);
    const clock = await vi.waitFor(() => screen.getByRole('region', { name: 'Group clock' }));
    expect(within(clock).getByRole('timer').textContent).toContain('7 minutes left in Room 101 (Gus Hale)');
    expect(clock.textContent).toMatch(/Next: Room 204 \(Ida Wong\) at 10:15/);
    expect(screen.getByRole('link', { name: 'Round briefing' }).getAttribute('href')).toBe(
      '#/rounds/r1/briefing',
    );
    expect(screen.getByText('Please read it before the round')).toBeTruthy();

    const requests = calls.length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(within(clock).getByRole('timer').textContent).toContain('6 minutes left');
    await vi.advanceTimersByTimeAsync(5 * 60_000 + 59_000);
    expect(within(clock).getByRole('timer').textContent).toContain('1 minute left');
    // Minutes tick by timers alone: no request went to the server meanwhile.
    expect(calls.length).toBe(requests);
    vi.useRealTimers(); // axe waits on real timers
    await expectNoAxeViolations();
  });

  it('when a coach follows a group on the day, then the clock counts down to its first room', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-03-12T14:50:00.000Z'));
    briefingServer(coachView());
    render(<ClockView token="t" roundId="r1" zone={ZONE} />);
    const timer = await vi.waitFor(() => screen.getByRole('timer'));
    expect(timer.textContent).toContain('10 minutes until the first room');
    fireEvent.change(screen.getByLabelText('Follow group'), { target: { value: '2' } });
    expect(screen.getByRole('timer').textContent).toMatch(/Next: Room 204 \(Ida Wong\)/);
    vi.useRealTimers(); // axe waits on real timers
    await expectNoAxeViolations();
  });

  it('when the address names a briefing or a clock, then the router finds it and writes it back', () => {
    expect(parseRoute('#/rounds/r%201/briefing')).toEqual({ name: 'briefing', id: 'r 1' });
    expect(parseRoute('#/rounds/r1/clock')).toEqual({ name: 'clock', id: 'r1' });
    expect(href({ name: 'briefing', id: 'r 1' })).toBe('#/rounds/r%201/briefing');
  });
});

describe('the briefing in Spanish', () => {
  afterEach(() => setLanguage(['en-US']));

  it('when Ana reads Spanish, then the briefing, its default norms, her role and the schedule are in Spanish, and axe finds nothing', async () => {
    setLanguage(['es-419']);
    briefingServer(briefing());
    render(<BriefingView token="t" roundId="r1" isCoach={false} zone={ZONE} />);
    await screen.findByRole('heading', { level: 1, name: 'Guía: Thursday discussion round' });
    expect(screen.getByRole('link', { name: '← Mis visitas' })).toBeTruthy();
    expect(screen.getByText(/jueves, 12 de marzo, 10:00/)).toBeTruthy();
    expect(screen.getByText('Visitas de 10 minutos')).toBeTruthy();
    expect(screen.getByText('Problema de práctica')).toBeTruthy();
    // The default norms are said in the reader's language; the coach's own words stay as written.
    const norms = within(screen.getByRole('region', { name: 'Nuestras normas' })).getAllByRole('listitem');
    expect(norms[1]!.textContent).toBe('Sin nombres: ni el del docente ni el de un estudiante.');
    expect(screen.getByText('Our students rarely answer each other.')).toBeTruthy();
    expect(screen.getByText(/Estás en el/).textContent).toBe('Estás en el grupo 1; tu rol: facilitación.');
    const roles = screen.getByRole('region', { name: 'Grupos y roles' });
    expect(roles.textContent).toContain('Control del tiempo: quien vigila el reloj');
    const schedule = within(screen.getByRole('region', { name: 'Horario' })).getByRole('table');
    expect(within(schedule).getByRole('columnheader', { name: 'Grupo 1 (el tuyo)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Reloj del grupo para el día' })).toBeTruthy();
    await expectNoAxeViolations();

    fireEvent.click(screen.getByRole('button', { name: 'Leí la guía' }));
    expect((await screen.findByRole('status')).textContent).toBe('Gracias: el coach ve que leíste la guía.');
  });

  it('when the coach edits in Spanish, then the default norms show in Spanish and are saved as the defaults, so each reader sees them in their language', async () => {
    setLanguage(['es-419']);
    const calls = briefingServer(coachView());
    render(<BriefingView token="t" roundId="r1" isCoach zone={ZONE} />);
    const readers = await screen.findByRole('region', { name: 'Quién la leyó' });
    expect(within(readers).getByTestId('read-count').textContent).toBe('1 de 8 leyeron la guía.');
    expect(readers.textContent).toContain('Todavía no (6)');
    expect(
      within(screen.getByRole('group', { name: 'Grupo 1' })).getByLabelText('Toma de notas'),
    ).toBeTruthy();
    const norms = screen.getByLabelText('Normas (una por línea)') as HTMLTextAreaElement;
    const spanish = norms.value.split('\n');
    expect(spanish[0]).toBe(
      'Describe lo que ves y oyes: lo que el docente y los estudiantes dijeron e hicieron, no si estuvo bien.',
    );
    fireEvent.input(norms, { target: { value: [spanish[0], spanish[1], 'Llegar a tiempo.'].join('\n') } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar la guía' }));
    await screen.findByText(/Se guardó la guía/);
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({
      norms: [DEFAULT_NORMS[0], DEFAULT_NORMS[1], 'Llegar a tiempo.'],
    });
    await expectNoAxeViolations();
  });

  it('when the facilitator opens the clock in Spanish, then it names the group and her role in Spanish', async () => {
    setLanguage(['es-419']);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-03-12T14:50:00.000Z'));
    briefingServer(briefing());
    render(<ClockView token="t" roundId="r1" zone={ZONE} />);
    const timer = await vi.waitFor(() => screen.getByRole('timer'));
    expect(timer.textContent).toContain('10 minutos hasta la primera aula');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Thursday discussion round: grupo 1');
    expect(screen.getByText('Tu rol en el grupo: facilitación.')).toBeTruthy();
    expect(screen.getByRole('link', { name: '← La guía' })).toBeTruthy();
    vi.useRealTimers(); // axe waits on real timers
    await expectNoAxeViolations();
  });
});
