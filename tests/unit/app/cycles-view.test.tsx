import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeFlash } from '../../../lti-server/app/src/flash';
import { CycleView } from '../../../lti-server/app/src/views/cycle-view';
import { ProblemsView } from '../../../lti-server/app/src/views/problems-view';
import { RoundForm } from '../../../lti-server/app/src/views/round-form';
import type { Cycle, CyclePicture, Problem } from '../../../shared/cycles';
import { EVIDENCE_THEMES } from '../../../shared/evidence-themes';
import { setLanguage } from '../../../shared/i18n';
import { expectNoAxeViolations } from './axe';
import { errorBody, PEOPLE, strategy, stubApi } from './fake-api';

beforeEach(() => {
  window.location.hash = '';
  takeFlash();
});
afterEach(() => vi.unstubAllGlobals());

const problem = (over: Partial<Problem> = {}): Problem => ({
  id: 'pr1',
  title: 'How do students build on each other’s ideas?',
  why: 'Discussions stall after the first answer.',
  status: 'open',
  proposer: { id: 'p1', name: 'Ana Rivera' },
  votes: { for: 3, against: 1 },
  myVote: null,
  comments: [
    {
      id: 'c1',
      text: 'The second answer is often a new idea.',
      author: { id: 'p2', name: 'Ben Okafor' },
      mine: false,
      createdAt: '2026-03-01T10:00:00.000Z',
    },
  ],
  cycleId: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  ...over,
});

const cycle = (over: Partial<Cycle> = {}): Cycle => ({
  id: 'cy1',
  title: 'Building on ideas',
  problem: { id: 'pr1', title: 'How do students build on each other’s ideas?' },
  status: 'active',
  members: [PEOPLE[0]!, PEOPLE[1]!, PEOPLE[2]!].map(({ id, name }) => ({ id, name })),
  strategies: [{ id: 's1', title: 'Turn and talk' }],
  rounds: [
    {
      id: 'r1',
      title: 'Round one',
      date: '2026-03-05',
      status: 'published',
      phase: 'done',
      focus: { kind: 'problem', value: 'How do students build on each other’s ideas?' },
      lookFor: null,
      nextLevel: 'Every student explains one step aloud. Partners ask one question back.',
    },
    {
      id: 'r2',
      title: 'Round two',
      date: '2026-03-12',
      status: 'published',
      phase: 'description',
      focus: { kind: 'problem', value: 'Every student explains one step aloud.' },
      lookFor: 'Every student explains one step aloud. Partners ask one question back.',
      nextLevel: null,
    },
  ],
  next: {
    fromRound: 'r1',
    focus: 'Every student explains one step aloud.',
    lookFor: 'Every student explains one step aloud. Partners ask one question back.',
  },
  createdAt: '2026-03-01T10:00:00.000Z',
  ...over,
});

const picture = (): CyclePicture => ({
  cycleId: 'cy1',
  minVisits: 3,
  minHosts: 3,
  minTried: 3,
  themes: EVIDENCE_THEMES.map((t) => ({ id: t.id, label: t.label })),
  rounds: [
    {
      id: 'r1',
      title: 'Round one',
      date: '2026-03-05',
      shares: EVIDENCE_THEMES.map((t, i) => ({ theme: t.id, share: i === 0 ? 'some' : 'few' })),
    },
    {
      id: 'r2',
      title: 'Round two',
      date: '2026-03-12',
      shares: EVIDENCE_THEMES.map((t, i) => ({ theme: t.id, share: i === 0 ? 'most' : 'few' })),
    },
    { id: 'r3', title: 'Round three', date: '2026-03-19', shares: null },
  ],
  strategies: [
    { id: 's1', title: 'Turn and talk', tried: 4 },
    { id: 's2', title: 'Exit tickets', tried: null },
  ],
});

