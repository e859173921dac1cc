import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextVisitChange, VisitsView } from '../../../lti-server/app/src/views/visits-view';
import { expectNoAxeViolations } from './axe';
import { door, errorBody, stubApi, visit } from './fake-api';

const ZONE = 'America/New_York';
const NOW = new Date('2026-03-02T13:00:00.000Z');
const now = () => NOW;

const VISITS = [
  visit({
    id: 'v3',
    status: 'cancelled',
    cancelledBy: 'host',
    door: door({
      id: 'd3',
      strategy: { id: 's3', title: 'Gallery walk' },
      host: { id: 'p3', name: 'Chen Li' },
      startsAt: '2026-03-05T14:00:00.000Z',
      endsAt: '2026-03-05T14:10:00.000Z',
      status: 'cancelled',
    }),
  }),
  visit({ id: 'v1', door: door({ myVisit: { id: 'v1', status: 'booked' } }) }),
  visit({
    id: 'v0',
    door: door({
      id: 'd0',
      strategy: { id: 's0', title: 'Cold call with care' },
      startsAt: '2026-02-20T14:00:00.000Z',
      endsAt: '2026-02-20T14:10:00.000Z',
    }),
  }),
  visit({
    id: 'v9',
    status: 'cancelled',
    cancelledBy: 'visitor',
    door: door({ id: 'd9', startsAt: '2026-02-18T14:00:00.000Z', endsAt: '2026-02-18T14:10:00.000Z' }),
  }),
];

afterEach(() => vi.unstubAllGlobals());

