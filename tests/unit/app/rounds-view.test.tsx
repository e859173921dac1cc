import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../lti-server/app/src/App';
import { takeFlash } from '../../../lti-server/app/src/flash';
import { RoundForm } from '../../../lti-server/app/src/views/round-form';
import { RoundDetail, RoundsList } from '../../../lti-server/app/src/views/rounds-view';
import type { Me } from '../../../shared/api';
import { setLanguage } from '../../../shared/i18n';
import type { RoundNotice } from '../../../shared/rounds';
import { expectNoAxeViolations } from './axe';
import { errorBody, PEOPLE, round, stubApi } from './fake-api';

const ZONE = 'America/New_York';

beforeEach(() => {
  window.location.hash = '';
  takeFlash();
});
afterEach(() => vi.unstubAllGlobals());

const fill = (label: string, value: string) => {
  const el = screen.getByLabelText(label) as HTMLInputElement;
  if (el.tagName === 'SELECT') fireEvent.change(el, { target: { value } });
  else fireEvent.input(el, { target: { value } });
};

/** A notice for the round's coach: by default, Ana Rivera canceled her visit to Ben Okafor's room. */
const notice = (over: Partial<RoundNotice> = {}): RoundNotice => ({
  id: 'n1',
  kind: 'visit_cancelled',
  round: { id: 'r1', title: 'Thursday discussion round' },
  person: { id: 'p1', name: 'Ana Rivera' },
  host: { name: 'Ben Okafor' },
  decline: null,
  startsAt: '2026-03-12T13:00:00.000Z',
  reason: null,
  createdAt: '2026-03-10T13:00:00.000Z',
  ...over,
});

const me = (role: 'teacher' | 'coach'): Me => ({
  person: { id: 'p4', name: 'Dana Cruz', role },
  network: { id: 'n1', title: 'Grade 7 Science', scope: 'course' },
  platform: { name: 'Sandbox LMS', issuer: 'http://localhost/sandbox' },
  session: { expiresAt: '2030-01-01T00:00:00.000Z' },
});

