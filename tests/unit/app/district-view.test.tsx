import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { href, parseRoute, section } from '../../../lti-server/app/src/router';
import { CrossRoundView, DistrictsView, DistrictView } from '../../../lti-server/app/src/views/district-view';
import type { CrossRound, DistrictPage } from '../../../shared/districts';
import { expectNoAxeViolations } from './axe';
import { errorBody, stubApi } from './fake-api';

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => vi.unstubAllGlobals());

const page = (over: Partial<DistrictPage> = {}): DistrictPage => ({
  id: 'dist1',
  name: 'North Valley District',
  schools: [
    { id: 't1', name: 'Maple Grove Middle', status: 'member' },
    { id: 't2', name: 'Cedar Hill Middle', status: 'member' },
    { id: 't3', name: 'Oak Park Middle', status: 'invited' },
  ],
  crossedVisits: 3,
  connections: [
    { hostId: 't1', host: 'Maple Grove Middle', visitorId: 't2', visitor: 'Cedar Hill Middle', visits: 2 },
    { hostId: 't2', host: 'Cedar Hill Middle', visitorId: 't1', visitor: 'Maple Grove Middle', visits: 1 },
  ],
  patterns: ['Students explain, discuss or argue out loud'],
  rounds: [
    {
      roundId: 'r1',
      title: 'Building on ideas',
      problem: 'How do students build on each other’s ideas?',
      hostSchool: 'Maple Grove Middle',
      date: '2026-12-14',
      mine: false,
      seated: false,
    },
  ],
  ...over,
});

const cross = (over: Partial<CrossRound> = {}): CrossRound => ({
  roundId: 'r1',
  title: 'Building on ideas',
  problem: 'How do students build on each other’s ideas?',
  hostSchool: 'Maple Grove Middle',
  lookFor: 'Who asks the questions?',
  briefing: {
    why: 'Our students rarely answer each other.',
    lookFors: 'Who asks the questions?',
    norms: ['Describe what you see and hear.'],
    updatedAt: '2026-12-01T10:00:00.000Z',
    acknowledgedAt: null,
    current: false,
  },
  doors: [
    {
      id: 'd1',
      startsAt: '2026-12-14T09:00:00.000Z',
      endsAt: '2026-12-14T09:15:00.000Z',
      location: 'Room 101',
      visitId: null,
    },
  ],
  notes: [],
  ...over,
});

