import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { href, parseRoute, section } from '../../../lti-server/app/src/router';
import { CrossRoundView, DistrictsView, DistrictView } from '../../../lti-server/app/src/views/district-view';
import type { CrossDialogue, CrossRound, DistrictPage } from '../../../shared/districts';
import { setLanguage } from '../../../shared/i18n';
import { expectNoAxeViolations } from './axe';
import { errorBody, stubApi } from './fake-api';

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
  setLanguage(['en-US']);
});

const inDays = (days: number, minutes = 0) =>
  new Date(Date.now() + days * 86_400_000 + minutes * 60_000).toISOString();

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
    fireEvent.click(screen.getByRole('button', { name: 'Save the note' }));
    await screen.findByText('Students explained a step to a partner.', { selector: 'li' });
    expect(calls.find((c) => c.url.pathname.endsWith('/notes'))?.body).toEqual({
      visitId: 'v1',
      prompt: 'students',
      text: 'Students explained a step to a partner.',
      confirmFlags: false,
    });
    await expectNoAxeViolations();
  });

  it('when the server refuses a Spanish seat note for a name, then it says so and offers no “Save anyway”; axe finds nothing', async () => {
    setLanguage(['es-419']);
    const booked = { ...cross().doors[0]!, visitId: 'v1' };
    // The visitor sees no names of the host school: the server finds a staff member's surname the linter here cannot.
    const text = 'Cada estudiante escribió su nombre junto a Soto en la lista.';
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1/rounds/r1') return { body: cross({ doors: [booked] }) };
      if (c.url.pathname.endsWith('/notes'))
        return {
          status: 422,
          body: errorBody(
            'NOTE_FLAGGED',
            'Las notas nunca nombran a personas: quita los nombres y luego guarda.',
            [
              {
                path: 'text',
                message:
                  '«Soto»: «Soto» es un nombre. Las notas nunca nombran a nadie: escribe «el docente» o «un estudiante».',
              },
            ],
          ),
        };
      return undefined;
    });
    render(<CrossRoundView token="t" id="dist1" roundId="r1" />);
    const box = await screen.findByLabelText('Lo que viste o escuchaste');
    fireEvent.input(box, { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar la nota' }));
    await screen.findByText(/Las notas nunca nombran a personas: quita los nombres y luego guarda\./);
    // Names are never saved: the note keeps its plain Save, and nothing offers to save it as it is.
    expect(screen.queryByRole('button', { name: /todos modos|tal como está/ })).toBeNull();
    const alert = screen.getByRole('alert');
    expect(
      within(alert).getByText('Las notas nunca nombran a personas: quita los nombres y luego guarda.'),
    ).toBeTruthy();
    expect(within(alert).getByText(/^«Soto»: «Soto» es un nombre\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Guardar la nota' }));
    await waitFor(() => expect(calls.filter((c) => c.url.pathname.endsWith('/notes'))).toHaveLength(2));
    expect(
      calls
        .filter((c) => c.url.pathname.endsWith('/notes'))
        .map((c) => (c.body as { confirmFlags: boolean }).confirmFlags),
    ).toEqual([false, false]);
    await expectNoAxeViolations();
  });

  it('when a seat note reads as a judgment, then the linter says why before sending, and “Save anyway” sends it confirmed', async () => {
    const booked = { ...cross().doors[0]!, visitId: 'v1' };
    const text = 'Great engagement from everyone!';
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1/rounds/r1') return { body: cross({ doors: [booked] }) };
      if (c.url.pathname.endsWith('/notes')) {
        if (!(c.body as { confirmFlags: boolean }).confirmFlags)
          return {
            status: 422,
            body: errorBody(
              'NOTE_FLAGGED',
              'This note reads as a judgment or a guess. Rephrase it as what you saw or heard, or confirm to save it as it is.',
            ),
          };
        return {
          status: 201,
          body: cross({
            doors: [booked],
            notes: [
              { id: 'n1', visitId: 'v1', prompt: 'teacher', text, createdAt: '2026-12-14T09:10:00.000Z' },
            ],
          }),
        };
      }
      return undefined;
    });
    render(<CrossRoundView token="t" id="dist1" roundId="r1" />);
    fireEvent.change(await screen.findByLabelText('Prompt'), { target: { value: 'teacher' } });
    fireEvent.input(screen.getByLabelText('What you saw or heard'), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the note' }));
    const anyway = await screen.findByRole('button', { name: 'Save anyway' });
    // The linter's reasons come first, and nothing is sent until the writer confirms.
    expect(screen.getByText(/^This note reads as a judgment or a guess \(2 flagged above\)/)).toBeTruthy();
    expect(calls.some((c) => c.url.pathname.endsWith('/notes'))).toBe(false);
    await expectNoAxeViolations();
    fireEvent.click(anyway);
    await screen.findByText(text, { selector: 'li' });
    expect(calls.filter((c) => c.url.pathname.endsWith('/notes')).map((c) => c.body)).toEqual([
      { visitId: 'v1', prompt: 'teacher', text, confirmFlags: true },
    ]);
    expect((screen.getByLabelText('What you saw or heard') as HTMLTextAreaElement).value).toBe('');
  });

  it('when a seated visitor reads the host round’s briefing and acknowledges it, then it says so; axe finds nothing', async () => {
    let current = cross();
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1/rounds/r1') return { body: current };
      if (c.url.pathname.endsWith('/briefing/ack')) {
        current = cross({
          briefing: { ...cross().briefing, acknowledgedAt: '2026-12-02T10:00:00.000Z', current: true },
        });
        return { body: current };
      }
      return undefined;
    });
    render(<CrossRoundView token="t" id="dist1" roundId="r1" />);
    const briefing = await screen.findByRole('region', { name: 'Round briefing' });
    expect(within(briefing).getByText('Our students rarely answer each other.')).toBeTruthy();
    expect(within(briefing).getByText('Describe what you see and hear.')).toBeTruthy();
    expect(screen.getByTestId('briefing-state').textContent).toBe('Please read it before the round.');
    await expectNoAxeViolations();
    fireEvent.click(within(briefing).getByRole('button', { name: 'I have read the briefing' }));
    await waitFor(() =>
      expect(screen.getByTestId('briefing-state').textContent).toBe('You have read the briefing.'),
    );
    expect(within(briefing).queryByRole('button', { name: 'I have read the briefing' })).toBeNull();
    expect(calls.some((c) => c.method === 'POST' && c.url.pathname.endsWith('/briefing/ack'))).toBe(true);
  });

  it('when a seated visitor cancels a booked visit, then the reason is required and sent, and the room can be booked again', async () => {
    const booked = {
      id: 'd1',
      startsAt: inDays(3),
      endsAt: inDays(3, 15),
      location: 'Room 101',
      visitId: 'v1',
    };
    let current = cross({ doors: [booked] });
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1/rounds/r1') return { body: current };
      if (c.url.pathname === '/api/districts/dist1/rounds/r1/visits/v1/cancel') {
        current = cross({ doors: [{ ...booked, visitId: null }] });
        return { body: current };
      }
      return undefined;
    });
    render(<CrossRoundView token="t" id="dist1" roundId="r1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel this visit' }));
    const reason = await screen.findByLabelText('Why are you canceling?');
    expect(
      screen.getByText(
        /^Cancel your visit to Room 101 at .*The coach who planned the round reads your reason\.$/,
      ),
    ).toBeTruthy();
    await expectNoAxeViolations();
    fireEvent.submit(reason.closest('form')!);
    await screen.findByText('Say briefly why, for the coach who planned the round.');
    expect(calls.some((c) => c.url.pathname.endsWith('/cancel'))).toBe(false);
    fireEvent.input(reason, { target: { value: 'Our own school has a fire drill then' } });
    fireEvent.submit(reason.closest('form')!);
    await screen.findByText('Your visit is canceled. The coach who planned the round sees your reason.');
    expect(calls.find((c) => c.url.pathname.endsWith('/cancel'))?.body).toEqual({
      reason: 'Our own school has a fire drill then',
    });
    expect(await screen.findByRole('button', { name: /^Visit Room 101 at/ })).toBeTruthy();
  });

  it('when a visit has ended, then the visitor reads and writes the reflective dialogue, by role and never by name; axe finds nothing', async () => {
    const ended = {
      id: 'd1',
      startsAt: inDays(-1),
      endsAt: inDays(-1, 15),
      location: 'Room 101',
      visitId: 'v1',
    };
    const thread = (over: Partial<CrossDialogue> = {}): CrossDialogue => ({
      doorId: 'd1',
      location: 'Room 101',
      startsAt: ended.startsAt,
      endsAt: ended.endsAt,
      open: true,
      canWrite: ['wondering'],
      entries: [
        {
          id: 'e1',
          part: 'noticed',
          text: 'Students asked how they knew.',
          by: 'me',
          createdAt: ended.endsAt,
        },
        { id: 'e2', part: 'reply', text: 'We practiced that all week.', by: 'host', createdAt: ended.endsAt },
      ],
      expiresOn: '2027-06-30',
      ...over,
    });
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1/rounds/r1') return { body: cross({ doors: [ended] }) };
      if (c.url.pathname === '/api/districts/dist1/rounds/r1/dialogue/d1')
        return c.method === 'GET'
          ? { body: thread() }
          : {
              status: 201,
              body: thread({
                canWrite: [],
                entries: [
                  ...thread().entries,
                  {
                    id: 'e3',
                    part: 'wondering',
                    text: 'How do they start the week?',
                    by: 'me',
                    createdAt: ended.endsAt,
                  },
                ],
              }),
            };
      return undefined;
    });
    render(<CrossRoundView token="t" id="dist1" roundId="r1" />);
    const dialogue = await screen.findByRole('region', { name: 'Reflective dialogue' });
    await within(dialogue).findByText('What I noticed · you');
    expect(within(dialogue).getByText('My reply · the host')).toBeTruthy();
    // An ended visit cannot be canceled any more.
    expect(screen.queryByRole('button', { name: 'Cancel this visit' })).toBeNull();
    await expectNoAxeViolations();
    const box = within(dialogue).getByLabelText('What I’m wondering');
    fireEvent.input(box, { target: { value: 'How do they start the week?' } });
    fireEvent.click(within(dialogue).getByRole('button', { name: 'Save “What I’m wondering”' }));
    await within(dialogue).findByText('How do they start the week?', { selector: 'p' });
    const sent = calls.find((c) => c.method === 'POST' && c.url.pathname.endsWith('/dialogue/d1'));
    expect(sent?.body).toMatchObject({ part: 'wondering', text: 'How do they start the week?' });
  });

  it('when a coach leaves the district with the keyboard, then it asks first, and then says the school left', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1') return { body: page() };
      if (c.url.pathname === '/api/rounds') return { body: { items: [] } };
      if (c.url.pathname === '/api/districts/dist1/leave') return { body: { canceledVisits: 1 } };
      return undefined;
    });
    render(<DistrictView token="t" id="dist1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Leave this district network' }));
    expect(calls.some((c) => c.url.pathname.endsWith('/leave'))).toBe(false);
    expect(screen.getByText(/^Take your school out of North Valley District\?/)).toBeTruthy();
    await expectNoAxeViolations();
    const yes = screen.getByRole('button', { name: 'Yes, leave the district network' });
    await waitFor(() => expect(document.activeElement).toBe(yes));
    fireEvent.click(yes);
    await screen.findByText(/^Your school left North Valley District\./);
    expect(calls.filter((c) => c.method === 'POST' && c.url.pathname.endsWith('/leave'))).toHaveLength(1);
    await expectNoAxeViolations();
  });

  it('when the interface is in Spanish, then the district page and a seat speak Spanish; axe finds nothing', async () => {
    setLanguage(['es-419']);
    stubApi((c) => {
      if (c.url.pathname === '/api/districts/dist1') return { body: page() };
      if (c.url.pathname === '/api/rounds') return { body: { items: [] } };
      if (c.url.pathname === '/api/districts/dist1/rounds/r1') return { body: cross() };
      return undefined;
    });
    const { unmount } = render(<DistrictView token="t" id="dist1" />);
    await screen.findByRole('heading', { name: 'Visitas entre escuelas' });
    expect(screen.getByTestId('crossed').textContent).toBe('3 visitas se hicieron entre escuelas.');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Mapa de conexiones de 3 escuelas: Cedar Hill Middle visitó Maple Grove Middle 2 veces; Maple Grove Middle visitó Cedar Hill Middle una vez.',
    );
    expect(screen.getByRole('button', { name: 'Tomar un lugar en Building on ideas' })).toBeTruthy();
    expect(screen.getByText('Oak Park Middle (invitada)')).toBeTruthy();
    await expectNoAxeViolations();
    unmount();
    render(<CrossRoundView token="t" id="dist1" roundId="r1" />);
    await screen.findByRole('heading', { level: 1, name: 'Building on ideas en Maple Grove Middle' });
    expect(screen.getByRole('button', { name: 'Leí la guía' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Visitar Room 101 a las/ })).toBeTruthy();
    await expectNoAxeViolations();
  });
});