describe('problems of practice', () => {
  it('when a teacher votes with the radio buttons, then one vote is sent and the ranking is read again; axe finds nothing', async () => {
    let voted: Problem = problem();
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/problems' && c.method === 'GET') return { body: { items: [voted] } };
      if (c.url.pathname === '/api/cycles') return { body: { items: [] } };
      if (c.url.pathname === '/api/problems/pr1/vote' && c.method === 'PUT') {
        voted = problem({ myVote: 'for', votes: { for: 4, against: 1 } });
        return { body: voted };
      }
      return undefined;
    });
    render(<ProblemsView token="t" isCoach={false} />);
    const card = await screen.findByRole('article', { name: 'How do students build on each other’s ideas?' });
    expect(within(card).getByTestId('votes').textContent).toBe('3 for · 1 not now');
    expect(within(card).getByText(/The second answer is often a new idea/)).toBeTruthy();
    // No coach actions for a teacher.
    expect(within(card).queryByRole('button', { name: /Close/ })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Start a cycle on it' })).toBeNull();
    await expectNoAxeViolations();

    const workOnIt = within(card).getByRole('radio', { name: 'Work on this' });
    workOnIt.focus();
    expect(document.activeElement).toBe(workOnIt);
    fireEvent.click(workOnIt);
    await waitFor(() => expect(within(card).getByTestId('votes').textContent).toBe('4 for · 1 not now'));
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ choice: 'for' }]);
    expect((within(card).getByRole('radio', { name: 'Work on this' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('when a comment names a student, then the refusal is said in an alert and the typed comment is kept', async () => {
    stubApi((c) => {
      if (c.url.pathname === '/api/problems' && c.method === 'GET') return { body: { items: [problem()] } };
      if (c.url.pathname === '/api/cycles') return { body: { items: [] } };
      if (c.url.pathname === '/api/problems/pr1/comments')
        return {
          status: 422,
          body: errorBody(
            'NOTE_FLAGGED',
            'Proposals and comments never name people: remove the names, then save.',
            [{ path: 'text', message: "“Jayden”: 'Jayden' is a name." }],
          ),
        };
      return undefined;
    });
    render(<ProblemsView token="t" isCoach={false} />);
    const box = (await screen.findByLabelText('Add a comment')) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Jayden answers first.' } });
    fireEvent.submit(box.closest('form')!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/never name people/);
    expect(alert.textContent).toMatch(/Jayden/);
    expect(box.value).toBe('Jayden answers first.');
  });

  it('when a coach starts a cycle, then the chosen volunteers are sent and the cycle opens', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/problems') return { body: { items: [problem()] } };
      if (c.url.pathname === '/api/cycles' && c.method === 'GET') return { body: { items: [] } };
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      if (c.url.pathname === '/api/strategies') return { body: { items: [], nextCursor: null } };
      if (c.url.pathname === '/api/cycles' && c.method === 'POST') return { status: 201, body: cycle() };
      return undefined;
    });
    render(<ProblemsView token="t" isCoach />);
    const start = await screen.findByRole('button', { name: 'Start a cycle on it' });
    expect(start.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(start);
    expect(start.getAttribute('aria-expanded')).toBe('true');
    for (const name of ['Ana Rivera', 'Ben Okafor', 'Chen Li'])
      fireEvent.click(await screen.findByRole('checkbox', { name }));
    await expectNoAxeViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Start the cycle' }));
    await waitFor(() => expect(window.location.hash).toBe('#/cycles/cy1'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      problemId: 'pr1',
      memberIds: ['p1', 'p2', 'p3'],
      strategyIds: [],
    });
  });
});

