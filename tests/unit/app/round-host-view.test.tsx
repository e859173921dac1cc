import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../lti-server/app/src/App';
import { DoorItem } from '../../../lti-server/app/src/components/door-item';
import { takeFlash } from '../../../lti-server/app/src/flash';
import { RoundHostView } from '../../../lti-server/app/src/views/round-host-view';
import { RoundDetail } from '../../../lti-server/app/src/views/rounds-view';
import type { Me } from '../../../shared/api';
import { setLanguage } from '../../../shared/i18n';
import type { FinishedRoundPictures } from '../../../shared/round-pictures';
import { expectNoAxeViolations } from './axe';
import { door, errorBody, hosting, PEOPLE, round, stubApi } from './fake-api';

const ZONE = 'America/New_York';

beforeEach(() => {
  window.location.hash = '';
  takeFlash();
});
afterEach(() => vi.unstubAllGlobals());

describe('a host’s room in a round', () => {
  it('when the host picks a look-for and adds their own, then the choice is sent and what visitors read is said', async () => {
    const saved = hosting({
      choice: { picked: ['Who asks the questions?'], own: 'What do students write first?' },
      lookFor: 'Who asks the questions? · What do students write first?',
    });
    const calls = stubApi((c) => (c.method === 'PUT' ? { body: saved } : { body: hosting() }));
    render(<RoundHostView token="t" roundId="r1" zone={ZONE} />);
    await screen.findByRole('heading', { level: 1, name: 'Your room in “Thursday discussion round”' });
    expect(screen.getByText('How do students build on each other’s ideas?')).toBeTruthy();
    await expectNoAxeViolations();

    const group = screen.getByRole('group', { name: 'Choose from the round’s look-fors (up to 3)' });
    fireEvent.click(within(group).getByLabelText('Who asks the questions?'));
    fireEvent.input(screen.getByLabelText('And/or add your own'), {
      target: { value: 'What do students write first?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save what visitors look for' }));

    const status = await screen.findByRole('status');
    expect(status.textContent).toBe(
      'Saved. Your visitors will read: Who asks the questions? · What do students write first?',
    );
    await waitFor(() => expect(document.activeElement).toBe(status));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url.pathname).toBe('/api/rounds/r1/host/look-for');
    expect(put.body).toEqual({ picked: ['Who asks the questions?'], own: 'What do students write first?' });
    expect(screen.getByTestId('current-look-for').textContent).toBe(
      'Who asks the questions? · What do students write first?',
    );
  });

  it('when the server refuses the look-for, then its reasons are read out and nothing is shown as saved', async () => {
    stubApi((c) =>
      c.method === 'PUT'
        ? {
            status: 422,
            body: errorBody('NOTE_FLAGGED', 'A look-for never names people: remove the names, then save.', [
              { path: 'text', message: '“Maria”: a name' },
            ]),
          }
        : { body: hosting() },
    );
    render(<RoundHostView token="t" roundId="r1" zone={ZONE} />);
    fireEvent.input(await screen.findByLabelText('And/or add your own'), {
      target: { value: 'Watch how Maria answers' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save what visitors look for' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('never names people');
    expect(alert.textContent).toContain('“Maria”: a name');
    expect(screen.getByTestId('current-look-for').textContent).toContain('Who asks the questions?');
  });

  it('when the host declines a slot by keyboard, then focus goes to the reason, the slot shows as declined and the coach is said to be told', async () => {
    const declined = hosting({
      slots: [
        {
          ...hosting().slots[0]!,
          status: 'declined',
          declineReason: 'Our class has a test',
          canDecline: false,
        },
        hosting().slots[1]!,
      ],
    });
    const calls = stubApi((c) => (c.method === 'POST' ? { body: declined } : { body: hosting() }));
    render(<RoundHostView token="t" roundId="r1" zone={ZONE} />);
    const [first] = await screen.findAllByRole('button', { name: 'Decline…' });
    fireEvent.click(first!);
    const reason = screen.getByLabelText(
      'Why do you decline this slot? The coach who planned the round reads it.',
    );
    await waitFor(() => expect(document.activeElement).toBe(reason));
    // "Keep it" brings focus back to the button that opened the form.
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    const again = (await screen.findAllByRole('button', { name: 'Decline…' }))[0]!;
    await waitFor(() => expect(document.activeElement).toBe(again));

    fireEvent.click(again);
    fireEvent.input(
      screen.getByLabelText('Why do you decline this slot? The coach who planned the round reads it.'),
      { target: { value: 'Our class has a test' } },
    );
    await expectNoAxeViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Decline this slot' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toMatch(/You declined the slot at .*Dana Cruz has been told why/);
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: expect.objectContaining({ pathname: '/api/doors/d1/decline' }),
      body: { reason: 'Our class has a test' },
    });
    expect(screen.getByText(/You declined this slot:/).parentElement?.textContent).toContain(
      '“Our class has a test”',
    );
    expect(screen.getAllByRole('button', { name: 'Decline…' })).toHaveLength(1);
    await expectNoAxeViolations();
  });

  it('when the slots have started, then there is no form and no decline button', async () => {
    stubApi(() => ({
      body: hosting({
        canChoose: false,
        slots: hosting().slots.map((s) => ({ ...s, canDecline: false })),
      }),
    }));
    render(<RoundHostView token="t" roundId="r1" zone={ZONE} />);
    await screen.findByText('Your slots have started or were declined, so this can no longer change.');
    expect(screen.queryByRole('button', { name: 'Decline…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save what visitors look for' })).toBeNull();
  });

  it('when a host sees their round door, then it links to their room in the round instead of canceling it', () => {
    render(
      <DoorItem
        token="t"
        door={door({ roundId: 'r1', strategy: null, mine: true, visitors: [] })}
        zone={ZONE}
        now={new Date('2026-03-01T00:00:00.000Z')}
        onChanged={() => {}}
      />,
    );
    expect(screen.getByRole('link', { name: 'Your room in this round' }).getAttribute('href')).toBe(
      '#/rounds/r1/host',
    );
    expect(screen.queryByRole('button', { name: 'Cancel this door' })).toBeNull();
  });
});

