import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { href, parseRoute } from '../../../lti-server/app/src/router';
import { DialogueView } from '../../../lti-server/app/src/views/dialogue-view';
import type { Dialogue, DialogueEntry, DialogueEntryInput } from '../../../shared/dialogue';
import { setLanguage } from '../../../shared/i18n';
import { expectNoAxeViolations } from './axe';
import { type Call, errorBody, stubApi } from './fake-api';

const ZONE = 'America/New_York';

const entry = (over: Partial<DialogueEntry>): DialogueEntry => ({
  id: 'e1',
  part: 'noticed',
  text: 'Students turned to a partner and each explained one step.',
  author: { id: 'p-ben', name: 'Ben Okafor' },
  mine: false,
  createdAt: '2026-03-03T15:00:00.000Z',
  ...over,
});

const thread = (over: Partial<Dialogue> = {}): Dialogue => ({
  doorId: 'd1',
  startsAt: '2026-03-03T14:00:00.000Z',
  endsAt: '2026-03-03T14:20:00.000Z',
  strategyTitle: 'Turn and talk',
  host: { id: 'p-ana', name: 'Ana Rivera' },
  role: 'visitor',
  open: true,
  canWrite: ['noticed', 'wondering'],
  entries: [],
  expiresOn: '2026-06-30',
  ...over,
});