describe('my visits', () => {
  it('when a host cancelled a visit, then it is marked "Canceled by the host" and cannot be canceled again', async () => {
    stubApi((c) =>
      c.url.pathname === '/api/calendar'
        ? { body: { active: false, url: null, createdAt: null } }
        : { body: { items: VISITS } },
    );
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    const upcoming = await screen.findByRole('region', { name: 'Upcoming' });
    const items = within(upcoming).getAllByRole('listitem');
    // Soonest first: the booked Tuesday visit, then the cancelled Thursday one.
    expect(items.map((li) => li.querySelector('h3')?.textContent)).toEqual(['Turn and talk', 'Gallery walk']);
    expect(items[0]!.textContent).toContain('Look for: Notice how students use the sentence frames');
    expect(items[0]!.textContent).toContain('Room 12');
    expect(within(items[0]!).getByRole('button', { name: 'Cancel this visit' })).toBeTruthy();
    expect(items[1]!.textContent).toContain('Canceled by the host');
    expect(within(items[1]!).queryByRole('button', { name: 'Cancel this visit' })).toBeNull();

    const past = screen.getByRole('region', { name: 'Past' });
    expect(within(past).getAllByRole('listitem')).toHaveLength(2);
    expect(past.textContent).toContain('You canceled');
  });

  it('when the teacher cancels a visit and confirms, then the visit is cancelled on the server', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/calendar') return { body: { active: false, url: null, createdAt: null } };
      if (c.method === 'POST') return { body: { ...VISITS[1], status: 'cancelled', cancelledBy: 'visitor' } };
      return { body: { items: VISITS } };
    });
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel this visit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel my visit' }));
    await screen.findByText('Your visit is canceled; the seat is free again.');
    expect(calls.find((c) => c.method === 'POST')?.url.pathname).toBe('/api/visits/v1/cancel');
    // An open door's visit cancels without a reason.
    expect(screen.queryByLabelText('Why are you canceling?')).toBeNull();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({});
  });

  it('when the teacher cancels a round visit, then a reason is required, a named person is refused, and the reason is sent', async () => {
    const roundVisit = visit({
      id: 'v5',
      door: door({
        id: 'd5',
        roundId: 'r1',
        strategy: null,
        plannedBy: { id: 'p4', name: 'Dana Cruz' },
        myVisit: { id: 'v5', status: 'booked' },
      }),
    });
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/calendar') return { body: { active: false, url: null, createdAt: null } };
      if (c.method === 'POST') {
        const reason = (c.body as { reason?: string }).reason ?? '';
        if (reason.includes('Chen'))
          return {
            status: 422,
            body: errorBody(
              'NOTE_FLAGGED',
              'The reason is read by the coach, and never names people: remove the names, then save.',
              [{ path: 'text', message: '“Chen”: a name' }],
            ),
          };
        return { body: { ...roundVisit, status: 'cancelled', cancelledBy: 'visitor' } };
      }
      return { body: { items: [roundVisit] } };
    });
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    const trigger = await screen.findByRole('button', { name: 'Cancel this visit' });
    fireEvent.click(trigger);
    const reason = screen.getByLabelText('Why are you canceling?') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(reason);
    expect(screen.getByRole('group', { name: /Your group will be one short/ })).toBeTruthy();
    await expectNoAxeViolations();
    // No reason: asked for one, nothing sent.
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel my visit' }));
    expect(await screen.findByText('Say briefly why, for the coach who planned the round.')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    // A name: the server refuses it and the form says why.
    fireEvent.input(reason, { target: { value: 'Chen asked me to cover.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel my visit' }));
    expect(await screen.findByText(/never names people/)).toBeTruthy();
    fireEvent.input(reason, { target: { value: 'I cover a class that period.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel my visit' }));
    await screen.findByText('Your visit is canceled. The coach who planned the round sees your reason.');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.url.pathname)).toEqual(['/api/visits/v5/cancel', '/api/visits/v5/cancel']);
    expect(posts[1]!.body).toEqual({ reason: 'I cover a class that period.' });
  });

  it('when the teacher keeps a round visit after all, then focus goes back to the cancel button', async () => {
    const roundVisit = visit({ id: 'v5', door: door({ id: 'd5', roundId: 'r1', strategy: null }) });
    stubApi((c) =>
      c.url.pathname === '/api/calendar'
        ? { body: { active: false, url: null, createdAt: null } }
        : { body: { items: [roundVisit] } },
    );
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel this visit' }));
    fireEvent.click(screen.getByRole('button', { name: 'No, keep my visit' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel this visit' })),
    );
  });

  it('when a booked visit has ended, then it links to its reflective dialogue; upcoming and canceled ones do not', async () => {
    stubApi((c) =>
      c.url.pathname === '/api/calendar'
        ? { body: { active: false, url: null, createdAt: null } }
        : c.url.pathname === '/api/visits'
          ? { body: { items: VISITS } }
          : { body: { items: [], expiresOn: '2026-06-30' } },
    );
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    await screen.findByText('Cold call with care');
    const links = screen.getAllByRole('link', { name: /Reflective dialogue/ });
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Reflective dialogue with Ben Okafor', '#/doors/d0/dialogue'],
    ]);
  });

  it('when a visit belongs to a round, then its note says the coach who planned the round wrote it, not the host', async () => {
    stubApi((c) =>
      c.url.pathname === '/api/calendar'
        ? { body: { active: false, url: null, createdAt: null } }
        : {
            body: {
              items: [
                visit({
                  door: door({
                    roundId: 'r1',
                    strategy: null,
                    plannedBy: { id: 'p4', name: 'Dana Cruz' },
                    visitorNote: 'Round: Thursday discussion round (focus: discussion)',
                  }),
                }),
              ],
            },
          },
    );
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    expect(await screen.findByText('From Dana Cruz, who planned the round:')).toBeTruthy();
    expect(screen.queryByText(/Note from Ben Okafor/)).toBeNull();
  });

  it('when there are no visits, then it points to the open doors', async () => {
    stubApi((c) =>
      c.url.pathname === '/api/calendar'
        ? { body: { active: false, url: null, createdAt: null } }
        : { body: { items: [] } },
    );
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    expect((await screen.findByRole('link', { name: 'Find an open door' })).getAttribute('href')).toBe(
      '#/doors',
    );
  });

  it('when the teacher creates a calendar link, then it is shown once with a warning, and turning it off revokes it', async () => {
    const url = 'https://tm.example/calendar/s3cr3t.ics';
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/visits') return { body: { items: [] } };
      if (c.method === 'POST') return { body: { active: true, url, createdAt: NOW.toISOString() } };
      if (c.method === 'DELETE') return { status: 204 };
      return { body: { active: false, url: null, createdAt: null } };
    });
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Create calendar link' }));
    const input = (await screen.findByLabelText('Your calendar link')) as HTMLInputElement;
    expect(input.value).toBe(url);
    expect(input.readOnly).toBe(true);
    expect(
      screen.getByText('Anyone with this link sees your visit times; you can turn it off any time.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Turn off the link' }));
    await screen.findByRole('button', { name: 'Create calendar link' });
    expect(screen.queryByLabelText('Your calendar link')).toBeNull();
    expect(calls.filter((c) => c.url.pathname === '/api/calendar').map((c) => c.method)).toEqual([
      'GET',
      'POST',
      'DELETE',
    ]);
    expect(screen.getByText(/The calendar link is off/)).toBeTruthy();
  });

  it('when a link is active but its URL is no longer known, then it offers to make a new one', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/visits') return { body: { items: [] } };
      if (c.method === 'POST')
        return { body: { active: true, url: 'https://tm.example/c/new.ics', createdAt: NOW.toISOString() } };
      return { body: { active: true, url: null, createdAt: '2026-02-01T10:00:00.000Z' } };
    });
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    expect((await screen.findByText(/A calendar link is active/)).textContent).toContain('make a new link');
    expect(screen.queryByLabelText('Your calendar link')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Make a new link' }));
    await waitFor(() =>
      expect((screen.getByLabelText('Your calendar link') as HTMLInputElement).value).toBe(
        'https://tm.example/c/new.ics',
      ),
    );
    expect(calls.at(-1)?.method).toBe('POST');
  });
});

