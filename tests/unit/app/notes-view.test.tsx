import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftKey } from '../../../lti-server/app/src/drafts';
import { href, parseRoute } from '../../../lti-server/app/src/router';
import { NoteEditorView } from '../../../lti-server/app/src/views/note-editor-view';
import { NotesView } from '../../../lti-server/app/src/views/notes-view';
import { VisitsView } from '../../../lti-server/app/src/views/visits-view';
import { setLanguage } from '../../../shared/i18n';
import type { Note } from '../../../shared/notes';
import { type Answer, type Call, door, errorBody, note, stubApi, visit } from './fake-api';

const ZONE = 'America/New_York';
/** Wednesday 4 March 2026: the default fake visit (Tuesday) has happened. */
const NOW = new Date('2026-03-04T15:00:00.000Z');
const now = () => NOW;
const EXPIRES_ON = '2026-06-30';

const DESCRIPTIVE = 'Students turned to a partner and each explained one step.';

/** A fake server for the note editor: my visit v1 to Ben Okafor, the notes I wrote, and `post` for saving. */
function editorApi(
  options: { written?: Note[]; post?: (c: Call) => Answer; patch?: (c: Call) => Answer } = {},
): Call[] {
  return stubApi((c) => {
    if (c.url.pathname === '/api/visits') return { body: { items: [visit()] } };
    if (c.url.pathname === '/api/notes' && c.method === 'GET')
      return { body: { items: options.written ?? [], expiresOn: EXPIRES_ON } };
    if (c.url.pathname === '/api/notes' && c.method === 'POST')
      return options.post?.(c) ?? { status: 201, body: note({ text: String((c.body as Note).text) }) };
    if (c.method === 'PATCH') return options.patch?.(c) ?? { body: note({ text: (c.body as Note).text }) };
    if (c.method === 'DELETE') return { status: 204 };
    return undefined;
  });
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST' && c.url.pathname === '/api/notes');
const type = (text: string) => fireEvent.input(screen.getByRole('textbox'), { target: { value: text } });

function renderEditor() {
  return render(<NoteEditorView token="t" visitId="v1" myName="Chen Li" zone={ZONE} now={now} />);
}

beforeEach(() => {
  localStorage.clear();
  window.location.hash = '';
});
afterEach(() => vi.unstubAllGlobals());

describe('the notes routes', () => {
  it.each([
    ['#/visits/v%201/notes', { name: 'visit-notes', visitId: 'v 1' }],
    ['#/notes', { name: 'notes' }],
    ['#/picture', { name: 'picture' }],
  ])('when the hash is "%s", then the route is %o and writes back the same', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(href(parseRoute(hash))).toBe(hash);
  });
});