/** A fake server holding one thread; POST appends the entry as the asker's and answers the new thread. */
function dialogueApi(
  start: Dialogue,
  post?: (c: Call) => { status: number; body: unknown } | undefined,
): Call[] {
  let current = start;
  return stubApi((c) => {
    if (c.url.pathname !== '/api/doors/d1/dialogue') return undefined;
    if (c.method === 'GET') return { body: current };
    const answer = post?.(c);
    if (answer) return answer;
    const input = c.body as DialogueEntryInput;
    current = {
      ...current,
      canWrite: current.canWrite.filter((p) => p !== input.part),
      entries: [
        ...current.entries,
        entry({ id: `e${current.entries.length + 2}`, part: input.part, text: input.text, mine: true }),
      ],
    };
    return { status: 201, body: current };
  });
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

beforeEach(() => {
  localStorage.clear();
  window.location.hash = '';
});
afterEach(() => vi.unstubAllGlobals());

describe('the dialogue route', () => {
  it('when the hash is "#/doors/d%201/dialogue", then it is the dialogue of that door and writes back the same', () => {
    expect(parseRoute('#/doors/d%201/dialogue')).toEqual({ name: 'dialogue', doorId: 'd 1' });
    expect(href(parseRoute('#/doors/d%201/dialogue'))).toBe('#/doors/d%201/dialogue');
  });
});

describe('the reflective dialogue form', () => {
  it('when a visitor opens it, then they see who can read it and the two visitor parts, and the screen passes axe', async () => {
    dialogueApi(thread());
    render(<DialogueView token="t" doorId="d1" myName="Ben Okafor" zone={ZONE} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Turn and talk' })).toBeTruthy();
    expect(
      screen.getByText(/not coaches, not other colleagues, and never the school picture/).textContent,
    ).toContain('deleted with the school’s notes on June 30, 2026.');
    expect(screen.getByLabelText('What I noticed').tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText('What I’m wondering').tagName).toBe('TEXTAREA');
    expect(screen.queryByLabelText('My reply')).toBeNull();
    await expectNoAxeViolations();
  });

  it('when "noticed" reads as a judgment, then the linter says so inline and it is sent only after "Save anyway"', async () => {
    const calls = dialogueApi(thread());
    render(<DialogueView token="t" doorId="d1" myName="Ben Okafor" zone={ZONE} />);
    const box = await screen.findByLabelText('What I noticed');
    fireEvent.input(box, { target: { value: 'Great engagement!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save “What I noticed”' }));
    expect(await screen.findByText(/reads as a judgment or a guess/)).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);
    await expectNoAxeViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toEqual({ part: 'noticed', text: 'Great engagement!', confirmFlags: true });
    expect(await screen.findByText('Great engagement!')).toBeTruthy();
    expect(screen.queryByLabelText('What I noticed')).toBeNull();
  });

  it('when "wondering" asks why, then it is not flagged as a guess, but a name still blocks the save', async () => {
    const calls = dialogueApi(thread());
    render(<DialogueView token="t" doorId="d1" myName="Ben Okafor" zone={ZONE} />);
    const box = await screen.findByLabelText('What I’m wondering');
    fireEvent.input(box, { target: { value: 'I wonder why Ms Rivera moved the pairs.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save “What I’m wondering”' }));
    expect(await screen.findByText('Remove the names first.')).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);
    fireEvent.input(box, { target: { value: 'I wonder what made the pairs switch cards halfway.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save “What I’m wondering”' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({ part: 'wondering', confirmFlags: false });
  });

  it('when the host opens it, then each entry shows who wrote it and the host writes the reply and the next step', async () => {
    const calls = dialogueApi(
      thread({
        role: 'host',
        canWrite: ['reply', 'next_step'],
        entries: [
          entry({}),
          entry({ id: 'e2', part: 'wondering', text: 'I wonder what a second card would do.' }),
        ],
      }),
    );
    render(<DialogueView token="t" doorId="d1" myName="Ana Rivera" zone={ZONE} />);
    expect(await screen.findByText('I wonder what a second card would do.')).toBeTruthy();
    expect(screen.getAllByText('Ben Okafor')).toHaveLength(2);
    expect(screen.queryByLabelText('What I noticed')).toBeNull();
    fireEvent.input(screen.getByLabelText('What I’ll try next'), {
      target: { value: 'I will try giving each pair two cards to compare.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save “What I’ll try next”' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(await screen.findByText(/Your visitors can read it now/)).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('when the visit has not ended or the server refuses, then it says so and offers no form', async () => {
    dialogueApi(thread({ open: false, canWrite: [] }));
    const view = render(<DialogueView token="t" doorId="d1" myName="Ben Okafor" zone={ZONE} />);
    expect(await screen.findByText('The dialogue opens once the visit has ended.')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    view.unmount();
    vi.unstubAllGlobals();
    stubApi(() => ({ status: 404, body: errorBody('NOT_FOUND', 'Visit not found.') }));
    render(<DialogueView token="t" doorId="d1" myName="Chloé Martin" zone={ZONE} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/not found/);
    await expectNoAxeViolations();
  });
});

describe('the reflective dialogue in Spanish', () => {
  afterEach(() => setLanguage(['en-US']));

  it('when a visitor writes in Spanish, then who reads it, the parts, the date and the notice are in Spanish; axe finds nothing', async () => {
    setLanguage(['es-419']);
    const calls = dialogueApi(thread());
    render(<DialogueView token="t" doorId="d1" myName="Ben Okafor" zone={ZONE} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Turn and talk' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Diálogo reflexivo' })).toBeTruthy();
    expect(screen.getByText(/en el aula de Ana Rivera/)).toBeTruthy();
    expect(screen.getByText(/^Solo Ana Rivera, los demás visitantes y tú leen esto/).textContent).toContain(
      'Se elimina con las notas de la escuela el 30 de junio de 2026.',
    );
    expect(screen.getByText('Todavía no hay nada escrito.')).toBeTruthy();
    expect(screen.getByLabelText('Lo que me pregunto').tagName).toBe('TEXTAREA');
    const box = screen.getByLabelText('Lo que noté');
    fireEvent.input(box, { target: { value: 'Cada estudiante explicó un paso a su pareja.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar «Lo que noté»' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(await screen.findByText('Guardado. Ana Rivera ya puede leerlo.')).toBeTruthy();
    expect(screen.getByText(/Lo que noté ·/).textContent).toBe('Lo que noté · tú');
    await expectNoAxeViolations();
  });
});