describe('rounds in the navigation', () => {
  it('when a coach opens the app, then "Open doors", "My visits" and "Rounds" are in the navigation', async () => {
    stubApi(() => ({ body: { items: [], nextCursor: null } }));
    render(<App token="t" load={async () => ({ ok: true, data: me('coach') })} />);
    const nav = await screen.findByRole('navigation');
    expect(within(nav).getByRole('link', { name: 'Open doors' }).getAttribute('href')).toBe('#/doors');
    expect(within(nav).getByRole('link', { name: 'My visits' }).getAttribute('href')).toBe('#/visits');
    expect(within(nav).getByRole('link', { name: 'Rounds' }).getAttribute('href')).toBe('#/rounds');
  });

  it('when a teacher opens #/rounds, then there is no Rounds link and the page says coaches plan rounds', async () => {
    window.location.hash = '#/rounds';
    stubApi(() => ({ body: { items: [] } }));
    render(<App token="t" load={async () => ({ ok: true, data: me('teacher') })} />);
    await screen.findByRole('heading', { level: 1, name: 'Rounds are planned by coaches' });
    expect(screen.queryByRole('link', { name: 'Rounds' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Open doors' })).toBeTruthy();
  });
});

describe('the rounds list', () => {
  it('when there are rounds, then each shows its title, date and status as words', async () => {
    stubApi(() => ({
      body: { items: [round(), round({ id: 'r2', title: 'Exit tickets', status: 'published' })] },
    }));
    render(<RoundsList token="t" />);
    const items = within(await screen.findByRole('list')).getAllByRole('listitem');
    expect(
      within(items[0]!).getByRole('link', { name: 'Thursday discussion round' }).getAttribute('href'),
    ).toBe('#/rounds/r1');
    expect(items[0]!.textContent).toContain('Draft');
    expect(items[0]!.textContent).toMatch(/Thursday, March 12, 2026 at 9:00\sAM \(America\/New_York\)/);
    expect(items[1]!.textContent).toContain('Published');
  });
});

describe('the round planner form', () => {
  it('when the planner cannot make the round (422), then its sentences are listed in an alert and the form is kept', async () => {
    const problems = [
      'There are 2 hosts but 5 visitors: add a host or remove visitors so groups stay at 4–5.',
      'Ben Okafor is both a host and a visitor.',
    ];
    const calls = stubApi((c) =>
      c.method === 'POST'
        ? {
            status: 422,
            body: errorBody(
              'ROUND_UNPLANNABLE',
              'This round cannot be planned',
              problems.map((message) => ({ path: 'plan', message })),
            ),
          }
        : { body: { items: PEOPLE } },
    );
    render(<RoundForm token="t" zone={ZONE} />);
    await screen.findByLabelText('Title');
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe(ZONE);
    expect((screen.getByLabelText('Minutes per visit') as HTMLInputElement).value).toBe('10');
    expect((screen.getByLabelText('Minutes between visits') as HTMLInputElement).value).toBe('5');

    fill('Title', 'Thursday discussion round');
    fireEvent.click(screen.getByLabelText('A tag'));
    fill('Which tag', 'discussion');
    fill('Date', '2026-03-12');
    fill('Start time', '09:00');
    fireEvent.click(screen.getByLabelText('Select all'));
    const hosts = screen.getByRole('group', { name: 'Hosts (whose classrooms are visited)' });
    fireEvent.click(within(hosts).getByLabelText('Ben Okafor'));
    fill('Room or link for Ben Okafor', 'Room 12');
    fill('“Look for” prompt (optional)', 'Who gets to talk?');
    fireEvent.click(screen.getByRole('button', { name: 'Plan the round' }));

    const alert = await screen.findByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(problems);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      title: 'Thursday discussion round',
      focus: { kind: 'tag', value: 'discussion' },
      date: '2026-03-12',
      start: '09:00',
      timeZone: ZONE,
      slotMinutes: 10,
      gapMinutes: 5,
      participantIds: ['p1', 'p2', 'p3', 'p4'],
      hostIds: ['p2'],
      locations: { p2: 'Room 12' },
      lookFor: 'Who gets to talk?',
    });
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Thursday discussion round');
    expect((screen.getByLabelText('Room or link for Ben Okafor') as HTMLInputElement).value).toBe('Room 12');
    expect((screen.getByLabelText('Select all') as HTMLInputElement).checked).toBe(true);
    expect(window.location.hash).toBe('');
  });

  it('when a field is invalid (400), then the message is next to that field', async () => {
    stubApi((c) =>
      c.method === 'POST'
        ? {
            status: 400,
            body: errorBody('VALIDATION_FAILED', 'Round is not valid', [
              { path: 'participantIds', message: 'Choose at least one of the participants' },
            ]),
          }
        : { body: { items: PEOPLE } },
    );
    render(<RoundForm token="t" zone={ZONE} />);
    await screen.findByLabelText('Title');
    fireEvent.click(screen.getByRole('button', { name: 'Plan the round' }));
    const error = await screen.findByText('Choose at least one of the participants');
    expect(error.id).toBe('participants-error');
    expect(
      screen.getByRole('group', { name: 'Participants (who visits)' }).getAttribute('aria-describedby'),
    ).toBe('participants-error');
  });

  it('when the round is planned, then it opens the draft', async () => {
    stubApi((c) =>
      c.method === 'POST' ? { status: 201, body: round({ id: 'r9' }) } : { body: { items: PEOPLE } },
    );
    render(<RoundForm token="t" zone={ZONE} />);
    await screen.findByLabelText('Title');
    fireEvent.click(screen.getByRole('button', { name: 'Plan the round' }));
    await waitFor(() => expect(window.location.hash).toBe('#/rounds/r9'));
    expect(takeFlash()).toMatch(/^Draft planned/);
  });

  it('when the round starts at a time that happens twice, then the coach picks which and the pick is sent', async () => {
    const calls = stubApi((c) =>
      c.method === 'POST' ? { status: 201, body: round({ id: 'r9' }) } : { body: { items: PEOPLE } },
    );
    render(<RoundForm token="t" zone={ZONE} />);
    await screen.findByLabelText('Title');
    fill('Date', '2026-11-01');
    fill('Start time', '01:15');
    const group = screen.getByRole('group', { name: /happens twice on Sunday, November 1/ });
    fireEvent.click(within(group).getByLabelText(/EDT \(first\)/));
    fireEvent.click(screen.getByRole('button', { name: 'Plan the round' }));
    await waitFor(() => expect(window.location.hash).toBe('#/rounds/r9'));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      start: '01:15',
      occurrence: 'earlier',
    });
  });
});