describe('district network', () => {
  it('when a district address is read, then it is the same route written back, under District network', () => {
    for (const route of [
      { name: 'districts' },
      { name: 'district', id: 'd 1' },
      { name: 'district-round', id: 'd1', roundId: 'r/1' },
    ] as const) {
      expect(parseRoute(href(route))).toEqual(route);
      expect(section(route)).toBe('districts');
    }
  });

  it('when the district page loads, then the map of schools speaks every connection, the table says the same, and axe finds nothing', async () => {
    stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1') return { body: page() };
      if (c.url.pathname === '/api/rounds') return { body: { items: [] } };
      return undefined;
    });
    render(<DistrictView token="t" id="dist1" />);
    const map = await screen.findByRole('img', { name: /Connection map of 3 schools/ });
    expect(map.getAttribute('aria-label')).toBe(
      'Connection map of 3 schools: Cedar Hill Middle visited Maple Grove Middle 2 times; Maple Grove Middle visited Cedar Hill Middle once.',
    );
    const table = screen.getByRole('table', { name: 'Visits across schools, as a table' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByTestId('crossed').textContent).toBe('3 visits have crossed schools.');
    expect(screen.getByText('Students explain, discuss or argue out loud')).toBeTruthy();
    expect(screen.getByText(/Oak Park Middle \(invited\)/)).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('when two schools share a name, then the map draws a dot for each and the line joins the two; axe finds nothing', async () => {
    // The server gives every school its own label ("Sandbox LMS (2)"); the map keys by id even when labels repeat.
    const duplicate = page({
      schools: [
        { id: 't1', name: 'Sandbox LMS', status: 'member' },
        { id: 't2', name: 'Sandbox LMS', status: 'member' },
      ],
      crossedVisits: 1,
      connections: [
        { hostId: 't1', host: 'Sandbox LMS', visitorId: 't2', visitor: 'Sandbox LMS', visits: 1 },
      ],
      patterns: [],
      rounds: [],
    });
    stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1') return { body: duplicate };
      if (c.url.pathname === '/api/rounds') return { body: { items: [] } };
      return undefined;
    });
    render(<DistrictView token="t" id="dist1" />);
    const map = await screen.findByRole('img', { name: /Connection map of 2 schools/ });
    const dots = [...map.querySelectorAll('g[data-school]')];
    expect(dots.map((g) => g.getAttribute('data-school'))).toEqual(['t1', 't2']);
    const [a, b] = dots.map((g) => g.querySelector('circle')!);
    const line = map.querySelector('line')!;
    // The visitor's dot to the host's dot: two different points, not one dot joined to itself.
    expect([line.getAttribute('x1'), line.getAttribute('y1')]).toEqual([
      b!.getAttribute('cx'),
      b!.getAttribute('cy'),
    ]);
    expect([line.getAttribute('x2'), line.getAttribute('y2')]).toEqual([
      a!.getAttribute('cx'),
      a!.getAttribute('cy'),
    ]);
    expect(a!.getAttribute('cy')).not.toBe(b!.getAttribute('cy'));
    await expectNoAxeViolations();
  });

  it('when a coach takes a seat with the keyboard, then the seat is taken and the round opens', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1') return { body: page() };
      if (c.url.pathname === '/api/rounds') return { body: { items: [] } };
      if (c.url.pathname === '/api/districts/dist1/rounds/r1/seat') return { body: cross() };
      return undefined;
    });
    render(<DistrictView token="t" id="dist1" />);
    const seat = await screen.findByRole('button', { name: 'Take a seat in Building on ideas' });
    seat.focus();
    expect(document.activeElement).toBe(seat);
    // A native button: Enter and Space activate it as a click.
    fireEvent.click(seat);
    await waitFor(() => expect(window.location.hash).toBe('#/districts/dist1/rounds/r1'));
    expect(calls.some((c) => c.method === 'POST' && c.url.pathname.endsWith('/seat'))).toBe(true);
  });

  it('when an invitation code is wrong, then the field says why and keeps focus reachable; axe finds nothing', async () => {
    stubApi((c) => {
      if (c.url.pathname === '/api/districts' && c.method === 'GET')
        return { body: { items: [{ id: 'dist9', name: 'River District', status: 'invited' }] } };
      if (c.url.pathname === '/api/districts/join')
        return { status: 404, body: errorBody('NOT_FOUND', 'Invitation code was not found.') };
      return undefined;
    });
    render(<DistrictsView token="t" />);
    expect(await screen.findByRole('button', { name: 'Accept for your school' })).toBeTruthy();
    const code = screen.getByLabelText('Invitation code');
    fireEvent.input(code, { target: { value: 'wrong-code' } });
    fireEvent.submit(code.closest('form')!);
    await screen.findByText('Invitation code was not found.');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations();
  });

  it('when a seated visitor books a room and writes a note, then the note shows among their own', async () => {
    let current = cross();
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1/rounds/r1') return { body: current };
      if (c.url.pathname.endsWith('/visits')) {
        current = cross({ doors: [{ ...cross().doors[0]!, visitId: 'v1' }] });
        return { body: current };
      }
      if (c.url.pathname.endsWith('/notes')) {
        current = cross({
          doors: [{ ...cross().doors[0]!, visitId: 'v1' }],
          notes: [
            {
              id: 'n1',
              visitId: 'v1',
              prompt: 'students',
              text: 'Students explained a step to a partner.',
              createdAt: '2026-12-14T09:10:00.000Z',
            },
          ],
        });
        return { status: 201, body: current };
      }
      return undefined;
    });
    render(<CrossRoundView token="t" id="dist1" roundId="r1" />);
    const visit = await screen.findByRole('button', { name: /^Visit Room 101 at/ });
    fireEvent.click(visit);
    const text = await screen.findByLabelText('What you saw or heard');
    await expectNoAxeViolations();
    fireEvent.input(text, { target: { value: 'Students explained a step to a partner.' } });
    fireEvent.submit(text.closest('form')!);
    await screen.findByText('Students explained a step to a partner.', { selector: 'li' });
    expect(calls.find((c) => c.url.pathname.endsWith('/notes'))?.body).toEqual({
      visitId: 'v1',
      prompt: 'students',
      text: 'Students explained a step to a partner.',
      confirmFlags: false,
    });
    await expectNoAxeViolations();
  });
});
