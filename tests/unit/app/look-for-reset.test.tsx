import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoundHostView } from '../../../lti-server/app/src/views/round-host-view';
import { setLanguage } from '../../../shared/i18n';
import type { RoundHosting } from '../../../shared/round-hosts';
import { expectNoAxeViolations } from './axe';
import { hosting as roundHosting, stubApi } from './fake-api';

const ZONE = 'America/New_York';

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
  setLanguage(['en-US']);
});

const ROUND_LOOK_FOR = 'Who asks the questions?\nWhat do students say when they disagree?';

/** A host who picked one of the round's look-fors and added their own, with one slot. */
const hosting = (over: Partial<RoundHosting> = {}): RoundHosting =>
  roundHosting({
    choice: { picked: ['Who asks the questions?'], own: 'What do students write first?' },
    lookFor: 'Who asks the questions? · What do students write first?',
    slots: roundHosting().slots.slice(0, 1),
    ...over,
  });

describe('a host goes back to the round’s look-for', () => {
  it('when a host who chose their own look-for goes back, then the round’s look-for shows, the form is empty and focus lands on what happened', async () => {
    const calls = stubApi((c) =>
      c.method === 'DELETE'
        ? { body: hosting({ choice: null, lookFor: ROUND_LOOK_FOR }) }
        : { body: hosting() },
    );
    render(<RoundHostView token="t" roundId="r1" zone={ZONE} />);
    const back = await screen.findByRole('button', { name: 'Use the round’s look-for again' });
    expect((screen.getByLabelText('And/or add your own') as HTMLInputElement).value).toBe(
      'What do students write first?',
    );
    await expectNoAxeViolations();
    fireEvent.click(back);
    const done = await screen.findByTestId('look-for-reset-done');
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(done.textContent).toBe('Visitors to your room read the round’s look-for again.');
    expect(screen.getByTestId('current-look-for').textContent).toBe(ROUND_LOOK_FOR);
    expect((screen.getByLabelText('And/or add your own') as HTMLInputElement).value).toBe('');
    const group = screen.getByRole('group', { name: 'Choose from the round’s look-fors (up to 3)' });
    expect((within(group).getByLabelText('Who asks the questions?') as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('button', { name: 'Use the round’s look-for again' })).toBeNull();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url.pathname)).toEqual([
      '/api/rounds/r1/host/look-for',
    ]);
    await expectNoAxeViolations();
  });

  it('when the host chose nothing, or can no longer choose, then there is nothing to go back from', async () => {
    stubApi(() => ({ body: hosting({ choice: null, lookFor: ROUND_LOOK_FOR }) }));
    const { unmount } = render(<RoundHostView token="t" roundId="r1" zone={ZONE} />);
    await screen.findByRole('button', { name: 'Save what visitors look for' });
    expect(screen.queryByRole('button', { name: 'Use the round’s look-for again' })).toBeNull();
    unmount();
    vi.unstubAllGlobals();
    stubApi(() => ({ body: hosting({ canChoose: false }) }));
    render(<RoundHostView token="t" roundId="r1" zone={ZONE} />);
    await screen.findByText('Your slots have started or were declined, so this can no longer change.');
    expect(screen.queryByRole('button', { name: 'Use the round’s look-for again' })).toBeNull();
  });

  it('when the interface is in Spanish, then the button speaks Spanish; axe finds nothing', async () => {
    setLanguage(['es-419']);
    stubApi(() => ({ body: hosting() }));
    render(<RoundHostView token="t" roundId="r1" zone={ZONE} />);
    expect(
      await screen.findByRole('button', { name: 'Volver al «en qué fijarse» de la ronda' }),
    ).toBeTruthy();
    await expectNoAxeViolations();
  });
});
