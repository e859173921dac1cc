import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../lti-server/app/src/App';
import { PictureView } from '../../../lti-server/app/src/views/picture-view';
import type { Me } from '../../../shared/api';
import type { Picture } from '../../../shared/notes';
import { type Call, errorBody, picture, stubApi } from './fake-api';

/** A fake server for the coach: the picture for `by`, and the notes' retention date. */
function pictureApi(answer: (by: string) => Picture = (by) => picture({ by: by as Picture['by'] })): Call[] {
  return stubApi((c) => {
    if (c.url.pathname === '/api/picture') return { body: answer(c.url.searchParams.get('by') ?? 'tag') };
    if (c.url.pathname === '/api/notes/retention' && c.method === 'GET')
      return { body: { expiresOn: '2026-06-30' } };
    if (c.url.pathname === '/api/notes/retention' && c.method === 'PUT') {
      const { expiresOn } = c.body as { expiresOn: string };
      return expiresOn < '2026-03-04'
        ? {
            status: 400,
            body: errorBody('VALIDATION_FAILED', 'Choose a date from today up to two years ahead.', [
              { path: 'expiresOn', message: 'between 2026-03-04 and 2028-03-04' },
            ]),
          }
        : { body: { expiresOn } };
    }
    return undefined;
  });
}

