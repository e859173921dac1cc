import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeFlash } from '../../../lti-server/app/src/flash';
import { href, parseRoute } from '../../../lti-server/app/src/router';
import { formatDay, setPersonZone, viewerZone } from '../../../lti-server/app/src/time';
import { DoorForm } from '../../../lti-server/app/src/views/door-form';
import { DoorsView } from '../../../lti-server/app/src/views/doors-view';
import { StrategyView } from '../../../lti-server/app/src/views/strategy-view';
import type { Strategy } from '../../../shared/strategy';
import { expectNoAxeViolations } from './axe';
import { type Call, door, errorBody, strategy as strategyItem, stubApi, visit } from './fake-api';

const ZONE = 'America/New_York';
/** Monday 2 March 2026, 8:00 in New York (the default fake door is on Tuesday). */
const NOW = new Date('2026-03-02T13:00:00.000Z');
const now = () => NOW;

const doorCalls = (calls: Call[]) =>
  calls.filter((c) => c.method === 'GET' && c.url.pathname === '/api/doors');

beforeEach(() => {
  window.location.hash = '';
  takeFlash();
});
afterEach(() => vi.unstubAllGlobals());

describe('the open doors routes', () => {
  it.each([
    ['#/doors', { name: 'doors' }],
    ['#/doors?week=2026-03-09', { name: 'doors', week: '2026-03-09' }],
    ['#/doors/new', { name: 'door-new' }],
    ['#/doors/new/s%201', { name: 'door-new', strategyId: 's 1' }],
    ['#/visits', { name: 'visits' }],
    ['#/rounds', { name: 'rounds' }],
    ['#/rounds/new', { name: 'round-new' }],
    ['#/rounds/r1', { name: 'round', id: 'r1' }],
  ])('when the hash is "%s", then the route is %o and writes back the same', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(href(parseRoute(hash)))).toEqual(route);
  });
});