describe('the round detail', () => {
  it('when it shows a draft, then the groups have names and the rotation reads "Group 2 → Ben Okafor’s room (Room 12)"', async () => {
    stubApi((c) => (c.url.pathname === '/api/people' ? { body: { items: PEOPLE } } : { body: round() }));
    render(<RoundDetail token="t" id="r1" />);
    const rotation = await screen.findByRole('region', { name: 'Rotation' });
    const firstSlot = within(rotation).getAllByRole('list')[0]!;
    expect(
      within(firstSlot)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Group 1 → Ben Okafor’s room (Room 12)Visitors: Ana Rivera',
      'Group 2 → Dana Cruz’s room (Lab 3)Visitors: Chen Li',
    ]);
    expect(within(rotation).getAllByRole('heading', { level: 3 })[0]!.textContent).toMatch(/^9:00.*–9:10/);
  });

  it('when the coach moves a person to another group, then the new groups are sent and shown', async () => {
    const moved = round({ groups: [['p3', 'p1']] });
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      if (c.method === 'PUT') return { body: moved };
      return { body: round() };
    });
    render(<RoundDetail token="t" id="r1" />);
    const groups = await screen.findByRole('region', { name: 'Groups' });
    const select = within(groups).getByLabelText('Move Ana Rivera to group…') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Group 1 (now)',
      'Group 2',
      'A new group',
    ]);
    fireEvent.change(select, { target: { value: '1' } });
    fireEvent.click(within(groups).getByRole('button', { name: 'Move Ana Rivera' }));

    await screen.findByText('Moved Ana Rivera to group 1. The rotation was made again.');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.url.pathname).toBe('/api/rounds/r1/groups');
    expect(put?.body).toEqual({ groups: [['p3', 'p1']] });
    expect(
      within(groups)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Group 1']);
  });

  it('when the move makes the round unplannable (422), then the planner’s sentences are shown and the groups stay', async () => {
    stubApi((c) => {
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      if (c.method === 'PUT')
        return {
          status: 422,
          body: errorBody('ROUND_UNPLANNABLE', 'No plan', [
            { path: 'plan', message: 'A group of 1 is too small.' },
          ]),
        };
      return { body: round() };
    });
    render(<RoundDetail token="t" id="r1" />);
    const groups = await screen.findByRole('region', { name: 'Groups' });
    fireEvent.change(within(groups).getByLabelText('Move Chen Li to group…'), { target: { value: 'new' } });
    fireEvent.click(within(groups).getByRole('button', { name: 'Move Chen Li' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A group of 1 is too small.');
    expect(within(groups).getAllByRole('heading', { level: 3 })).toHaveLength(2);
  });

  it('when the coach publishes after confirming, then the round becomes read-only and says where the visits are', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      if (c.method === 'POST') return { body: round({ status: 'published' }) };
      return { body: round() };
    });
    render(<RoundDetail token="t" id="r1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Publish this round' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, publish' }));
    await screen.findByText(/This round is published: the visits are in everyone’s “My visits”/);
    expect(calls.find((c) => c.method === 'POST')?.url.pathname).toBe('/api/rounds/r1/publish');
    expect(screen.queryByLabelText('Move Ana Rivera to group…')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete this draft' })).toBeNull();
  });

  it('when the coach deletes a draft after confirming, then it goes back to the list', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      if (c.method === 'DELETE') return { status: 204 };
      return { body: round() };
    });
    render(<RoundDetail token="t" id="r1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete this draft' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete the draft' }));
    await waitFor(() => expect(window.location.hash).toBe('#/rounds'));
    expect(calls.find((c) => c.method === 'DELETE')?.url.pathname).toBe('/api/rounds/r1');
  });
});

/** Trade-offs as the server sends them: US English messages and their catalog words. */
const benHostsToo = {
  key: 'rounds.tradeoff.host-also-visits',
  params: { name: 'Ben Okafor', visited: 1, count: 3 },
};
const chenOnce = { key: 'rounds.tradeoff.room-visited-once', params: { name: 'Chen Li' } };

