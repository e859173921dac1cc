import { createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../lti-server/app/src/App';
import { parseRoute } from '../../../lti-server/app/src/router';
import { DebriefView } from '../../../lti-server/app/src/views/debrief-view';
import { RoundDetail } from '../../../lti-server/app/src/views/rounds-view';
import { VisitsView } from '../../../lti-server/app/src/views/visits-view';
import type { Me } from '../../../shared/api';
import { setLanguage } from '../../../shared/i18n';
import type { Debrief } from '../../../shared/rounds';
import { expectNoAxeViolations } from './axe';
import { type Call, debrief, door, errorBody, note, PEOPLE, round, stubApi, visit } from './fake-api';

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => vi.unstubAllGlobals());

const CARD_A = 'Students turned to a partner and each explained one step.';
const CARD_B = 'The teacher waited five seconds before taking an answer.';

/**
 * A tiny debrief server: keeps one debrief and applies the facilitator's and the writers' changes to it, the way
 * the real routes answer (the whole debrief after each change).
 */
function debriefServer(
  start: Debrief,
  extra: (c: Call) => { status?: number; body?: unknown } | undefined = () => undefined,
) {
  let state = start;
  let next = 1;
  const calls = stubApi((c) => {
    const path = c.url.pathname;
    const answered = extra(c);
    if (answered) return answered;
    if (path === '/api/rounds/r1/debrief' && c.method === 'GET') return { body: state };
    if (path === '/api/rounds/r1/debrief' && c.method === 'PUT') {
      const b = c.body as Partial<Debrief>;
      state = { ...state, ...b, ...(b.phase === 'done' ? { summarizedAt: '2026-03-12T15:00:00.000Z' } : {}) };
      return { body: state };
    }
    if (path === '/api/rounds/r1/debrief/patterns') {
      state = {
        ...state,
        patterns: [...state.patterns, { id: `pat${next++}`, name: (c.body as { name: string }).name }],
      };
      return { status: 201, body: state };
    }
    const card = /^\/api\/rounds\/r1\/debrief\/cards\/(.+)$/.exec(path);
    if (card && c.method === 'PUT') {
      const { patternId } = c.body as { patternId: string | null };
      state = { ...state, cards: state.cards.map((x) => (x.id === card[1] ? { ...x, patternId } : x)) };
      return { body: state };
    }
    if (card && c.method === 'DELETE') {
      state = { ...state, cards: state.cards.filter((x) => x.id !== card[1]) };
      return { body: state };
    }
    if (path === '/api/notes') return { body: { items: [], expiresOn: '2026-06-30' } };
    if (path === '/api/visits') return { body: { items: [] } };
    return undefined;
  });
  return calls;
}

const twoCards = (): Debrief['cards'] => [
  { id: 'c1', text: CARD_A, patternId: null, mine: false },
  { id: 'c2', text: CARD_B, patternId: null, mine: false },
];

/** A DataTransfer stand-in for the simulated drag and drop (happy-dom has no real one to fill). */
function dataTransfer() {
  const store = new Map<string, string>();
  return {
    setData: (type: string, value: string) => store.set(type, value),
    getData: (type: string) => store.get(type) ?? '',
  };
}

/**
 * Fires a drag event by its DOM name. (@testing-library/preact's fireEvent.dragOver would fire "DragOver" where
 * happy-dom elements have no `ondragover` property; Preact listens to "dragover".)
 */
const drag = (kind: 'dragStart' | 'dragOver' | 'drop', el: Element, dt: ReturnType<typeof dataTransfer>) =>
  fireEvent(el, createEvent[kind](el, { dataTransfer: dt }));

const me = (role: 'teacher' | 'coach'): Me => ({
  person: { id: 'p1', name: 'Ana Rivera', role },
  network: { id: 'n1', title: 'Grade 7 Science', scope: 'course' },
  platform: { name: 'Sandbox LMS', issuer: 'http://localhost/sandbox' },
  session: { expiresAt: '2030-01-01T00:00:00.000Z' },
});