describe('the open doors week view', () => {
  it('when it opens, then it asks for Monday 00:00 to the next Monday 00:00 in the viewer’s zone (across the DST change)', async () => {
    const calls = stubApi(() => ({ body: { items: [], nextCursor: null } }));
    render(<DoorsView token="t" zone={ZONE} now={now} />);
    await waitFor(() => expect(doorCalls(calls)).toHaveLength(1));
    const q = doorCalls(calls)[0]!.url.searchParams;
    expect(q.get('from')).toBe('2026-03-02T05:00:00.000Z');
    expect(q.get('to')).toBe('2026-03-09T04:00:00.000Z');
    expect(q.has('mine')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Next week →' }));
    await waitFor(() => expect(doorCalls(calls)).toHaveLength(2));
    expect(doorCalls(calls)[1]!.url.searchParams.get('from')).toBe('2026-03-09T04:00:00.000Z');
    expect(doorCalls(calls)[1]!.url.searchParams.get('to')).toBe('2026-03-16T04:00:00.000Z');
  });

  it('when there are no doors, then it says what to do next', async () => {
    stubApi(() => ({ body: { items: [], nextCursor: null } }));
    render(<DoorsView token="t" zone={ZONE} now={now} />);
    await waitFor(() =>
      expect(screen.getByText(/No open doors this week/).textContent).toContain('look at next week'),
    );
    expect(screen.getByRole('link', { name: 'Open your own' }).getAttribute('href')).toBe('#/doors/new');
  });

  it('when the week holds more than a page, then "Show more doors" adds the next page, a booking keeps both, and the next week starts again', async () => {
    const later = { id: 'd2', startsAt: '2026-03-04T15:00:00.000Z', endsAt: '2026-03-04T15:10:00.000Z' };
    let booked = false;
    const calls = stubApi((c) => {
      if (c.method === 'POST') {
        booked = true;
        return {
          status: 201,
          body: visit({ door: door(later), createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() }),
        };
      }
      const cursor = c.url.searchParams.get('cursor');
      if (c.url.searchParams.get('from') !== '2026-03-02T05:00:00.000Z')
        return { body: { items: [], nextCursor: null } };
      if (cursor === 'page-2')
        return {
          body: {
            items: [door({ ...later, ...(booked ? { myVisit: { id: 'v1', status: 'booked' } } : {}) })],
            nextCursor: null,
          },
        };
      return { body: { items: [door()], nextCursor: 'page-2' } };
    });
    render(<DoorsView token="t" zone={ZONE} now={now} />);
    const more = await screen.findByRole('button', { name: 'Show more doors this week' });
    expect(document.body.textContent).toContain('1 or more open doors shown in the week of');
    await expectNoAxeViolations();

    fireEvent.click(more);
    await screen.findByRole('list', { name: formatDay('2026-03-04') });
    const second = doorCalls(calls)[1]!.url.searchParams;
    expect(second.get('cursor')).toBe('page-2');
    expect([second.get('from'), second.get('to')]).toEqual([
      '2026-03-02T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
    ]);
    expect(screen.queryByRole('button', { name: 'Show more doors this week' })).toBeNull();
    expect(document.body.textContent).toContain('2 open doors in the week of');

    // Booking the door of the second page reads both pages again: the list keeps what it showed.
    const wednesday = screen.getByRole('list', { name: formatDay('2026-03-04') });
    fireEvent.click(within(wednesday).getByRole('button', { name: 'Book a seat' }));
    await within(wednesday).findByText('You are booked.');
    expect(
      doorCalls(calls)
        .slice(2)
        .map((c) => c.url.searchParams.get('cursor')),
    ).toEqual([null, 'page-2']);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Next week →' }));
    await screen.findByText(/No open doors this week/);
    const nextWeek = doorCalls(calls).at(-1)!.url.searchParams;
    expect(nextWeek.get('from')).toBe('2026-03-09T04:00:00.000Z');
    expect(nextWeek.has('cursor')).toBe(false);
  });

  it('when filters are applied, then subject, tag and "only my doors" go to the API', async () => {
    const calls = stubApi(() => ({ body: { items: [], nextCursor: null } }));
    render(<DoorsView token="t" zone={ZONE} now={now} />);
    await waitFor(() => expect(doorCalls(calls)).toHaveLength(1));
    fireEvent.input(screen.getByLabelText('Subject'), { target: { value: 'Math' } });
    fireEvent.input(screen.getByLabelText('Tag'), { target: { value: 'discussion' } });
    fireEvent.click(screen.getByLabelText('Only my doors'));
    fireEvent.click(screen.getByRole('button', { name: 'Show doors' }));
    await waitFor(() => expect(doorCalls(calls)).toHaveLength(2));
    const q = doorCalls(calls)[1]!.url.searchParams;
    expect([q.get('subject'), q.get('tag'), q.get('mine')]).toEqual(['Math', 'discussion', 'true']);
  });

  it('when doors come back, then they are grouped by day with times in the viewer’s zone and the host’s', async () => {
    stubApi(() => ({
      body: {
        items: [
          door({ id: 'd3', startsAt: '2026-03-05T18:00:00.000Z', endsAt: '2026-03-05T18:10:00.000Z' }),
          door({
            id: 'd2',
            strategy: { id: 's2', title: 'Exit ticket' },
            startsAt: '2026-03-03T16:00:00.000Z',
            endsAt: '2026-03-03T16:10:00.000Z',
            timeZone: 'America/Chicago',
          }),
          door({ id: 'd1' }),
        ],
        nextCursor: null,
      },
    }));
    render(<DoorsView token="t" zone={ZONE} now={now} />);
    const tuesday = await screen.findByRole('list', { name: formatDay('2026-03-03') });
    const thursday = screen.getByRole('list', { name: formatDay('2026-03-05') });
    const tuesdayDoors = within(tuesday).getAllByRole('listitem');
    expect(tuesdayDoors).toHaveLength(2);
    // Sorted by time within the day; the Chicago host's own clock is shown too.
    expect(within(tuesdayDoors[0]!).getByRole('link', { name: 'Turn and talk' }).getAttribute('href')).toBe(
      '#/s/s1',
    );
    expect(tuesdayDoors[0]!.textContent).toMatch(/9:15.*–.*9:25.*\(your time\)/);
    expect(tuesdayDoors[0]!.textContent).not.toContain(' in America/');
    expect(tuesdayDoors[1]!.textContent).toMatch(/11:00.*\(your time\) · 10:00.* in America\/Chicago/);
    expect(tuesdayDoors[0]!.textContent).toContain('Ben Okafor');
    expect(tuesdayDoors[0]!.textContent).toContain('Room 12');
    expect(tuesdayDoors[0]!.textContent).toContain('3 of 4 left');
    expect(tuesdayDoors[0]!.textContent).toContain('Look for: Notice how students use the sentence frames');
    expect(within(thursday).getAllByRole('listitem')).toHaveLength(1);
  });

  it('when a door is under way or starts within the hour, then it says so; later and finished doors say nothing', async () => {
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
    stubApi(() => ({
      body: {
        items: [
          door({ id: 'now', startsAt: at(-10), endsAt: at(35), myVisit: { id: 'v1', status: 'booked' } }),
          door({ id: 'soon', strategy: { id: 's2', title: 'Number talk' }, startsAt: at(2), endsAt: at(17) }),
          door({
            id: 'done',
            strategy: { id: 's3', title: 'Exit ticket' },
            startsAt: at(-60),
            endsAt: at(-45),
          }),
          door({
            id: 'later',
            strategy: { id: 's4', title: 'Gallery walk' },
            startsAt: at(90),
            endsAt: at(100),
          }),
        ],
        nextCursor: null,
      },
    }));
    const { container } = render(<DoorsView token="t" zone={ZONE} now={now} />);
    const items = await screen.findAllByRole('listitem');
    const text = (title: string) => items.find((i) => i.textContent?.includes(title))!.textContent;
    expect(text('Turn and talk')).toContain('Happening now');
    expect(text('Number talk')).toContain('Starts in 2 minutes');
    expect(text('Exit ticket')).not.toMatch(/Happening now|Starts in/);
    expect(text('Gallery walk')).not.toMatch(/Happening now|Starts in/);
    await expectNoAxeViolations(container);
  });

  it('when a teacher books a seat, then the door id is posted and the list is refreshed', async () => {
    let booked = false;
    const calls = stubApi((c) => {
      if (c.method === 'POST' && c.url.pathname === '/api/visits') {
        booked = true;
        return {
          status: 201,
          body: visit({ door: door(), createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() }),
        };
      }
      return {
        body: {
          items: [door(booked ? { myVisit: { id: 'v1', status: 'booked' }, booked: 2, seatsLeft: 2 } : {})],
          nextCursor: null,
        },
      };
    });
    render(<DoorsView token="t" zone={ZONE} now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Book a seat' }));
    await screen.findByText('You are booked.');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url.pathname).toBe('/api/visits');
    expect(post?.body).toEqual({ doorId: 'd1' });
    expect(doorCalls(calls)).toHaveLength(2);
    expect(screen.getByText('Booked. This visit is in My visits.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel my booking' })).toBeTruthy();
  });

  it('when the door filled up meanwhile (DOOR_FULL), then it says so plainly and shows the door as full', async () => {
    let full = false;
    const calls = stubApi((c) => {
      if (c.method === 'POST') {
        full = true;
        return { status: 409, body: errorBody('DOOR_FULL', 'This door is full') };
      }
      return { body: { items: [door(full ? { booked: 4, seatsLeft: 0 } : {})], nextCursor: null } };
    });
    render(<DoorsView token="t" zone={ZONE} now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Book a seat' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This door is full');
    await waitFor(() => expect(screen.getByText('Full')).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Book a seat' })).toBeNull();
    expect(doorCalls(calls)).toHaveLength(2);
  });

  it('when the teacher already has a visit then (VISIT_OVERLAP), then the alert explains the clash', async () => {
    stubApi((c) =>
      c.method === 'POST'
        ? { status: 409, body: errorBody('VISIT_OVERLAP', 'overlap') }
        : { body: { items: [door()], nextCursor: null } },
    );
    render(<DoorsView token="t" zone={ZONE} now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Book a seat' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'You already have a visit, or host an open door, at this time',
    );
  });

  it('when the host looks at their door, then they see the visitors and can cancel it after confirming', async () => {
    const calls = stubApi((c) =>
      c.method === 'POST'
        ? { body: door({ mine: true, status: 'cancelled', visitors: [] }) }
        : {
            body: {
              items: [
                door({
                  mine: true,
                  host: { id: 'p1', name: 'Ana Rivera' },
                  visitors: [{ id: 'p3', name: 'Chen Li' }],
                }),
              ],
              nextCursor: null,
            },
          },
    );
    render(<DoorsView token="t" zone={ZONE} now={now} />);
    expect((await screen.findByText('Visitors:')).parentElement?.textContent).toContain('Chen Li');
    expect(screen.queryByRole('button', { name: 'Book a seat' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add to my calendar (.ics)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel this door' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel this door' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.url.pathname).toBe('/api/doors/d1/cancel'),
    );
  });

  it('when the host’s door has ended with visitors, then it links to the reflective dialogue; a coming door does not', async () => {
    stubApi(() => ({
      body: {
        items: [
          door({
            id: 'd-past',
            mine: true,
            booked: 1,
            startsAt: '2026-03-02T11:00:00.000Z',
            endsAt: '2026-03-02T11:10:00.000Z',
            visitors: [{ id: 'p3', name: 'Chen Li' }],
          }),
          door({ id: 'd-next', mine: true, booked: 1, visitors: [{ id: 'p3', name: 'Chen Li' }] }),
        ],
        nextCursor: null,
      },
    }));
    render(<DoorsView token="t" zone={ZONE} now={now} />);
    await screen.findAllByText('Visitors:');
    const links = screen.getAllByRole('link', { name: 'Reflective dialogue' });
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['#/doors/d-past/dialogue']);
  });
});

/** One of the teacher's own strategies, in `status`. */
const strategy = (id: string, title: string, status: Strategy['status']): Strategy =>
  strategyItem({ id, title, status, displayStatus: status });

describe('the open-a-door form', () => {
  const mine = {
    items: [
      strategy('s1', 'Turn and talk', 'approved'),
      strategy('s2', 'Waiting one', 'pending'),
      strategy('s3', 'Exit ticket', 'featured'),
    ],
    nextCursor: null,
  };

  const fill = (label: string | RegExp, value: string) => {
    const el = screen.getByLabelText(label) as HTMLInputElement;
    if (el.tagName === 'SELECT') fireEvent.change(el, { target: { value } });
    else fireEvent.input(el, { target: { value } });
  };

  it('when the teacher has no approved strategy, then it explains a coach approves first and links to Add a strategy', async () => {
    stubApi(() => ({ body: { items: [strategy('s2', 'Waiting one', 'pending')], nextCursor: null } }));
    render(<DoorForm token="t" zone={ZONE} />);
    expect((await screen.findByText(/needs a coach’s approval first/)).textContent).toContain(
      '1 of yours is waiting',
    );
    expect(screen.getByRole('link', { name: 'Add a strategy' }).getAttribute('href')).toBe('#/add');
  });

  it('when the LMS gave the person a time zone, then the form starts on it', async () => {
    stubApi(() => ({ body: mine }));
    const zone = viewerZone() === 'Asia/Tokyo' ? 'America/Denver' : 'Asia/Tokyo';
    setPersonZone(zone);
    try {
      render(<DoorForm token="t" strategyId="s3" />);
      expect(((await screen.findByLabelText(/Time zone/)) as HTMLSelectElement).value).toBe(zone);
    } finally {
      setPersonZone(undefined);
    }
  });

  it('when the form is sent, then the typed values go to the API; a 400 marks the fields and keeps the input', async () => {
    const calls = stubApi((c) =>
      c.method === 'POST'
        ? {
            status: 400,
            body: errorBody('VALIDATION_FAILED', 'Door is not valid', [
              {
                path: 'location',
                message: 'Say where visitors should go (a room, or a link for an online class)',
              },
              { path: 'capacity', message: 'At most 6 visitors at once, so the room stays a classroom' },
            ]),
          }
        : { body: mine },
    );
    render(<DoorForm token="t" zone={ZONE} strategyId="s3" />);
    const select = (await screen.findByLabelText('Strategy')) as HTMLSelectElement;
    expect(calls[0]!.url.searchParams.get('status')).toBe('mine');
    // Only strategies on the menu can get an open door; the one in the route is chosen.
    expect([...select.options].map((o) => o.value)).toEqual(['', 's1', 's3']);
    expect(select.value).toBe('s3');
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe(ZONE);
    expect((screen.getByLabelText('Length (minutes)') as HTMLInputElement).value).toBe('10');
    expect((screen.getByLabelText('Seats') as HTMLInputElement).value).toBe('4');

    fill('Strategy', 's1');
    fill('Date', '2026-03-10');
    fill('Start time', '09:15');
    fill('Length (minutes)', '15');
    fill('Room or link', ' ');
    fill('Seats', '7');
    fill('Repeat weekly for (weeks)', '3');
    fill('Time zone', 'America/Chicago');
    fill('Note for visitors (optional)', 'Come in quietly.');
    fill('“Look for” prompt (optional)', 'Notice who speaks first');
    fireEvent.click(screen.getByRole('button', { name: 'Open my door' }));

    await screen.findByRole('alert');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      strategyId: 's1',
      date: '2026-03-10',
      start: '09:15',
      minutes: 15,
      timeZone: 'America/Chicago',
      location: ' ',
      capacity: 7,
      visitorNote: 'Come in quietly.',
      lookFor: 'Notice who speaks first',
      repeatWeeks: 3,
    });
    const seats = screen.getByLabelText('Seats') as HTMLInputElement;
    expect(seats.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(seats.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent,
    ).toBe('At most 6 visitors at once, so the room stays a classroom');
    expect(screen.getByText(/Say where visitors should go/).id).toBe('location-error');
    expect(seats.value).toBe('7');
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe('2026-03-10');
    expect((screen.getByLabelText('“Look for” prompt (optional)') as HTMLInputElement).value).toBe(
      'Notice who speaks first',
    );
  });

  it('when the door is opened, then it goes to the week of the first door with a status message', async () => {
    stubApi((c) =>
      c.method === 'POST'
        ? {
            status: 201,
            body: {
              items: [
                door({ id: 'd1', startsAt: '2026-03-10T13:15:00.000Z', endsAt: '2026-03-10T13:25:00.000Z' }),
                door({ id: 'd2', startsAt: '2026-03-17T13:15:00.000Z', endsAt: '2026-03-17T13:25:00.000Z' }),
              ],
              seriesId: 'x',
            },
          }
        : { body: mine },
    );
    render(<DoorForm token="t" zone={ZONE} strategyId="s1" />);
    await screen.findByLabelText('Strategy');
    fill('Date', '2026-03-10');
    fill('Start time', '09:15');
    fill('Room or link', 'Room 12');
    fireEvent.click(screen.getByRole('button', { name: 'Open my door' }));
    await waitFor(() => expect(window.location.hash).toBe('#/doors?week=2026-03-09'));
    expect(takeFlash()).toMatch(
      /^Your door is open on 2 dates for Turn and talk, weekly from Tuesday, March 10 at 9:15/,
    );
  });

  it('when the start happens twice (01:30 the night New York falls back), then the form asks which and sends the pick', async () => {
    const question =
      '1:30 AM on Sunday, November 1, 2026 happens twice in America/New_York: clocks go back from 2:00 AM to ' +
      '1:00 AM. Say which 1:30 AM you mean: the first (UTC-04:00) or the second, an hour later (UTC-05:00).';
    const calls = stubApi((c) => {
      if (c.method !== 'POST') return { body: mine };
      if (!(c.body as { occurrence?: string }).occurrence)
        return {
          status: 400,
          body: errorBody('VALIDATION_FAILED', question, [{ path: 'occurrence', message: question }]),
        };
      return {
        status: 201,
        body: {
          items: [door({ startsAt: '2026-11-01T06:30:00.000Z', endsAt: '2026-11-01T06:40:00.000Z' })],
          seriesId: null,
        },
      };
    });
    render(<DoorForm token="t" zone={ZONE} strategyId="s1" />);
    await screen.findByLabelText('Strategy');
    fill('Date', '2026-11-01');
    fill('Start time', '09:30');
    expect(screen.queryByRole('radio')).toBeNull();
    fill('Start time', '01:30');
    fill('Room or link', 'Room 12');

    const group = screen.getByRole('group', { name: /happens twice on Sunday, November 1/ });
    const first = within(group).getByLabelText(/EDT \(first\)/) as HTMLInputElement;
    const second = within(group).getByLabelText(/EST \(second\)/) as HTMLInputElement;
    expect([first.checked, second.checked]).toEqual([false, false]);
    await expectNoAxeViolations();

    // Nothing is picked for the host: the server asks, and its question shows in the choice.
    fireEvent.click(screen.getByRole('button', { name: 'Open my door' }));
    expect((await screen.findByText(question)).id).toBe('occurrence-error');
    expect(calls.filter((c) => c.method === 'POST')[0]!.body).not.toHaveProperty('occurrence');
    expect(group.getAttribute('aria-describedby')).toBe('occurrence-error');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations();

    fireEvent.click(second);
    fireEvent.click(screen.getByRole('button', { name: 'Open my door' }));
    await waitFor(() => expect(window.location.hash).toBe('#/doors?week=2026-10-26'));
    expect(calls.filter((c) => c.method === 'POST')[1]!.body).toMatchObject({
      date: '2026-11-01',
      start: '01:30',
      occurrence: 'later',
    });
    // 20 s: with its two axe runs over the whole form this test took 5.6–7.4 s on a loaded shared 2-core machine.
  }, 20_000);

  it('when the server says the start does not exist (spring forward), then its sentence is next to the start time', async () => {
    const gap =
      '2:30 AM on Sunday, March 8, 2026 does not exist in America/New_York: clocks go from 2:00 AM to 3:00 AM. ' +
      'Choose a time before 2:00 AM or from 3:00 AM.';
    stubApi((c) =>
      c.method === 'POST'
        ? { status: 400, body: errorBody('VALIDATION_FAILED', gap, [{ path: 'start', message: gap }]) }
        : { body: mine },
    );
    render(<DoorForm token="t" zone={ZONE} strategyId="s1" />);
    await screen.findByLabelText('Strategy');
    fill('Date', '2026-03-08');
    fill('Start time', '02:30');
    fireEvent.click(screen.getByRole('button', { name: 'Open my door' }));
    expect((await screen.findByText(gap)).id).toBe('start-error');
    const start = screen.getByLabelText('Start time') as HTMLInputElement;
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(start.getAttribute('aria-describedby')).toBe('start-error');
    expect(start.value).toBe('02:30');
    expect(screen.queryByRole('radio')).toBeNull();
  });
});

