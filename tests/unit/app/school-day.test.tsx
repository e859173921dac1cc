import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeFlash } from '../../../lti-server/app/src/flash';
import { DoorForm } from '../../../lti-server/app/src/views/door-form';
import { RoundForm } from '../../../lti-server/app/src/views/round-form';
import { SettingsView } from '../../../lti-server/app/src/views/settings-view';
import type { SchoolDay } from '../../../shared/school-day';
import { DEFAULT_TENANT_SETTINGS, type TenantSettings } from '../../../shared/settings';
import { expectNoAxeViolations } from './axe';
import { type Call, door, errorBody, PEOPLE, round, strategy, stubApi } from './fake-api';

/** The viewer is in New York; the school rings its bells in Chicago. */
const VIEWER = 'America/New_York';
const SCHOOL = 'America/Chicago';
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const SCHOOL_DAY: SchoolDay = {
  timeZone: SCHOOL,
  periods: [
    { name: 'Period 1', weekdays: [...WEEK], start: '08:00', end: '08:50' },
    { name: 'Period 2', weekdays: [...WEEK], start: '09:00', end: '09:50' },
    { name: 'Period 3', weekdays: ['tue', 'thu'], start: '10:05', end: '10:55' },
  ],
};
const OUTSIDE =
  'This time is outside the school day: Saturday is not a school day in the bell schedule. Confirm to keep it.';

const fill = (label: string | RegExp, value: string) => {
  const el = screen.getByLabelText(label) as HTMLInputElement;
  if (el.tagName === 'SELECT') fireEvent.change(el, { target: { value } });
  else fireEvent.input(el, { target: { value } });
};
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

beforeEach(() => {
  window.location.hash = '';
  takeFlash();
});
afterEach(() => vi.unstubAllGlobals());

describe('the door form and the school day', () => {
  /** The server refuses a Saturday door until it is confirmed. */
  function doorApi(): Call[] {
    return stubApi((c) => {
      if (c.url.pathname === '/api/school-day') return { body: SCHOOL_DAY };
      if (c.method === 'GET') return { body: { items: [strategy()], nextCursor: null } };
      if (!(c.body as { confirmOutsideSchoolDay?: boolean }).confirmOutsideSchoolDay)
        return {
          status: 422,
          body: errorBody('OUTSIDE_SCHOOL_DAY', OUTSIDE, [
            { path: 'confirmOutsideSchoolDay', message: OUTSIDE },
          ]),
        };
      return {
        status: 201,
        body: {
          items: [door({ startsAt: '2026-03-14T05:14:00.000Z', endsAt: '2026-03-14T05:24:00.000Z' })],
          seriesId: null,
        },
      };
    });
  }

  it('when the school has a zone, then the form starts on it, searchable, with a way back to it', async () => {
    doorApi();
    render(<DoorForm token="t" zone={VIEWER} strategyId="s1" />);
    const zone = (await screen.findByLabelText('Time zone')) as HTMLInputElement;
    await waitFor(() => expect(zone.value).toBe(SCHOOL));
    expect(zone.getAttribute('list')).toBe('timeZone-list');
    fill('Time zone', 'new york');
    const suggestions = [...document.querySelectorAll('#timeZone-list option')].map((o) =>
      o.getAttribute('value'),
    );
    expect(suggestions).toEqual(['America/New_York']);
    expect(screen.getByText('Choose a time zone from the list, e.g. America/Chicago.').id).toBe(
      'timeZone-error',
    );
    fireEvent.click(screen.getByRole('button', { name: `Use the school’s zone (${SCHOOL})` }));
    expect(zone.value).toBe(SCHOOL);
    expect(screen.queryByRole('button', { name: /Use the school’s zone/ })).toBeNull();
  });

  it('when the date is a Tuesday, then its periods are offered and picking one sets the start on the school clock', async () => {
    doorApi();
    render(<DoorForm token="t" zone={VIEWER} strategyId="s1" />);
    const period = (await screen.findByLabelText('Period')) as HTMLSelectElement;
    expect(period.disabled).toBe(true);
    fill('Time zone', VIEWER);
    fill('Date', '2026-03-10');
    expect([...period.options].map((o) => o.text)).toEqual([
      'Free time',
      'Period 1, Tue 08:00–08:50',
      'Period 2, Tue 09:00–09:50',
      'Period 3, Tue 10:05–10:55',
    ]);
    fill('Period', '2');
    expect((screen.getByLabelText('Start time') as HTMLInputElement).value).toBe('10:05');
    expect((screen.getByLabelText('Time zone') as HTMLInputElement).value).toBe(SCHOOL);
    expect(period.value).toBe('2');
    // Free time: a start typed between periods shows no period, and nothing is asked.
    fill('Start time', '08:52');
    expect(period.value).toBe('');
    expect(screen.getByRole('status').textContent).toBe('');
    // Monday has no Period 3.
    fill('Date', '2026-03-09');
    expect([...period.options].map((o) => o.text)).not.toContain('Period 3, Mon 10:05–10:55');
    await expectNoAxeViolations();
  });

  it('when the door is on Saturday night, then the form says so, the server asks, and "Keep this time" sends it confirmed', async () => {
    const calls = doorApi();
    render(<DoorForm token="t" zone={VIEWER} strategyId="s1" />);
    await screen.findByLabelText('Period');
    await waitFor(() => expect((screen.getByLabelText('Time zone') as HTMLInputElement).value).toBe(SCHOOL));
    fill('Date', '2026-03-14');
    fill('Start time', '23:14');
    fill('Room or link', 'Room 12');
    expect(screen.getByRole('status').textContent).toBe(
      'Saturday is not a school day in the bell schedule. You will be asked to confirm.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open my door' }));

    const question = await screen.findByRole('group', { name: OUTSIDE });
    const keep = within(question).getByRole('button', { name: 'Keep this time' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    expect(posts(calls)[0]!.body).not.toHaveProperty('confirmOutsideSchoolDay');
    expect(screen.queryByRole('button', { name: 'Open my door' })).toBeNull();
    await expectNoAxeViolations();

    fireEvent.click(keep);
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/doors\?week=/));
    expect(posts(calls)[1]!.body).toMatchObject({
      date: '2026-03-14',
      start: '23:14',
      timeZone: SCHOOL,
      confirmOutsideSchoolDay: true,
    });
  });

  it('when the host chooses "Change the time", then the question goes, nothing is sent, and the date has focus', async () => {
    const calls = doorApi();
    render(<DoorForm token="t" zone={VIEWER} strategyId="s1" />);
    await screen.findByLabelText('Period');
    fill('Date', '2026-03-14');
    fill('Start time', '23:14');
    fill('Room or link', 'Room 12');
    fireEvent.click(screen.getByRole('button', { name: 'Open my door' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Change the time' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('date'));
    expect(screen.getByRole('button', { name: 'Open my door' })).toBeTruthy();
    expect(posts(calls)).toHaveLength(1);
  });
});

describe('the round form and the school day', () => {
  it('when the round is outside the school day, then the coach is asked and the plan is sent again confirmed', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/school-day') return { body: SCHOOL_DAY };
      if (c.method === 'GET') return { body: { items: PEOPLE } };
      if (!(c.body as { confirmOutsideSchoolDay?: boolean }).confirmOutsideSchoolDay)
        return { status: 422, body: errorBody('OUTSIDE_SCHOOL_DAY', OUTSIDE) };
      return { status: 201, body: round({ id: 'r9' }) };
    });
    render(<RoundForm token="t" zone={VIEWER} />);
    await screen.findByLabelText('Period');
    fill('Title', 'Saturday round');
    fill('Which strategy', 'Turn and talk');
    fill('Date', '2026-03-14');
    fill('Start time', '09:00');
    fireEvent.click(screen.getByLabelText('Select all'));
    fireEvent.click(screen.getByRole('button', { name: 'Plan the round' }));
    const question = await screen.findByRole('group', { name: OUTSIDE });
    await expectNoAxeViolations();
    fireEvent.click(within(question).getByRole('button', { name: 'Keep this time' }));
    await waitFor(() => expect(window.location.hash).toBe('#/rounds/r9'));
    expect(
      posts(calls).map((c) => (c.body as { confirmOutsideSchoolDay?: boolean }).confirmOutsideSchoolDay),
    ).toEqual([undefined, true]);
  });
});