describe('the note editor', () => {
  it('when it opens, then it shows the visit, the host’s look-for and the three guiding prompts', async () => {
    editorApi();
    renderEditor();
    expect(await screen.findByRole('heading', { level: 2, name: 'Turn and talk' })).toBeTruthy();
    expect(screen.getByText(/Notice how students use the sentence frames/)).toBeTruthy();
    expect(screen.getByText('Room 12')).toBeTruthy();
    const prompts = screen.getByRole('group', { name: 'Which prompt does this note answer?' });
    expect(
      within(prompts)
        .getAllByRole('radio')
        .map((r) => r.nextElementSibling?.textContent),
    ).toEqual([
      'What did students say or do?',
      'What did the teacher say or do?',
      'What would a student here know and be able to do?',
    ]);
    expect(screen.getByLabelText('Your note: What did students say or do?').tagName).toBe('TEXTAREA');
    expect(screen.getByText(/One piece of evidence per note/)).toBeTruthy();
  });

  it('when "Great job, Ms Rivera!" is typed, then both flags are listed while typing and saving is blocked with the reason', async () => {
    const calls = editorApi();
    renderEditor();
    await screen.findByRole('textbox');
    type('Great job, Ms Rivera!');
    expect(await screen.findByText('2 things to rephrase: 1 name, 1 judgment.')).toBeTruthy();
    const summary = screen.getByText('2 things to rephrase: 1 name, 1 judgment.');
    expect(summary.getAttribute('aria-live')).toBe('polite');
    const flags = within(screen.getByRole('list', { name: /things to rephrase/ })).getAllByRole('listitem');
    expect(flags.map((li) => li.querySelector('.flag-words')?.textContent)).toEqual([
      '“Great job”',
      '“Ms Rivera”',
    ]);
    expect(flags[0]!.textContent).toContain('is a judgment');
    expect(flags[1]!.textContent).toContain('is a name');
    expect(flags[1]!.textContent).toContain('Try: the teacher');

    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const blocked = screen.getByText('Remove the names first.').parentElement!;
    await waitFor(() => expect(document.activeElement).toBe(blocked));
    expect(screen.queryByRole('button', { name: 'Save anyway' })).toBeNull();
    expect(posts(calls)).toHaveLength(0);
  });

  it('when the note is rewritten as a descriptive sentence, then it saves with the chosen prompt and the text', async () => {
    const calls = editorApi();
    renderEditor();
    fireEvent.click(await screen.findByLabelText('What did the teacher say or do?'));
    type('Great job, Ms Rivera!');
    await screen.findByText(/2 things to rephrase/);
    type(DESCRIPTIVE);
    expect(await screen.findByText('Nothing flagged: no names, judgments or guesses.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText(/Saved\. Ben Okafor can read it/);
    expect(posts(calls).map((c) => c.body)).toEqual([
      { visitId: 'v1', prompt: 'teacher', text: DESCRIPTIVE, confirmFlags: false },
    ]);
    // The text box starts over, and the list of my notes is read again.
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('');
    expect(calls.filter((c) => c.method === 'GET' && c.url.pathname === '/api/notes')).toHaveLength(2);
  });

  it('when a note only judges or guesses, then the first press explains and "Save anyway" sends confirmFlags: true', async () => {
    const calls = editorApi();
    renderEditor();
    await screen.findByRole('textbox');
    type('Students seemed engaged.');
    await screen.findByText('2 things to rephrase: 1 judgment, 1 guess.');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const explanation = screen.getByText(/This note reads as a judgment or a guess/);
    await waitFor(() => expect(document.activeElement).toBe(explanation));
    expect(posts(calls)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Save anyway' }));
    await screen.findByText(/Saved\./);
    expect(posts(calls).map((c) => c.body)).toEqual([
      { visitId: 'v1', prompt: 'students', text: 'Students seemed engaged.', confirmFlags: true },
    ]);
  });

  it('when the writer leaves and comes back, then the draft is restored, and a save clears it', async () => {
    editorApi();
    const first = renderEditor();
    await screen.findByRole('textbox');
    type('Students wrote one question');
    expect(localStorage.getItem(draftKey('v1', 'students'))).toBe('Students wrote one question');
    expect(screen.getByText(/draft kept on this device/)).toBeTruthy();
    first.unmount();

    renderEditor();
    const box = (await screen.findByRole('textbox')) as HTMLTextAreaElement;
    expect(box.value).toBe('Students wrote one question');
    // Each prompt has its own draft.
    fireEvent.click(screen.getByLabelText('What did the teacher say or do?'));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('');
    fireEvent.click(screen.getByLabelText('What did students say or do?'));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Students wrote one question');

    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText(/Saved\./);
    expect(localStorage.getItem(draftKey('v1', 'students'))).toBeNull();
  });

  it('when storage is blocked in the iframe, then typing and saving still work', async () => {
    const calls = editorApi();
    // What a browser does when third-party storage is blocked: reading window.localStorage throws.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    try {
      renderEditor();
      await screen.findByRole('textbox');
      type(DESCRIPTIVE);
      expect(screen.queryByText(/draft kept on this device/)).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
      await screen.findByText(/Saved\./);
      expect(posts(calls)).toHaveLength(1);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('when the server answers 422 NOTE_FLAGGED, then its message and reasons are shown', async () => {
    editorApi({
      post: () => ({
        status: 422,
        body: errorBody('NOTE_FLAGGED', 'Notes never name people: remove the names, then save.', [
          { path: 'text', message: "“Ibarra”: 'Ibarra' is a name. Notes never name people." },
        ]),
      }),
    });
    renderEditor();
    await screen.findByRole('textbox');
    // A name only the server's roster knows: nothing in the sentence marks it as a person for the editor's linter.
    type('The class wrote two questions for Ibarra.');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Notes never name people: remove the names, then save.');
    expect(within(alert).getByRole('listitem').textContent).toContain('“Ibarra”');
    // The draft is kept: nothing was saved.
    expect(localStorage.getItem(draftKey('v1', 'students'))).toBe(
      'The class wrote two questions for Ibarra.',
    );
  });

  it('when the server refuses because the visit was cancelled, then its message is shown', async () => {
    editorApi({
      post: () => ({
        status: 409,
        body: errorBody('CONFLICT', 'This visit was canceled, so there is nothing.'),
      }),
    });
    renderEditor();
    await screen.findByRole('textbox');
    type(DESCRIPTIVE);
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This visit was canceled');
  });

  it('when the visit has not started, then notes are not open yet', async () => {
    editorApi();
    render(
      <NoteEditorView
        token="t"
        visitId="v1"
        myName="Chen Li"
        zone={ZONE}
        now={() => new Date('2026-03-02T13:00:00.000Z')}
      />,
    );
    expect(await screen.findByText(/Notes open when the visit starts/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('when I wrote notes here, then they are listed with the host’s "useful", and can be edited (linted) and deleted', async () => {
    const calls = editorApi({
      written: [
        note({ id: 'n1', useful: true }),
        note({ id: 'n2', prompt: 'teacher', text: 'The teacher waited.' }),
      ],
    });
    renderEditor();
    const mine = await screen.findByRole('region', { name: 'Your notes for this visit' });
    await waitFor(() => expect(within(mine).getAllByRole('listitem')).toHaveLength(2));
    const [first, second] = within(mine).getAllByRole('listitem');
    expect(first!.textContent).toContain('The host found this note useful.');
    expect(second!.textContent).not.toContain('useful');

    fireEvent.click(within(second!).getByRole('button', { name: 'Edit' }));
    const box = within(second!).getByLabelText('Change your note');
    fireEvent.input(box, { target: { value: 'The teacher waited. Amazing!' } });
    expect(await within(second!).findByText('1 thing to rephrase: 1 judgment.')).toBeTruthy();
    fireEvent.click(within(second!).getByRole('button', { name: 'Save changes' }));
    fireEvent.click(await within(second!).findByRole('button', { name: 'Save anyway' }));
    await screen.findByText('Your note is changed.');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.url.pathname).toBe('/api/notes/n2');
    expect(patch.body).toEqual({ text: 'The teacher waited. Amazing!', confirmFlags: true });

    fireEvent.click(within(first!).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(first!).getByRole('button', { name: 'Yes, delete it' }));
    await screen.findByText('Your note is deleted.');
    expect(calls.find((c) => c.method === 'DELETE')?.url.pathname).toBe('/api/notes/n1');
    expect(within(mine).getAllByRole('listitem')).toHaveLength(1);
  });

  it('when the visit is not mine, then it says so', async () => {
    editorApi();
    render(<NoteEditorView token="t" visitId="nope" myName="Chen Li" zone={ZONE} now={now} />);
    expect((await screen.findByRole('alert')).textContent).toContain('not among your visits');
    expect(screen.getByRole('heading', { level: 1 }).id).toBe('view-title');
  });
});

describe('my visits and notes', () => {
  it('when visits have started or been thanked, then they link to the notes and show the thank-you', async () => {
    stubApi((c) => {
      if (c.url.pathname === '/api/calendar') return { body: { active: false, url: null, createdAt: null } };
      if (c.url.pathname === '/api/notes')
        return {
          body: {
            items: [note({ visitId: 'v0' }), note({ id: 'n2', visitId: 'v0' })],
            expiresOn: EXPIRES_ON,
          },
        };
      return {
        body: {
          items: [
            visit({
              id: 'v1',
              door: door({
                id: 'd1',
                startsAt: '2026-03-05T14:00:00.000Z',
                endsAt: '2026-03-05T14:10:00.000Z',
              }),
            }),
            visit({
              id: 'v0',
              thanks: { message: 'Thank you for the notes on partner talk!', at: '2026-03-03T20:00:00.000Z' },
            }),
            visit({
              id: 'v2',
              door: door({
                id: 'd2',
                startsAt: '2026-02-20T14:00:00.000Z',
                endsAt: '2026-02-20T14:10:00.000Z',
              }),
            }),
          ],
        },
      };
    });
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    const upcoming = await screen.findByRole('region', { name: 'Upcoming' });
    expect(upcoming.textContent).toContain('Notes open when the visit starts.');
    expect(within(upcoming).queryByRole('link', { name: /notes/ })).toBeNull();

    const past = screen.getByRole('region', { name: 'Past' });
    const yours = await within(past).findByRole('link', { name: 'Your notes (2)' });
    expect(yours.getAttribute('href')).toBe('#/visits/v0/notes');
    expect(within(past).getByRole('link', { name: 'Write notes' }).getAttribute('href')).toBe(
      '#/visits/v2/notes',
    );
    expect(past.textContent).toContain('Ben Okafor thanked you: “Thank you for the notes on partner talk!”');
    // Never a score: no count or share of useful notes across visits.
    expect(past.textContent).not.toMatch(/useful/i);
  });
});

describe('notes about my room', () => {
  const ABOUT = [
    note({ id: 'n1', visitId: 'v1', mine: false, aboutMe: true }),
    note({
      id: 'n2',
      visitId: 'v1',
      prompt: 'teacher',
      text: 'The teacher waited ten seconds.',
      mine: false,
      aboutMe: true,
    }),
    note({
      id: 'n3',
      visitId: 'v7',
      writer: { id: 'p3', name: 'Chen Li' },
      visit: {
        startsAt: '2026-02-24T15:00:00.000Z',
        strategyTitle: 'Gallery walk',
        roundId: null,
        roundTitle: null,
      },
      text: 'Students walked to each poster and wrote one question.',
      mine: false,
      aboutMe: true,
    }),
  ];

  function aboutApi(items: Note[] = ABOUT): Call[] {
    return stubApi((c) => {
      if (c.url.pathname === '/api/notes') return { body: { items, expiresOn: EXPIRES_ON } };
      const useful = /^\/api\/notes\/([^/]+)\/useful$/.exec(c.url.pathname);
      if (useful) {
        const n = items.find((x) => x.id === useful[1])!;
        return { body: { ...n, useful: (c.body as { useful: boolean }).useful } };
      }
      if (c.url.pathname.endsWith('/thanks')) return { status: 204 };
      if (c.method === 'DELETE') return { status: 204 };
      return undefined;
    });
  }

  it('when notes arrive, then they are grouped by visit with the visitor’s name, under the privacy notice with the deletion date', async () => {
    aboutApi();
    render(<NotesView token="t" zone={ZONE} />);
    await screen.findByRole('heading', { name: 'Tuesday, March 3: Turn and talk' });
    const groups = screen.getAllByRole('region').filter((r) => r.classList.contains('visit-notes'));
    expect(groups.map((g) => g.querySelector('h2')?.textContent)).toEqual([
      'Tuesday, March 3: Turn and talk',
      'Tuesday, February 24: Gallery walk',
    ]);
    expect(groups[0]!.textContent).toContain('Visitor: Ana Rivera');
    expect(within(groups[0]!).getAllByRole('listitem')).toHaveLength(2);
    expect(groups[1]!.textContent).toContain('Visitor: Chen Li');
    const privacy = screen.getByText(/Notes about your room are yours/).parentElement!;
    expect(privacy.textContent).toContain(
      'Only you and the person who wrote a note can read it — not coaches. They are deleted on June 30, 2026.',
    );
  });

  it('when the host marks a note useful, then the server is told and the button says "Useful ✓"', async () => {
    const calls = aboutApi();
    render(<NotesView token="t" zone={ZONE} />);
    const [button] = await screen.findAllByRole('button', { name: 'Mark useful' });
    fireEvent.click(button!);
    expect(await screen.findByRole('button', { name: 'Useful ✓' })).toBeTruthy();
    const call = calls.find((c) => c.url.pathname === '/api/notes/n1/useful')!;
    expect([call.method, call.body]).toEqual(['POST', { useful: true }]);
    expect(screen.getByText(/Marked useful\. Ana Rivera sees that this note helped\./)).toBeTruthy();
  });

  it('when the host thanks a visitor, then the thank-you goes to that visit and "Thanks sent" shows', async () => {
    const calls = aboutApi();
    render(<NotesView token="t" zone={ZONE} />);
    const input = await screen.findByLabelText('A short thank-you to Ana Rivera');
    fireEvent.input(input, { target: { value: 'Thank you for noticing the partner talk.' } });
    const form = input.closest('form')!;
    fireEvent.click(within(form).getByRole('button', { name: 'Thank this visitor' }));
    expect((await screen.findByText(/Thanks sent/)).textContent).toContain('Ana Rivera sees it');
    const call = calls.find((c) => c.url.pathname.endsWith('/thanks'))!;
    expect([call.method, call.url.pathname, call.body]).toEqual([
      'POST',
      '/api/visits/v1/thanks',
      { message: 'Thank you for noticing the partner talk.' },
    ]);
  });

  it('when the thank-you is empty, then it says what to write and sends nothing', async () => {
    const calls = aboutApi();
    render(<NotesView token="t" zone={ZONE} />);
    const input = await screen.findByLabelText('A short thank-you to Ana Rivera');
    fireEvent.click(within(input.closest('form')!).getByRole('button', { name: 'Thank this visitor' }));
    expect(await screen.findByText('Write a short thank-you')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.url.pathname.endsWith('/thanks'))).toBe(false);
  });

  it('when a Spanish-speaking host sends an empty thank-you, then the schema’s message is said in Spanish and nothing is sent', async () => {
    setLanguage(['es-419']);
    try {
      const calls = aboutApi();
      render(<NotesView token="t" zone={ZONE} />);
      const input = await screen.findByLabelText('Un agradecimiento breve para Ana Rivera');
      fireEvent.input(input, { target: { value: '   ' } });
      fireEvent.click(
        within(input.closest('form')!).getByRole('button', { name: 'Agradecer a este visitante' }),
      );
      expect(await screen.findByText('Escribe un agradecimiento breve')).toBeTruthy();
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(calls.some((c) => c.url.pathname.endsWith('/thanks'))).toBe(false);
    } finally {
      setLanguage(['en-US']);
    }
  });

  it('when the host deletes a note, then it asks first, says deletion is permanent, and deletes it', async () => {
    const calls = aboutApi();
    render(<NotesView token="t" zone={ZONE} />);
    const [del] = await screen.findAllByRole('button', { name: 'Delete' });
    fireEvent.click(del!);
    expect(screen.getByRole('group', { name: /Deletion is permanent/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it for good' }));
    await screen.findByText('The note is deleted for good.');
    expect(calls.find((c) => c.method === 'DELETE')?.url.pathname).toBe('/api/notes/n1');
    expect(screen.queryByText(DESCRIPTIVE)).toBeNull();
  });

  it('when there are no notes, then it explains how notes arrive', async () => {
    aboutApi([]);
    render(<NotesView token="t" zone={ZONE} />);
    expect((await screen.findByText(/No notes about your room yet/)).parentElement!.textContent).toContain(
      'When colleagues visit one of your open doors',
    );
    expect(screen.getByRole('link', { name: 'Open your door' }).getAttribute('href')).toBe('#/doors/new');
  });
});