const pictureCalls = (calls: Call[]) => calls.filter((c) => c.url.pathname === '/api/picture');

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the school picture', () => {
  it('when it opens, then the whole school comes first with each pattern’s share as a word and a hidden bar, and the threshold is explained', async () => {
    pictureApi();
    render(<PictureView token="t" />);
    const school = await screen.findByRole('region', { name: 'The whole school' });
    const rows = within(school).getAllByRole('row').slice(1);
    expect(
      rows.map((r) => [r.querySelector('th')?.textContent, r.querySelector('.share-word')?.textContent]),
    ).toEqual([
      ['Students explain, discuss or argue out loud', 'most'],
      ['Students write or draw to think', 'few'],
    ]);
    // The word is the content; the bar repeats it in 1–4 filled segments and is hidden from assistive technology.
    const bars = rows.map((r) => r.querySelector('.share-bar')!);
    expect(bars.map((b) => b.getAttribute('aria-hidden'))).toEqual(['true', 'true']);
    expect(bars.map((b) => b.querySelectorAll('.seg.on').length)).toEqual([4, 1]);
    expect(bars.map((b) => b.querySelectorAll('.seg').length)).toEqual([4, 4]);

    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.slice(0, 2)).toEqual(['The whole school', 'Tag: discussion']);
    expect(screen.getByText(/A group appears once/).textContent).toBe(
      'A group appears once it spans at least 3 visits in 3 different classrooms, so nothing points to one teacher. 2 groups are still below it and not shown.',
    );
    // Words, not numbers: no percentage anywhere, and only the two columns (no per-teacher axis).
    expect(document.body.textContent).not.toMatch(/\d+ ?%/);
    expect(
      within(school)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Pattern of evidence', 'Visits showing it']);
  });

  it('when the coach chooses "By strategy", then the picture is asked for by strategy', async () => {
    const calls = pictureApi((by) =>
      by === 'strategy'
        ? picture({
            by: 'strategy',
            withheld: 0,
            groups: [
              picture().groups[0]!,
              { ...picture().groups[1]!, kind: 'strategy', label: 'Turn and talk' },
            ],
          })
        : picture(),
    );
    render(<PictureView token="t" />);
    await screen.findByRole('region', { name: 'Tag: discussion' });
    expect((screen.getByLabelText('By tag') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('By strategy'));
    expect(await screen.findByRole('region', { name: 'Strategy: Turn and talk' })).toBeTruthy();
    expect(pictureCalls(calls).map((c) => c.url.searchParams.get('by'))).toEqual(['tag', 'strategy']);
    expect(screen.getByText(/No group is waiting below that line/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Tag: discussion' })).toBeNull();
  });

  it('when no group reaches the threshold, then it says so and why', async () => {
    pictureApi(() => picture({ groups: [], withheld: 4 }));
    render(<PictureView token="t" />);
    expect(await screen.findByText(/No group has reached the threshold yet/)).toBeTruthy();
    expect(screen.getByText(/4 groups are still below it/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('when round debriefs are finished, then their patterns, prediction and next level of work follow the groups', async () => {
    pictureApi(() =>
      picture({
        rounds: [
          {
            title: 'Thursday discussion round',
            date: '2026-03-12',
            focus: { kind: 'tag', value: 'discussion' },
            patterns: [{ name: 'Students build on each other', cards: 3 }],
            prediction: 'Students could explain a step to a partner.',
            nextLevel: 'Try sentence frames in every grade.',
          },
        ],
      }),
    );
    render(<PictureView token="t" />);
    const debriefs = await screen.findByRole('region', { name: 'Finished debriefs' });
    const round = within(debriefs).getByRole('region', { name: 'Thursday discussion round' });
    expect(round.textContent).toContain('March 12, 2026');
    expect(round.textContent).toContain('Tag: discussion');
    expect(within(round).getByRole('listitem').textContent).toBe('Students build on each other (3 cards)');
    expect(round.textContent).toContain('Students could explain a step to a partner.');
    expect(round.textContent).toContain('Try sentence frames in every grade.');
  });

  it('when the coach downloads the CSV, then the file is fetched with the chosen grouping', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/picture.csv')
        return { text: { body: 'group,name\nschool,The whole school\n', type: 'text/csv' } };
      if (c.url.pathname === '/api/picture') return { body: picture() };
      if (c.url.pathname === '/api/notes/retention') return { body: { expiresOn: '2026-06-30' } };
      return undefined;
    });
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:picture');
    render(<PictureView token="t" />);
    await screen.findByRole('region', { name: 'The whole school' });
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(calls.find((c) => c.url.pathname === '/api/picture.csv')?.url.searchParams.get('by')).toBe('tag');
    expect(createObjectURL.mock.calls[0]![0]).toBeInstanceOf(Blob);
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
  });

  it('when the coach sets the deletion date, then it is saved, and a date out of range is explained at the field', async () => {
    const calls = pictureApi();
    render(<PictureView token="t" />);
    const field = (await screen.findByLabelText('Notes are deleted on')) as HTMLInputElement;
    expect(field.value).toBe('2026-06-30');
    expect(screen.getByText(/Every note in the school is deleted at the end of this day/)).toBeTruthy();

    fireEvent.input(field, { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the date' }));
    expect((await screen.findByText(/between 2026-03-04 and 2028-03-04/)).id).toBe('retention-date-error');
    expect(field.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(field, { target: { value: '2026-07-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the date' }));
    expect(await screen.findByText(/Every note is deleted at the end of July 15, 2026/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { expiresOn: '2020-01-01' },
      { expiresOn: '2026-07-15' },
    ]);
  });
});

describe('the navigation to notes and the picture', () => {
  const me = (role: 'teacher' | 'coach'): Me => ({
    person: { id: 'p1', name: 'Ana Rivera', role },
    network: { id: 'n1', title: 'Grade 7 Science', scope: 'course' },
    platform: { name: 'Sandbox LMS', issuer: 'http://localhost/sandbox' },
    session: { expiresAt: '2030-01-01T00:00:00.000Z' },
  });

  it('when a teacher opens the picture, then they get the picture of finished rounds, never the coaches’ one', async () => {
    window.location.hash = '#/picture';
    const calls = stubApi((c) =>
      c.url.pathname === '/api/picture/rounds'
        ? { body: { items: [], minVisits: 3, minHosts: 3 } }
        : { body: { items: [], nextCursor: null } },
    );
    render(<App token="t" load={async () => ({ ok: true, data: me('teacher') })} />);
    const nav = await screen.findByRole('navigation');
    expect(within(nav).getByRole('link', { name: 'Notes about my room' }).getAttribute('href')).toBe(
      '#/notes',
    );
    expect(within(nav).getByRole('link', { name: 'School picture' }).getAttribute('href')).toBe('#/picture');
    await screen.findByText(
      'No round has finished its debrief yet. The picture fills in as rounds are debriefed.',
    );
    expect(calls.some((c) => c.url.pathname === '/api/picture')).toBe(false);
    window.location.hash = '';
  });

  it('when a coach opens the app, then "School picture" is in the navigation', async () => {
    window.location.hash = '';
    stubApi(() => ({ body: { items: [], nextCursor: null } }));
    render(<App token="t" load={async () => ({ ok: true, data: me('coach') })} />);
    expect((await screen.findByRole('link', { name: 'School picture' })).getAttribute('href')).toBe(
      '#/picture',
    );
  });
});