describe('what the coach needs to know', () => {
  it('when a draft has trade-offs, then they are listed before publishing', async () => {
    const message =
      'Ben Okafor hosts and is also in a group: they visit 1 of the 3 other rooms, sitting out while their own room has visitors.';
    stubApi((c) =>
      c.url.pathname === '/api/people'
        ? { body: { items: PEOPLE } }
        : { body: round({ tradeoffs: [{ kind: 'host-also-visits', message, problem: benHostsToo }] }) },
    );
    render(<RoundDetail token="t" id="r1" />);
    const section = await screen.findByRole('region', { name: 'Before you publish: what this plan costs' });
    expect(within(section).getByText(message)).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('when a draft has trade-offs, then publishing asks to confirm them and sends that confirmation', async () => {
    const message = "Chen Li's room is visited by one group only.";
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      if (c.method === 'POST') return { body: round({ status: 'published' }) };
      return { body: round({ tradeoffs: [{ kind: 'room-visited-once', message, problem: chenOnce }] }) };
    });
    render(<RoundDetail token="t" id="r1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Publish this round' }));
    const question = screen.getByRole('group', { name: /Publish this round with the trade-off listed/ });
    expect(within(question).queryByRole('button', { name: 'Yes, publish' })).toBeNull();
    await expectNoAxeViolations();
    fireEvent.click(within(question).getByRole('button', { name: 'Yes, publish with these trade-offs' }));
    await screen.findByText(/This round is published/);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ confirmTradeoffs: true });
  });

  it('when the server finds trade-offs the page did not show (422), then they are shown and nothing is published', async () => {
    const message = "Chen Li's room is visited by one group only.";
    let reads = 0;
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      if (c.method === 'POST')
        return {
          status: 422,
          body: errorBody('ROUND_TRADEOFFS_UNCONFIRMED', `This plan has trade-offs: ${message}`, [
            { path: 'confirmTradeoffs', message },
          ]),
        };
      reads += 1;
      // The first read had no trade-offs; the plan changed before publishing.
      return {
        body: round(
          reads > 1 ? { tradeoffs: [{ kind: 'room-visited-once', message, problem: chenOnce }] } : {},
        ),
      };
    });
    render(<RoundDetail token="t" id="r1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Publish this round' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, publish' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('trade-offs you have not seen yet');
    expect(alert.textContent).toContain(message);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ confirmTradeoffs: false });
    const section = await screen.findByRole('region', { name: 'Before you publish: what this plan costs' });
    expect(within(section).getByText(message)).toBeTruthy();
    expect(screen.queryByText(/This round is published/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Publish this round' }));
    expect(screen.getByRole('button', { name: 'Yes, publish with these trade-offs' })).toBeTruthy();
  });

  it('when a participant cancelled a round visit, then the list says so under "Needs your attention" until dismissed', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/round-notices')
        return {
          body: {
            items: [
              notice({ reason: 'I cover a class that period.' }),
              notice({
                id: 'n2',
                kind: 'slot_declined',
                person: { id: 'p2', name: 'Ben Okafor' },
                decline: { id: 'dec1', reason: 'Our class has a test', replanned: false },
                startsAt: '2026-03-12T13:15:00.000Z',
                reason: null,
                createdAt: '2026-03-10T14:00:00.000Z',
              }),
            ],
          },
        };
      if (c.url.pathname === '/api/round-notices/n1/seen') return { status: 204 };
      return { body: { items: [round()] } };
    });
    render(<RoundsList token="t" />);
    const section = await screen.findByRole('region', { name: 'Needs your attention' });
    expect(section.textContent).toMatch(/Ana Rivera canceled their visit to Ben Okafor’s room/);
    expect(section.textContent).toContain('Their reason: “I cover a class that period.”');
    expect(section.textContent).toMatch(
      /Ben Okafor declined the slot in their room on .*: “Our class has a test”\. Open the round to move the group/,
    );
    await expectNoAxeViolations();
    fireEvent.click(within(section).getByRole('button', { name: 'Dismiss the notice about Ana Rivera' }));
    await waitFor(() => expect(section.textContent).not.toMatch(/Ana Rivera/));
    expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/round-notices/n1/seen')).toBe(
      true,
    );
  });
});