describe('the debrief route', () => {
  it('when the hash is #/rounds/r1/debrief, then it is the debrief of r1, and #/rounds/r1 is still the round', () => {
    expect(parseRoute('#/rounds/r1/debrief')).toEqual({ name: 'debrief', id: 'r1' });
    expect(parseRoute('#/rounds/r1')).toEqual({ name: 'round', id: 'r1' });
  });

  it('when a teacher opens the debrief link, then the debrief opens (it is not for coaches only)', async () => {
    window.location.hash = '#/rounds/r1/debrief';
    debriefServer(debrief());
    render(<App token="t" load={async () => ({ ok: true, data: me('teacher') })} />);
    await screen.findByRole('heading', { level: 1, name: 'Debrief: Thursday discussion round' });
    expect(screen.getByRole('link', { name: '← My visits' }).getAttribute('href')).toBe('#/visits');
  });

  it('when a round is published, then its page links to the debrief', async () => {
    stubApi((c) =>
      c.url.pathname === '/api/people'
        ? { body: { items: PEOPLE } }
        : { body: round({ status: 'published' }) },
    );
    render(<RoundDetail token="t" id="r1" />);
    expect((await screen.findByRole('link', { name: 'Open the debrief' })).getAttribute('href')).toBe(
      '#/rounds/r1/debrief',
    );
  });

  it('when a visit belongs to a round, then My visits links to the round debrief (and not for open doors)', async () => {
    stubApi((c) =>
      c.url.pathname === '/api/calendar'
        ? { body: { active: false, url: null, createdAt: null } }
        : {
            body: {
              items: [
                visit({ id: 'v1', door: door({ roundId: 'r1', strategy: null }) }),
                visit({ id: 'v2', door: door({ id: 'd2' }) }),
              ],
            },
          },
    );
    render(<VisitsView token="t" zone="America/New_York" now={() => new Date('2026-03-02T13:00:00.000Z')} />);
    const links = await screen.findAllByRole('link', { name: 'Round debrief' });
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/rounds/r1/debrief']);
  });
});

