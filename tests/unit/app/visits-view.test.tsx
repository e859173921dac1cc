import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VisitsView } from '../../../lti-server/app/src/views/visits-view';
import { door, stubApi, visit } from './fake-api';

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