describe('a cycle and its picture over time', () => {
  it('when the coach ends the cycle by keyboard, then it asks first, ends it and says so', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/cycles/cy1/end') return { body: cycle({ status: 'ended' }) };
      if (c.url.pathname === '/api/cycles/cy1') return { body: cycle() };
      if (c.url.pathname === '/api/cycles/cy1/picture') return { body: picture() };
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      return undefined;
    });
    render(<CycleView token="t" id="cy1" isCoach />);
    fireEvent.click(await screen.findByRole('button', { name: 'End this cycle' }));
    const yes = screen.getByRole('button', { name: 'Yes, end the cycle' });
    await waitFor(() => expect(document.activeElement).toBe(yes));
    await expectNoAxeViolations();
    fireEvent.click(yes);
    await screen.findByText('The cycle has ended. Its rounds and its picture over time stay here.');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual([
      '/api/cycles/cy1/end',
    ]);
    expect(screen.queryByRole('link', { name: 'Plan the next round of this cycle' })).toBeNull();
  });

  it('when the coach adds a menu strategy to the running cycle and takes it out again by keyboard, then the "I tried it" counts follow; axe finds nothing', async () => {
    const menu = [
      strategy({ id: 's1', title: 'Turn and talk' }),
      strategy({ id: 's2', title: 'Exit tickets' }),
      strategy({ id: 's3', title: 'Gallery walk' }),
    ];
    let current = cycle();
    let tried: CyclePicture['strategies'] = [{ id: 's1', title: 'Turn and talk', tried: 4 }];
    const calls = stubApi((c) => {
      const path = c.url.pathname;
      if (path === '/api/cycles/cy1/strategies' && c.method === 'POST') {
        const added = menu.find((m) => m.id === (c.body as { strategyId: string }).strategyId)!;
        current = { ...current, strategies: [...current.strategies, { id: added.id, title: added.title }] };
        tried = [...tried, { id: added.id, title: added.title, tried: null }];
        return { body: current };
      }
      if (path === '/api/cycles/cy1/strategies/s3' && c.method === 'DELETE') {
        current = { ...current, strategies: current.strategies.filter((x) => x.id !== 's3') };
        tried = tried.filter((x) => x.id !== 's3');
        return { body: current };
      }
      if (path === '/api/cycles/cy1') return { body: current };
      if (path === '/api/cycles/cy1/picture') return { body: { ...picture(), strategies: tried } };
      if (path === '/api/people') return { body: { items: PEOPLE } };
      if (path === '/api/strategies') return { body: { items: menu, nextCursor: null } };
      return undefined;
    });
    render(<CycleView token="t" id="cy1" isCoach />);
    const section = (await screen.findByRole('heading', { level: 2, name: 'The cycle’s strategies' }))
      .parentElement!;
    const choose = (await within(section).findByLabelText(
      'Add a strategy from the menu',
    )) as HTMLSelectElement;
    // Only the menu strategies the cycle does not have yet are offered.
    await waitFor(() =>
      expect([...choose.options].map((o) => o.textContent)).toEqual([
        'Choose a strategy',
        'Exit tickets',
        'Gallery walk',
      ]),
    );
    const add = within(section).getByRole('button', { name: 'Add the strategy' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    await expectNoAxeViolations();

    choose.focus();
    fireEvent.change(choose, { target: { value: 's3' } });
    add.focus();
    expect(document.activeElement).toBe(add);
    fireEvent.click(add);
    expect((await screen.findByRole('status')).textContent).toBe(
      '“Gallery walk” joins the cycle. Its “I tried it” count goes alongside the picture over time.',
    );
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: '“I tried it” on the cycle’s strategies' }).parentElement!
          .textContent,
      ).toContain('Gallery walk: fewer than 3 people so far'),
    );
    expect(within(section).getByRole('link', { name: 'Gallery walk' }).getAttribute('href')).toBe('#/s/s3');
    await expectNoAxeViolations();

    const takeOut = within(section).getByRole('button', { name: 'Take out “Gallery walk”' });
    takeOut.focus();
    fireEvent.click(takeOut);
    const said = await screen.findByText('“Gallery walk” is out of the cycle. It stays on the menu.');
    // The button is gone with its strategy: focus lands on what happened.
    await waitFor(() => expect(document.activeElement).toBe(said));
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: '“I tried it” on the cycle’s strategies' }).parentElement!
          .textContent,
      ).not.toContain('Gallery walk'),
    );
    expect(within(section).queryByRole('link', { name: 'Gallery walk' })).toBeNull();
    expect(within(section).getByRole('button', { name: 'Take out “Turn and talk”' })).toBeTruthy();
    expect(calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.url.pathname, c.body])).toEqual([
      ['POST', '/api/cycles/cy1/strategies', { strategyId: 's3' }],
      ['DELETE', '/api/cycles/cy1/strategies/s3', undefined],
    ]);
  });

  it('when a teacher opens a cycle, then each pattern is a small chart with its words spoken and a table says the same; axe finds nothing', async () => {
    stubApi((c) => {
      if (c.url.pathname === '/api/cycles/cy1') return { body: cycle() };
      if (c.url.pathname === '/api/cycles/cy1/picture') return { body: picture() };
      return undefined;
    });
    render(<CycleView token="t" id="cy1" isCoach={false} />);
    await screen.findByRole('heading', { level: 1, name: 'Building on ideas' });
    const charts = await screen.findAllByRole('img');
    expect(charts).toHaveLength(EVIDENCE_THEMES.length);
    expect(charts[0]!.getAttribute('aria-label')).toBe(
      `${EVIDENCE_THEMES[0]!.label}: round 1: some, round 2: most, round 3: not shown`,
    );
    const table = screen.getByRole('table', { name: 'The picture over time, as a table' });
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(
      within(firstRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['some', 'most', 'not shown']);
    expect(screen.getByText(/Turn and talk/).closest('li')?.textContent).toMatch(/4 people tried it/);
    expect(screen.getByText(/Exit tickets/).closest('li')?.textContent).toMatch(/fewer than 3 people so far/);
    expect(screen.getByTestId('next-focus').textContent).toMatch(/Every student explains one step aloud\./);
    // Planning and changing the cycle's strategies are the coach's.
    expect(screen.queryByRole('link', { name: 'Plan the next round of this cycle' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Take out/ })).toBeNull();
    expect(screen.queryByLabelText('Add a strategy from the menu')).toBeNull();
    await expectNoAxeViolations();
  });

  it('when a coach plans the next round from the cycle, then the form starts from the last debrief and the cycle', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/cycles/cy1') return { body: cycle() };
      if (c.url.pathname === '/api/cycles/cy1/picture') return { body: picture() };
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      if (c.url.pathname === '/api/school-day') return { body: { timeZone: null, periods: [] } };
      return undefined;
    });
    const page = render(<CycleView token="t" id="cy1" isCoach />);
    const plan = await screen.findByRole('link', { name: 'Plan the next round of this cycle' });
    expect(plan.getAttribute('href')).toBe('#/rounds/new?cycle=cy1');
    page.unmount();

    render(<RoundForm token="t" zone="America/New_York" cycleId="cy1" />);
    await screen.findByTestId('cycle-prefill');
    await waitFor(() =>
      expect((screen.getByLabelText('The problem of practice') as HTMLInputElement).value).toBe(
        'Every student explains one step aloud.',
      ),
    );
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Building on ideas: round 3');
    expect((screen.getByLabelText('“Look for” prompt (optional)') as HTMLInputElement).value).toBe(
      'Every student explains one step aloud. Partners ask one question back.',
    );
    // The cycle's people are the participants; nobody is a host yet.
    const participants = screen.getByRole('group', { name: 'Participants (who visits)' });
    expect(
      within(participants)
        .getAllByRole('checkbox')
        .filter((b) => (b as HTMLInputElement).checked)
        .map((b) => b.id),
    ).toEqual(['participant-p1', 'participant-p2', 'participant-p3']);
    expect(calls.some((c) => c.url.pathname === '/api/cycles/cy1')).toBe(true);
    await expectNoAxeViolations();
  });
});