describe('my visits, a page at a time', () => {
  it('when there are more visits than a page, then "Show more visits" (a button, reached by Tab) adds the next page, and goes away after the last', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/calendar') return { body: { active: false, url: null, createdAt: null } };
      if (c.url.pathname !== '/api/visits') return { body: { items: [], expiresOn: '2026-06-30' } };
      // The first page: the upcoming visits; the second: the past ones.
      return c.url.searchParams.get('cursor') === 'after-upcoming'
        ? { body: { items: VISITS.slice(2), nextCursor: null } }
        : { body: { items: VISITS.slice(0, 2), nextCursor: 'after-upcoming' } };
    });
    render(<VisitsView token="t" zone={ZONE} now={now} />);
    const upcoming = await screen.findByRole('region', { name: 'Upcoming' });
    expect(within(upcoming).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('region', { name: 'Past' })).toBeNull();
    const more = screen.getByRole('button', { name: 'Show more visits' });
    await expectNoAxeViolations();
    more.focus();
    expect(document.activeElement).toBe(more);
    fireEvent.click(more);
    const past = await screen.findByRole('region', { name: 'Past' });
    expect(within(past).getAllByRole('listitem')).toHaveLength(2);
    expect(within(screen.getByRole('region', { name: 'Upcoming' })).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /Show more visits/ })).toBeNull();
    const pages = calls.filter((c) => c.url.pathname === '/api/visits');
    expect(pages.map((c) => c.url.searchParams.get('cursor'))).toEqual([null, 'after-upcoming']);
  });
});

describe('my visits, as time passes', () => {
  afterEach(() => vi.useRealTimers());

  it('when a visit starts while the page is open, then it switches to "Write notes" at the start time, with one timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Five minutes before the booked visit (14:15 to 14:25 UTC) starts.
    vi.setSystemTime(new Date('2026-03-03T14:10:00.000Z'));
    stubApi((c) =>
      c.url.pathname === '/api/calendar'
        ? { body: { active: false, url: null, createdAt: null } }
        : { body: { items: [visit()] } },
    );
    render(<VisitsView token="t" zone={ZONE} />);
    await vi.waitFor(() => screen.getByText('Notes open when the visit starts.'));
    expect(screen.queryByRole('link', { name: 'Write notes' })).toBeNull();
    // Only the timer to the start is pending, not a polling loop.
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1000);
    expect(screen.queryByRole('link', { name: 'Write notes' })).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    const item = screen.getByRole('listitem');
    const link = within(item).getByRole('link', { name: 'Write notes' });
    expect(link.getAttribute('href')).toBe('#/visits/v1/notes');
    expect(screen.queryByText('Notes open when the visit starts.')).toBeNull();
    // The notes come first, right under the visit's title.
    expect(item.querySelector('h3')?.nextElementSibling?.contains(link)).toBe(true);

    // At its end the visit moves to Past, and no timer is left.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(within(screen.getByRole('region', { name: 'Past' })).getByRole('listitem')).toBeTruthy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when a visit is months away, then the next change is the soonest start or end of a booked visit, and none once all are over', () => {
    const at = Date.parse('2026-01-01T00:00:00.000Z');
    const far = visit({
      door: door({ startsAt: '2026-06-01T14:00:00.000Z', endsAt: '2026-06-01T14:10:00.000Z' }),
    });
    const cancelled = visit({
      id: 'v2',
      status: 'cancelled',
      door: door({ startsAt: '2026-02-01T14:00:00.000Z' }),
    });
    expect(nextVisitChange([far, cancelled], at)).toBe(Date.parse('2026-06-01T14:00:00.000Z'));
    expect(nextVisitChange([far], Date.parse('2026-07-01T00:00:00.000Z'))).toBeNull();
  });
});
