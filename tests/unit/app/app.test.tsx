import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../lti-server/app/src/App';
import { setPersonZone, viewerZone } from '../../../lti-server/app/src/time';
import type { Me } from '../../../shared/api';

const me = (role: 'teacher' | 'coach'): Me => ({
  person: { id: 'p1', name: 'Ana Rivera', role },
  network: { id: 'n1', title: 'Grade 7 Science', scope: 'course' },
  platform: { name: 'Sandbox LMS', issuer: 'http://localhost/sandbox' },
  session: { expiresAt: '2030-01-01T00:00:00.000Z' },
});

const requests: string[] = [];
beforeEach(() => {
  requests.length = 0;
  window.location.hash = '';
  // A fake server: the menu is empty.
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    return new Response(JSON.stringify({ items: [], nextCursor: null }), {
      headers: { 'content-type': 'application/json' },
    });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  setPersonZone(undefined);
});

describe('the in-LMS app shell', () => {
  it('when there is no session token, then it explains how to open the tool from the course', () => {
    render(<App token={undefined} />);
    expect(screen.getByRole('heading', { name: 'Open Tasting Menu from your course' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('when the session belongs to a teacher, then it shows who they are, their network and the menu without the review queue', async () => {
    render(<App token="t" load={async () => ({ ok: true, data: me('teacher') })} />);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'The menu' })).toBeTruthy());
    expect(screen.getByTestId('network').textContent).toBe('Grade 7 Science');
    expect(screen.getByText(/Ana Rivera/).textContent).toContain('Teacher');
    expect(screen.queryByRole('link', { name: 'Review queue' })).toBeNull();
    await waitFor(() => expect(screen.getByText(/The menu is empty so far/)).toBeTruthy());
    // Cards: what the menu's list shows (a third of whole strategies' bytes).
    expect(requests[0]).toBe('/api/strategies?view=card');
  });

  it('when the coach named the school, then the user bar shows the school’s name instead of the platform’s', async () => {
    const named = (scope: 'course' | 'deployment', title: string): Me => ({
      ...me('teacher'),
      network: { id: 'n1', title, scope },
      platform: { ...me('teacher').platform, schoolName: 'Cedar Hill Middle School' },
    });
    const { unmount } = render(
      <App
        token="t"
        load={async () => ({ ok: true, data: named('deployment', 'Sandbox LMS (school-wide)') })}
      />,
    );
    await waitFor(() =>
      expect(screen.getByTestId('network').textContent).toBe('Cedar Hill Middle School (school-wide)'),
    );
    expect(screen.queryByText(/Sandbox LMS/)).toBeNull();
    unmount();
    // A course's network keeps its course name, with the school's name beside it.
    render(<App token="t" load={async () => ({ ok: true, data: named('course', 'Grade 7 Science') })} />);
    await waitFor(() => expect(screen.getByTestId('network').textContent).toBe('Grade 7 Science'));
    expect(screen.getByTestId('school').textContent).toBe('Cedar Hill Middle School');
  });

  it('when the school has no name of its own, then the user bar shows the network as the launch named it', async () => {
    const unnamed: Me = {
      ...me('teacher'),
      network: { id: 'n1', title: 'Sandbox LMS (school-wide)', scope: 'deployment' },
      platform: { ...me('teacher').platform, schoolName: null },
    };
    render(<App token="t" load={async () => ({ ok: true, data: unnamed })} />);
    await waitFor(() => expect(screen.getByTestId('network').textContent).toBe('Sandbox LMS (school-wide)'));
    expect(screen.queryByTestId('school')).toBeNull();
  });

  it('when the session belongs to a coach, then the review queue is in the navigation', async () => {
    render(<App token="t" load={async () => ({ ok: true, data: me('coach') })} />);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Review queue' })).toBeTruthy());
  });

  it('when the LMS gave the person a time zone, then the app’s times default to it rather than the browser’s', async () => {
    const zone = viewerZone() === 'Asia/Tokyo' ? 'America/Denver' : 'Asia/Tokyo';
    const person = { ...me('teacher').person, timeZone: zone };
    render(<App token="t" load={async () => ({ ok: true, data: { ...me('teacher'), person } })} />);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'The menu' })).toBeTruthy());
    expect(viewerZone()).toBe(zone);
  });

  it('when the LMS gave no time zone (or one the browser does not know), then the browser’s is used', () => {
    const browserZone = viewerZone();
    setPersonZone('Mars/Olympus_Mons');
    expect(viewerZone()).toBe(browserZone);
    setPersonZone('Asia/Tokyo');
    expect(viewerZone()).toBe('Asia/Tokyo');
    setPersonZone(undefined);
    expect(viewerZone()).toBe(browserZone);
  });

  it('when the session has ended, then it asks to open the tool again', async () => {
    render(<App token="t" load={async () => ({ ok: false, code: 'UNAUTHENTICATED', message: 'ended' })} />);
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Open Tasting Menu from your course' })).toBeTruthy(),
    );
  });

  it('when the server fails, then the error is announced', async () => {
    render(
      <App
        token="t"
        load={async () => ({ ok: false, code: 'INTERNAL', message: 'The server answered 500.' })}
      />,
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The server answered 500.'));
  });

  it('when the view changes, then focus moves to its heading; when someone already clicked into the new view, then it stays where they put it', async () => {
    render(<App token="t" load={async () => ({ ok: true, data: me('coach') })} />);
    await screen.findByRole('heading', { name: 'The menu' });
    window.location.hash = '#/districts';
    const field = (await screen.findByLabelText('Invitation code')) as HTMLInputElement;
    // At once, as a quick hand (or a test driver) would: before the view's own focus move is due.
    field.focus();
    await new Promise((r) => setTimeout(r, 150));
    expect(document.activeElement).toBe(field);
    // The next view, untouched: its heading takes focus.
    window.location.hash = '#/rounds';
    const heading = await screen.findByRole('heading', { level: 1, name: 'Rounds' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });
});