describe('problems of practice and cycles in Spanish', () => {
  afterEach(() => setLanguage(['en-US']));

  it('when a coach opens the problems in Spanish, then the proposals, the votes and the cycles are in Spanish; axe finds nothing', async () => {
    setLanguage(['es-419']);
    let voted: Problem = problem();
    stubApi((c) => {
      if (c.url.pathname === '/api/problems' && c.method === 'GET') return { body: { items: [voted] } };
      if (c.url.pathname === '/api/cycles') return { body: { items: [cycle()] } };
      if (c.url.pathname === '/api/problems/pr1/vote' && c.method === 'PUT') {
        voted = problem({ myVote: 'against', votes: { for: 3, against: 2 } });
        return { body: voted };
      }
      return undefined;
    });
    render(<ProblemsView token="t" isCoach />);
    expect(screen.getByRole('heading', { level: 1, name: 'Problemas de práctica' })).toBeTruthy();
    const card = await screen.findByRole('article', { name: 'How do students build on each other’s ideas?' });
    expect(within(card).getByTestId('votes').textContent).toBe('3 a favor · 1 ahora no');
    expect(within(card).getByText('Propuesto por Ana Rivera')).toBeTruthy();
    expect(within(card).getByText('Abierto a votación')).toBeTruthy();
    expect(
      within(card).getByRole('group', {
        name: 'Tu voto sobre «How do students build on each other’s ideas?»',
      }),
    ).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Iniciar un ciclo con este problema' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Building on ideas' }).closest('li')?.textContent).toContain(
      '3 personas · 2 rondas',
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Propón un problema de práctica' })).toBeTruthy();
    await expectNoAxeViolations();
    fireEvent.click(within(card).getByRole('radio', { name: 'Ahora no' }));
    expect(await screen.findByText('Tu voto se contó.')).toBeTruthy();
    expect(within(card).getByTestId('votes').textContent).toBe('3 a favor · 2 ahora no');
  });

  it('when a teacher opens a cycle in Spanish, then its rounds, its charts, their table and the tries are in Spanish; axe finds nothing', async () => {
    setLanguage(['es-419']);
    stubApi((c) => {
      if (c.url.pathname === '/api/cycles/cy1') return { body: cycle() };
      if (c.url.pathname === '/api/cycles/cy1/picture') return { body: picture() };
      return undefined;
    });
    render(<CycleView token="t" id="cy1" isCoach={false} />);
    await screen.findByRole('heading', { level: 1, name: 'Building on ideas' });
    expect(screen.getByRole('heading', { level: 2, name: 'Quiénes participan (3 personas)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Reflexión de Round one' })).toBeTruthy();
    const rounds = screen.getByRole('heading', { level: 2, name: 'Rondas' }).parentElement!;
    expect(rounds.textContent).toContain('5 de marzo de 2026 · reflexión terminada');
    expect(rounds.textContent).toContain(
      'Siguiente nivel de trabajo: Every student explains one step aloud.',
    );
    expect(screen.getByTestId('next-focus').textContent).toBe(
      'La siguiente ronda parte de la última reflexión: Every student explains one step aloud.',
    );
    const charts = await screen.findAllByRole('img');
    expect(charts[0]!.getAttribute('aria-label')).toBe(
      'Los estudiantes explican, debaten o argumentan en voz alta: ronda 1: algunas, ronda 2: la mayoría, ronda 3: no se muestra',
    );
    // The longest share word ("la mayoría") fits left of the chart: its lines start further right than in English.
    const gridStart = Number(charts[0]!.querySelector('line')!.getAttribute('x1'));
    expect(gridStart).toBeGreaterThanOrEqual(8 + 5 * 'la mayoría'.length);
    const table = screen.getByRole('table', { name: 'El panorama a lo largo del tiempo, como tabla' });
    expect(within(table).getAllByRole('columnheader')[1]!.textContent).toBe(
      'Ronda 1: Round one (5 de marzo de 2026)',
    );
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(
      within(firstRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['algunas', 'la mayoría', 'no se muestra']);
    expect(screen.getByText(/Turn and talk/).closest('li')?.textContent).toBe(
      'Turn and talk: 4 personas la probaron',
    );
    expect(screen.getByText(/Exit tickets/).closest('li')?.textContent).toBe(
      'Exit tickets: menos de 3 personas por ahora',
    );
    await expectNoAxeViolations();
  });
});