describe('the debrief room', () => {
  it('when the group is in the analysis phase, then the stepper marks Analysis as the current step', async () => {
    debriefServer(debrief({ phase: 'analysis' }));
    render(<DebriefView token="t" roundId="r1" />);
    const steps = within(await screen.findByRole('list', { name: 'Debrief phases' })).getAllByRole(
      'listitem',
    );
    expect(steps.map((s) => s.querySelector('.step-name')?.textContent)).toEqual([
      '✓ Description',
      'Analysis',
      'Prediction',
      'Next level of work',
      'Done',
    ]);
    expect(steps.map((s) => s.getAttribute('aria-current'))).toEqual([null, 'step', null, null, null]);
    expect(steps[1]!.textContent).toContain('Now');
    expect(steps[2]!.textContent).toContain(
      'If you were a student here, what would you know and be able to do?',
    );
    expect(screen.getByText('Tag: discussion')).toBeTruthy();
  });

  it('when a participant adds one of their notes from the round, then it is sent as { noteId } and shows as added', async () => {
    const calls = debriefServer(debrief(), (c) => {
      if (c.url.pathname === '/api/notes')
        return {
          body: {
            items: [
              note({
                id: 'n1',
                visitId: 'v1',
                text: CARD_A,
                visit: {
                  startsAt: '2026-03-03T14:15:00.000Z',
                  strategyTitle: null,
                  roundId: 'r1',
                  roundTitle: 'R',
                },
              }),
              note({ id: 'n2', visitId: 'v2', text: 'A note from an open door.' }),
            ],
            expiresOn: '2026-06-30',
          },
        };
      if (c.url.pathname === '/api/rounds/r1/debrief/cards')
        return {
          status: 201,
          body: debrief({ cards: [{ id: 'c9', text: CARD_A, patternId: null, mine: true }] }),
        };
      return undefined;
    });
    render(<DebriefView token="t" roundId="r1" />);
    const mine = await screen.findByRole('region', { name: 'Your notes from this round' });
    expect(within(mine).getAllByRole('listitem')).toHaveLength(1);
    expect(mine.textContent).not.toContain('A note from an open door.');

    fireEvent.click(within(mine).getByRole('button', { name: 'Add to the debrief' }));
    await within(mine).findByText('Added to the debrief');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ noteId: 'n1' });
    expect(within(mine).queryByRole('button', { name: 'Add to the debrief' })).toBeNull();
    const cards = screen.getByRole('region', { name: 'Evidence cards' });
    expect(within(cards).getByText(CARD_A)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/not your name, not the room/);
  });

  it('when a writer takes their card out after confirming, then the card is deleted', async () => {
    const calls = debriefServer(
      debrief({ cards: [{ id: 'c9', text: CARD_A, patternId: null, mine: true }, twoCards()[1]!] }),
    );
    render(<DebriefView token="t" roundId="r1" />);
    const cards = await screen.findByRole('region', { name: 'Evidence cards' });
    expect(within(cards).getAllByRole('button', { name: 'Take my card out' })).toHaveLength(1);
    expect(within(cards).queryByRole('button', { name: 'Take this card out' })).toBeNull();
    fireEvent.click(within(cards).getByRole('button', { name: 'Take my card out' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, take it out' }));
    await screen.findByText('Your card is out of the debrief.');
    expect(calls.find((c) => c.method === 'DELETE')?.url.pathname).toBe('/api/rounds/r1/debrief/cards/c9');
    expect(within(cards).queryByText(CARD_A)).toBeNull();
  });

  it('when the facilitator names a pattern and moves cards into it by keyboard and by drag and drop, then each move is sent as { patternId }', async () => {
    const calls = debriefServer(debrief({ phase: 'analysis', facilitator: true, cards: twoCards() }));
    render(<DebriefView token="t" roundId="r1" isCoach />);
    const cards = await screen.findByRole('region', { name: 'Evidence cards' });

    fireEvent.input(within(cards).getByLabelText('Name a new pattern'), {
      target: { value: 'Students explain out loud' },
    });
    fireEvent.click(within(cards).getByRole('button', { name: 'Add the pattern' }));
    const column = await within(cards).findByRole('region', { name: 'Students explain out loud' });
    expect(calls.find((c) => c.url.pathname.endsWith('/patterns'))?.body).toEqual({
      name: 'Students explain out loud',
    });
    expect((within(cards).getByLabelText('Name a new pattern') as HTMLInputElement).value).toBe('');

    // By keyboard: the card's "Move to pattern…" and its Move button.
    const loose = within(cards).getByRole('region', { name: 'Not grouped' });
    const first = within(loose).getByText(CARD_A).closest('li')!;
    const select = within(first).getByLabelText('Move to pattern…') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Not grouped (now)',
      'Students explain out loud',
    ]);
    fireEvent.change(select, { target: { value: 'pat1' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Move' }));
    await within(column).findByText(CARD_A);
    const moves = () => calls.filter((c) => c.method === 'PUT' && c.url.pathname.includes('/cards/'));
    expect(moves()[0]?.url.pathname).toBe('/api/rounds/r1/debrief/cards/c1');
    expect(moves()[0]?.body).toEqual({ patternId: 'pat1' });
    expect(screen.getByRole('status').textContent).toBe('Moved the card to “Students explain out loud”.');

    // By drag and drop: the second card onto the pattern's column.
    const second = within(loose).getByText(CARD_B).closest('li')!;
    expect(second.getAttribute('draggable')).toBe('true');
    const dt = dataTransfer();
    drag('dragStart', second, dt);
    drag('dragOver', column, dt);
    await waitFor(() => expect(column.className).toContain('over'));
    drag('drop', column, dt);
    await within(column).findByText(CARD_B);
    expect(moves()[1]?.url.pathname).toBe('/api/rounds/r1/debrief/cards/c2');
    expect(moves()[1]?.body).toEqual({ patternId: 'pat1' });
    expect(within(column).getAllByRole('listitem')).toHaveLength(2);
  });

  it('when the facilitator presses Next phase in the description, then the debrief moves to { phase: "analysis" }', async () => {
    const calls = debriefServer(debrief({ facilitator: true, cards: twoCards() }));
    render(<DebriefView token="t" roundId="r1" isCoach />);
    expect(await screen.findByRole('button', { name: 'Next phase' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Previous phase' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next phase' }));
    await screen.findByText('The group is now at: Analysis.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ phase: 'analysis' });
    const current = screen
      .getByRole('list', { name: 'Debrief phases' })
      .querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain('Analysis');
    expect(screen.getByLabelText('Name a new pattern')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous phase' })).toBeTruthy();
  });

  it('when a phase lacks what it needs, then it says what, Next is gone, and the coach can skip only by saying why', async () => {
    const need = 'Add at least one evidence card from a note of this round.';
    const calls = debriefServer(debrief({ facilitator: true, needs: [need] }), (c) =>
      c.method === 'PUT'
        ? {
            body: debrief({
              facilitator: true,
              phase: 'analysis',
              skips: [
                { phase: 'description', reason: 'Notes come after lunch', at: '2026-03-12T15:00:00.000Z' },
              ],
            }),
          }
        : undefined,
    );
    render(<DebriefView token="t" roundId="r1" isCoach />);
    expect(await screen.findByText(need)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next phase' })).toBeNull();
    const skip = screen.getByRole('button', { name: 'Skip to the next phase' }) as HTMLButtonElement;
    expect(skip.disabled).toBe(true);
    await expectNoAxeViolations();
    fireEvent.input(screen.getByLabelText('Or move on anyway: say why (kept with the debrief)'), {
      target: { value: 'Notes come after lunch' },
    });
    expect(skip.disabled).toBe(false);
    fireEvent.click(skip);
    await screen.findByText('The group is now at: Analysis.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      phase: 'analysis',
      skipReason: 'Notes come after lunch',
    });
    expect(screen.getByText('Description: Notes come after lunch')).toBeTruthy();
  });

  it('when the prediction is typed but not saved, then Next phase comes back and sends the words with the move', async () => {
    const calls = debriefServer(
      debrief({
        phase: 'prediction',
        facilitator: true,
        needs: ['Write the prediction: what students will do if this continues.'],
      }),
    );
    render(<DebriefView token="t" roundId="r1" isCoach />);
    const box = await screen.findByLabelText('The group’s prediction');
    expect(screen.queryByRole('button', { name: 'Next phase' })).toBeNull();
    fireEvent.input(box, { target: { value: 'Students will add to a partner’s idea.' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Next phase' }));
    await screen.findByText('The group is now at: Next level of work.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      phase: 'next',
      prediction: 'Students will add to a partner’s idea.',
    });
  });

  it('when the facilitator saves a prediction, then the group’s words are sent and saved', async () => {
    const calls = debriefServer(debrief({ phase: 'prediction', facilitator: true }));
    render(<DebriefView token="t" roundId="r1" isCoach />);
    const box = (await screen.findByLabelText('The group’s prediction')) as HTMLTextAreaElement;
    fireEvent.input(box, {
      target: { value: 'Students could explain a step of their thinking to a partner.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the prediction' }));
    await screen.findByText('The prediction is saved.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      prediction: 'Students could explain a step of their thinking to a partner.',
    });
    expect(box.value).toBe('Students could explain a step of their thinking to a partner.');
  });

  it('when the facilitator finishes the debrief after confirming, then it is done and everything is read-only', async () => {
    const calls = debriefServer(
      debrief({
        phase: 'next',
        facilitator: true,
        cards: [{ ...twoCards()[0]!, patternId: 'pat1' }],
        patterns: [{ id: 'pat1', name: 'Students explain out loud' }],
        prediction: 'Students could explain a step.',
        nextLevel: 'Plan partner talk in every unit.',
      }),
    );
    render(<DebriefView token="t" roundId="r1" isCoach />);
    fireEvent.click(await screen.findByRole('button', { name: 'Finish the debrief' }));
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, finish the debrief' }));
    await screen.findByText('Finished: the summary is in the school picture.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ phase: 'done' });
    expect(screen.queryByRole('button', { name: 'Previous phase' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Take this card out' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText('Plan partner talk in every unit.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the school picture' }).getAttribute('href')).toBe(
      '#/picture',
    );
  });

  it('when a participant looks at the analysis, then the grouping is read-only and the coach moves the phases', async () => {
    const calls = debriefServer(
      debrief({
        phase: 'prediction',
        cards: [{ ...twoCards()[0]!, patternId: 'pat1' }, twoCards()[1]!],
        patterns: [{ id: 'pat1', name: 'Students explain out loud' }],
        prediction: 'Students could explain a step.',
      }),
    );
    render(<DebriefView token="t" roundId="r1" />);
    const cards = await screen.findByRole('region', { name: 'Evidence cards' });
    expect(
      within(within(cards).getByRole('region', { name: 'Students explain out loud' })).getByText(CARD_A),
    ).toBeTruthy();
    expect(within(within(cards).getByRole('region', { name: 'Not grouped' })).getByText(CARD_B)).toBeTruthy();
    expect(within(cards).queryByLabelText('Move to pattern…')).toBeNull();
    expect(within(cards).queryByLabelText('Name a new pattern')).toBeNull();
    expect(cards.querySelector('[draggable="true"]')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Next phase' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(
      within(screen.getByRole('region', { name: 'Prediction' })).getByText('Students could explain a step.'),
    ).toBeTruthy();
    expect(screen.getByText(/The coach moves the debrief from phase to phase/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByText('Up to date. Phase: Prediction; 2 cards.');
    expect(calls.filter((c) => c.url.pathname === '/api/rounds/r1/debrief')).toHaveLength(2);
  });

  it('when the round is not published yet (409), then it says the debrief opens once the round is published', async () => {
    stubApi(() => ({
      status: 409,
      body: errorBody('CONFLICT', 'The debrief opens once the round is published.'),
    }));
    render(<DebriefView token="t" roundId="r1" />);
    await screen.findByRole('heading', { level: 1, name: 'The debrief is not open yet' });
    expect(screen.getByRole('alert').textContent).toContain('This round is not published yet');
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });
});

describe('the debrief in Spanish', () => {
  afterEach(() => setLanguage(['en-US']));

  it('when a Spanish-speaking facilitator names a pattern too long, with spaces only or with a control character, then the schema’s message is said in Spanish and nothing is sent', async () => {
    setLanguage(['es-419']);
    const calls = debriefServer(debrief({ phase: 'analysis', facilitator: true, cards: twoCards() }));
    render(<DebriefView token="t" roundId="r1" isCoach />);
    const cards = await screen.findByRole('region', { name: 'Tarjetas de evidencia' });
    const name = within(cards).getByLabelText('Nombra un patrón nuevo');
    // The field stops at 120 characters; a pasted or scripted longer name is still refused, in Spanish.
    fireEvent.input(name, { target: { value: 'Los estudiantes explican. '.repeat(5) } });
    fireEvent.click(within(cards).getByRole('button', { name: 'Añadir el patrón' }));
    expect(
      await within(cards).findByText('El nombre de un patrón tiene como máximo 120 caracteres'),
    ).toBeTruthy();
    fireEvent.input(name, { target: { value: '   ' } });
    fireEvent.click(within(cards).getByRole('button', { name: 'Añadir el patrón' }));
    expect(await within(cards).findByText('Ponle nombre al patrón')).toBeTruthy();
    // A character that cannot be stored: the message's values (the character) are filled in too.
    fireEvent.input(name, { target: { value: 'Explican\u0007' } });
    fireEvent.click(within(cards).getByRole('button', { name: 'Añadir el patrón' }));
    expect(
      await within(cards).findByText('contiene un carácter de control (U+0007) que no se puede guardar'),
    ).toBeTruthy();
    expect(calls.some((c) => c.url.pathname.endsWith('/patterns'))).toBe(false);
  });

  it('when the facilitator reads Spanish, then the phases, the cards, what the phase needs and each move are said in Spanish, and axe finds nothing', async () => {
    setLanguage(['es-419']);
    debriefServer(
      debrief({
        phase: 'analysis',
        facilitator: true,
        cards: twoCards(),
        patterns: [{ id: 'pat1', name: 'Students explain out loud' }],
        // The server says what the phase needs in US English; the app says it in the reader's language.
        needs: ['Group at least one card into a pattern.'],
        skips: [
          { phase: 'description', reason: 'Notas después del almuerzo', at: '2026-03-12T15:00:00.000Z' },
        ],
      }),
    );
    render(<DebriefView token="t" roundId="r1" isCoach />);
    await screen.findByRole('heading', { level: 1, name: 'Reflexión: Thursday discussion round' });
    expect(screen.getByRole('link', { name: '← La ronda' })).toBeTruthy();
    expect(screen.getByText('Etiqueta: discussion')).toBeTruthy();
    const steps = within(screen.getByRole('list', { name: 'Fases de la reflexión' })).getAllByRole(
      'listitem',
    );
    expect(steps.map((s) => s.querySelector('.step-name')?.textContent?.replace('✓ ', ''))).toEqual([
      'Descripción',
      'Análisis',
      'Predicción',
      'Siguiente nivel de trabajo',
      'Terminada',
    ]);
    expect(steps[1]!.textContent).toContain('Ahora');
    expect(screen.getByText('Agrupar al menos una tarjeta en un patrón.')).toBeTruthy();
    expect(
      screen.getByLabelText('O sigue de todos modos: di por qué (queda guardado con la reflexión)'),
    ).toBeTruthy();
    expect(screen.getByText('Descripción: Notas después del almuerzo')).toBeTruthy();

    const cards = screen.getByRole('region', { name: 'Tarjetas de evidencia' });
    expect(cards.textContent).toContain('2 tarjetas. Aquí solo están las palabras de cada nota');
    const loose = within(cards).getByRole('region', { name: 'Sin agrupar' });
    const first = within(loose).getByText(CARD_A).closest('li')!;
    const select = within(first).getByLabelText('Mover al patrón…') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Sin agrupar (ahora)',
      'Students explain out loud',
    ]);
    await expectNoAxeViolations();

    fireEvent.change(select, { target: { value: 'pat1' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Mover' }));
    await screen.findByText('La tarjeta pasó a «Students explain out loud».');
    fireEvent.click(screen.getByRole('button', { name: 'Actualizar' }));
    await screen.findByText('Al día. Fase: Análisis; 2 tarjetas.');
  });

  it('when the debrief is not open yet, then a coach reads why in Spanish, with the link inside the sentence', async () => {
    setLanguage(['es-MX']);
    stubApi(() => ({
      status: 409,
      body: errorBody('CONFLICT', 'The debrief opens once the round is published.'),
    }));
    render(<DebriefView token="t" roundId="r1" isCoach />);
    await screen.findByRole('heading', { level: 1, name: 'La reflexión todavía no está abierta' });
    expect(screen.getByRole('alert').textContent).toContain('Publícala desde la página de la ronda.');
    expect(screen.getByRole('link', { name: 'la página de la ronda' }).getAttribute('href')).toBe(
      '#/rounds/r1',
    );
    await expectNoAxeViolations();
  });
});