describe('rounds in Spanish', () => {
  beforeEach(() => setLanguage(['es-419']));
  afterEach(() => setLanguage(['en-US']));

  it('when the coach reads in Spanish, then the list, its date and its notices are in Spanish and axe finds nothing', async () => {
    stubApi((c) =>
      c.url.pathname === '/api/round-notices'
        ? {
            body: {
              items: [notice({ reason: 'Cubro una clase.' })],
            },
          }
        : { body: { items: [round()] } },
    );
    render(<RoundsList token="t" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Rondas' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Planificar una ronda nueva' })).toBeTruthy();
    const section = await screen.findByRole('region', { name: 'Requiere tu atención' });
    expect(section.textContent).toContain('Ana Rivera canceló su visita al aula de Ben Okafor');
    expect(section.textContent).toContain('a su grupo le falta una persona. Su motivo: «Cubro una clase.»');
    expect(within(section).getByRole('button', { name: 'Descartar el aviso sobre Ana Rivera' })).toBeTruthy();
    const item = (
      await screen.findByRole('heading', { level: 2, name: 'Thursday discussion round' })
    ).closest('li')!;
    expect(item.textContent).toContain('jueves, 12 de marzo de 2026 a las 9:00');
    expect(item.textContent).toContain('Borrador');
    await expectNoAxeViolations();
  });

  it('when the coach opens a draft in Spanish, then its facts, groups, rotation and actions are in Spanish and axe finds nothing', async () => {
    stubApi((c) => (c.url.pathname === '/api/people' ? { body: { items: PEOPLE } } : { body: round() }));
    render(<RoundDetail token="t" id="r1" />);
    const rotation = await screen.findByRole('region', { name: 'Rotación' });
    expect(within(rotation).getAllByRole('listitem')[0]!.textContent).toBe(
      'Grupo 1 → aula de Ben Okafor (Room 12)Visitantes: Ana Rivera',
    );
    expect(screen.getByText('Visitas de 10 minutos, con 5 minutos entre una y otra')).toBeTruthy();
    expect(screen.getByText('Etiqueta')).toBeTruthy();
    const groups = screen.getByRole('region', { name: 'Grupos' });
    const select = within(groups).getByLabelText('Mover a Ana Rivera al grupo…') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Grupo 1 (actual)',
      'Grupo 2',
      'Un grupo nuevo',
    ]);
    expect(screen.getByRole('link', { name: 'Guía y roles' })).toBeTruthy();
    await expectNoAxeViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Publicar esta ronda' }));
    const question = screen.getByRole('group', { name: /^¿Publicar esta ronda\?/ });
    expect(within(question).getByRole('button', { name: 'Sí, publicar' })).toBeTruthy();
    expect(within(question).getByRole('button', { name: 'Todavía no' })).toBeTruthy();
  });

  it('when the coach plans a round in Spanish, then the form and its focus choices are in Spanish and axe finds nothing', async () => {
    stubApi(() => ({ body: { items: PEOPLE } }));
    render(<RoundForm token="t" zone={ZONE} />);
    await screen.findByLabelText('Título');
    expect(screen.getByRole('heading', { level: 1, name: 'Planificar una ronda' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Un problema de práctica'));
    expect(screen.getByLabelText('El problema de práctica')).toBeTruthy();
    const participants = screen.getByRole('group', { name: 'Participantes (quiénes visitan)' });
    expect(within(participants).getByLabelText('Dana Cruz (coach)')).toBeTruthy();
    const hosts = screen.getByRole('group', { name: 'Anfitriones (cuyas aulas se visitan)' });
    fireEvent.click(within(hosts).getByLabelText('Ben Okafor'));
    expect(screen.getByLabelText('Aula o enlace de Ben Okafor')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Planificar la ronda' })).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('when a move makes the round unplannable, then the planner’s problems are said in Spanish from their words', async () => {
    stubApi((c) => {
      if (c.url.pathname === '/api/people') return { body: { items: PEOPLE } };
      if (c.method === 'PUT')
        return {
          status: 422,
          body: errorBody('ROUND_UNPLANNABLE', 'This round cannot be planned', [
            // The server's message in another language: the app says the problem's words in its own.
            {
              path: 'plan',
              message: 'Group 2 has 1 teacher; each group needs 4–5.',
              problem: {
                key: 'rounds.problem.group-size',
                params: {
                  group: 2,
                  teachers: { key: 'rounds.problem.teachers', params: { count: 1 } },
                  size: '4–5',
                },
              },
            },
            // A key this app does not know: the server's message stays.
            { path: 'plan', message: 'Un problema nuevo.', problem: { key: 'rounds.problem.newer' } },
          ]),
        };
      return { body: round() };
    });
    render(<RoundDetail token="t" id="r1" />);
    const groups = await screen.findByRole('region', { name: 'Grupos' });
    fireEvent.change(within(groups).getByLabelText('Mover a Chen Li al grupo…'), {
      target: { value: 'new' },
    });
    fireEvent.click(within(groups).getByRole('button', { name: 'Mover a Chen Li' }));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['El grupo 2 tiene 1 docente; cada grupo necesita 4–5.', 'Un problema nuevo.']);
  });

  it('when a draft has trade-offs, then the page lists them in Spanish although the API’s messages are English', async () => {
    const message =
      'Ben Okafor hosts and is also in a group: they visit 1 of the 3 other rooms, sitting out while their own room has visitors.';
    stubApi((c) =>
      c.url.pathname === '/api/people'
        ? { body: { items: PEOPLE } }
        : { body: round({ tradeoffs: [{ kind: 'host-also-visits', message, problem: benHostsToo }] }) },
    );
    render(<RoundDetail token="t" id="r1" />);
    const section = await screen.findByRole('region', {
      name: 'Antes de publicar: qué concesiones implica este plan',
    });
    expect(within(section).getByRole('listitem').textContent).toBe(
      'Ben Okafor recibe visitas en su aula y también está en un grupo: visita 1 de las otras 3 aulas, porque se queda fuera mientras su propia aula tiene visitantes.',
    );
    await expectNoAxeViolations();
  });
});