describe('the coach re-plans a declined slot', () => {
  const declinedRound = round({
    status: 'published',
    slots: [
      {
        startsAt: '2030-03-12T13:00:00.000Z',
        endsAt: '2030-03-12T13:10:00.000Z',
        visits: [
          { hostId: 'p2', group: 0, visitorIds: ['p1'] },
          { hostId: 'p4', group: 1, visitorIds: ['p3'] },
        ],
      },
    ],
    declines: [
      {
        id: 'dec1',
        hostId: 'p2',
        startsAt: '2030-03-12T13:00:00.000Z',
        reason: 'Our class has a test',
        declinedAt: '2030-03-01T10:00:00.000Z',
        replanned: null,
      },
    ],
  });

  it('when a slot was declined, then the planner shows why and moves the group to the chosen colleague', async () => {
    const moved = round({
      ...declinedRound,
      declines: [
        {
          ...declinedRound.declines[0]!,
          replanned: { host: { id: 'p3', name: 'Chen Li' }, location: 'Library' },
        },
      ],
    });
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      if (c.method === 'POST') return { body: moved };
      return { body: declinedRound };
    });
    render(<RoundDetail token="t" id="r1" />);
    const section = await screen.findByRole('region', { name: 'Declined slots' });
    expect(section.textContent).toContain('Ben Okafor declined the slot');
    expect(section.textContent).toContain('“Our class has a test”');
    expect(screen.getByText('Declined')).toBeTruthy(); // in the rotation
    const form = within(section).getByRole('form', { name: /Re-plan Ben Okafor’s slot/ });
    const select = within(form).getByLabelText('Who hosts the group instead') as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(4)); // "Choose…" and 3 colleagues, not Ben
    expect([...select.options].map((o) => o.textContent)).not.toContain('Ben Okafor');
    await expectNoAxeViolations();
    fireEvent.click(within(form).getByRole('button', { name: 'Move the group there' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Choose who hosts the group instead.');
    fireEvent.change(select, { target: { value: 'p3' } });
    fireEvent.input(within(form).getByLabelText('Room or link (optional)'), { target: { value: 'Library' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Move the group there' }));
    const status = await screen.findByText(/Re-planned: the group visits Chen Li’s room \(Library\) instead/);
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: expect.objectContaining({ pathname: '/api/rounds/r1/declines/dec1/replan' }),
      body: { hostId: 'p3', location: 'Library' },
    });
    expect(screen.getByRole('region', { name: 'Declined slots' }).textContent).toContain(
      'The group now visits Chen Li’s room (Library).',
    );
  });
});

describe('the school picture for teachers', () => {
  const me: Me = {
    person: { id: 'p1', name: 'Ana Rivera', role: 'teacher' },
    network: { id: 'n1', title: 'Grade 7 Science', scope: 'course' },
    platform: { name: 'Sandbox LMS', issuer: 'http://localhost/sandbox' },
    session: { expiresAt: '2030-01-01T00:00:00.000Z' },
  };
  const pictures: FinishedRoundPictures = {
    minVisits: 3,
    minHosts: 3,
    items: [
      {
        id: 'r1',
        title: 'Thursday discussion round',
        date: '2026-03-12',
        focus: { kind: 'tag', value: 'discussion' },
        patterns: [{ name: 'Students build on each other', cards: 2 }],
        prediction: 'Students here would add to a classmate’s idea.',
        nextLevel: 'Model “I’d like to add…”.',
        evidence: [
          { theme: 'student-talk', label: 'Students explain, discuss or argue out loud', share: 'most' },
        ],
      },
      {
        id: 'r2',
        title: 'Small round',
        date: '2026-03-19',
        focus: { kind: 'tag', value: 'feedback' },
        patterns: [],
        prediction: null,
        nextLevel: null,
        evidence: null,
      },
    ],
  };

  it('when a teacher opens the school picture, then finished rounds show in words, held-back evidence says so, and their notice can be dismissed', async () => {
    window.location.hash = '#/picture';
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/picture/rounds') return { body: pictures };
      if (c.url.pathname === '/api/host-notices')
        return {
          body: {
            items: [
              {
                id: 'hn1',
                kind: 'picture_fed',
                round: { id: 'r1', title: 'Thursday discussion round' },
                createdAt: '2026-03-13T10:00:00.000Z',
              },
            ],
          },
        };
      if (c.url.pathname === '/api/host-notices/hn1/seen') return { status: 204 };
      return { body: { items: [], nextCursor: null } };
    });
    render(<App token="t" load={async () => ({ ok: true, data: me })} />);
    const nav = await screen.findByRole('navigation');
    expect(within(nav).getByRole('link', { name: 'School picture' }).getAttribute('href')).toBe('#/picture');
    await screen.findByRole('heading', { level: 2, name: 'Thursday discussion round' });
    expect(
      screen.getByRole('table', { name: 'Patterns of evidence in Thursday discussion round' }).textContent,
    ).toContain('most');
    expect(
      screen.getByText('Too few visits or classrooms in this round to show patterns of evidence.'),
    ).toBeTruthy();
    const notice = await screen.findByRole('region', { name: 'Your room in the school picture' });
    expect(notice.textContent).toContain(
      'Visits to your room fed the school picture of round “Thursday discussion round”.',
    );
    expect(calls.some((c) => c.url.pathname === '/api/picture')).toBe(false); // never the coaches' picture
    await expectNoAxeViolations();
    fireEvent.click(within(notice).getByRole('button', { name: /Dismiss/ }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Your room in the school picture' })).toBeNull(),
    );
    expect(calls.find((c) => c.method === 'POST')?.url.pathname).toBe('/api/host-notices/hn1/seen');
    window.location.hash = '';
  });
});