describe('the school day in Settings', () => {
  function settingsApi(start: TenantSettings = DEFAULT_TENANT_SETTINGS) {
    let stored = start;
    return stubApi((c) => {
      if (c.url.pathname !== '/api/settings') return undefined;
      if (c.method === 'GET') return { body: stored };
      const body = c.body as TenantSettings;
      const [first] = body.schoolDay.periods;
      if (first && first.start >= first.end)
        return {
          status: 400,
          body: errorBody('VALIDATION_FAILED', 'Settings is not valid', [
            { path: 'schoolDay.periods.0.end', message: 'A period ends after it starts' },
          ]),
        };
      stored = body;
      return { body: stored };
    });
  }

  it('when a coach sets the zone and adds two periods, then the bell schedule is sent', async () => {
    const calls = settingsApi();
    render(<SettingsView token="t" />);
    expect(await screen.findByText(/No bell schedule yet/)).toBeTruthy();
    fill('The school’s time zone', SCHOOL);
    fireEvent.click(screen.getByRole('button', { name: 'Add a period' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('period-0-name'));
    fireEvent.click(screen.getByRole('button', { name: 'Add a period' }));
    const second = screen.getByRole('group', { name: 'Period 2' });
    fireEvent.input(within(second).getByLabelText('Name'), { target: { value: 'Advisory' } });
    const advisory = screen.getByRole('group', { name: 'Advisory' });
    fireEvent.click(within(advisory).getByLabelText('Mon'));
    fireEvent.click(within(advisory).getByLabelText('Sat'));
    await expectNoAxeViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect((calls.find((c) => c.method === 'PUT')!.body as TenantSettings).schoolDay).toEqual({
      timeZone: SCHOOL,
      periods: [
        { name: 'Period 1', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '08:50' },
        { name: 'Advisory', weekdays: ['tue', 'wed', 'thu', 'fri', 'sat'], start: '08:55', end: '09:45' },
      ],
    });
    expect(await screen.findByText(/Saved\./)).toBeTruthy();
  });

  it('when the server refuses a period, then its sentence is under that period; Remove takes a period out', async () => {
    settingsApi({ ...DEFAULT_TENANT_SETTINGS, schoolDay: SCHOOL_DAY });
    render(<SettingsView token="t" />);
    const first = await screen.findByRole('group', { name: 'Period 1' });
    fireEvent.input(within(first).getByLabelText('Ends'), { target: { value: '07:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const error = await within(first).findByText('A period ends after it starts', { selector: '.error' });
    expect(within(first).getByLabelText('Ends').getAttribute('aria-describedby')).toBe(error.id);
    await expectNoAxeViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Period 3' }));
    expect(screen.queryByRole('group', { name: 'Period 3' })).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe('add-period'));
  });
});