describe('open doors on a strategy page', () => {
  it('when a contributor opens their approved strategy, then the next 8 weeks of its doors are listed with a link to open theirs', async () => {
    const realNow = Date.now();
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/doors')
        return {
          body: {
            items: [
              door({
                startsAt: new Date(realNow + 86_400_000).toISOString(),
                endsAt: new Date(realNow + 86_400_000 + 600_000).toISOString(),
              }),
            ],
            nextCursor: null,
          },
        };
      return {
        body: {
          ...strategy('s1', 'Turn and talk', 'approved'),
          myTry: null,
          trying: null,
          editedByCoach: null,
        },
      };
    });
    render(<StrategyView token="t" id="s1" isCoach={false} personId="p1" />);
    const section = await screen.findByRole('region', { name: 'Open doors' });
    expect(
      within(section).getByRole('link', { name: 'Open your door for this strategy' }).getAttribute('href'),
    ).toBe('#/doors/new/s1');
    await within(section).findByRole('button', { name: 'Book a seat' });
    const q = doorCalls(calls)[0]!.url.searchParams;
    expect(q.get('strategyId')).toBe('s1');
    const weeks = (Date.parse(q.get('to')!) - Date.parse(q.get('from')!)) / (7 * 86_400_000);
    expect(weeks).toBe(8);
  });
});