describe('a host’s room in a round, in Spanish', () => {
  beforeEach(() => setLanguage(['es-419']));
  afterEach(() => setLanguage(['en-US']));

  it('when the host reads in Spanish, then the look-for choice, the slots and declining are in Spanish and axe finds nothing', async () => {
    stubApi(() => ({ body: hosting() }));
    render(<RoundHostView token="t" roundId="r1" zone={ZONE} />);
    await screen.findByRole('heading', { level: 1, name: 'Tu aula en «Thursday discussion round»' });
    expect(screen.getByText('Problema de práctica')).toBeTruthy();
    expect(
      screen.getByRole('group', {
        name: 'Elige entre las indicaciones «en qué fijarse» de la ronda (hasta 3)',
      }),
    ).toBeTruthy();
    expect(screen.getByLabelText('Y/o añade la tuya')).toBeTruthy();
    const slots = screen.getByRole('region', { name: 'Tus turnos' });
    expect(within(slots).getAllByText('4 visitantes')).toHaveLength(2);
    expect(within(slots).getAllByRole('heading', { level: 3 })[0]!.textContent).toMatch(
      /^martes, 12 de marzo, 9:00/,
    );
    await expectNoAxeViolations();
    fireEvent.click(within(slots).getAllByRole('button', { name: 'Rechazar…' })[0]!);
    expect(
      screen.getByLabelText('¿Por qué rechazas este turno? Lo lee el coach que planificó la ronda.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rechazar este turno' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mantenerlo' })).toBeTruthy();
  });
});
