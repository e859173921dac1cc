import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExtensionView } from '../../../lti-server/app/src/views/extension-view';
import type { Device } from '../../../shared/pairing';
import { expectNoAxeViolations } from './axe';
import { type Call, stubApi } from './fake-api';

const device = (id: string, label: string): Device => ({
  id,
  label,
  createdAt: '2026-03-02T13:00:00.000Z',
  lastUsedAt: null,
  expiresAt: '2026-08-29T13:00:00.000Z',
});

/**
 * A fake server where the extension claims its token (and so becomes a paired browser) only after the list of
 * devices was read `claimAfter` times since the code was confirmed.
 */
function pairingApi(claimAfter: number): Call[] {
  let confirmed = false;
  let readsSinceConfirm = 0;
  return stubApi((c) => {
    if (c.url.pathname === '/api/pairings/confirm') {
      confirmed = true;
      return { body: { label: 'Chrome on the school laptop' } };
    }
    if (c.url.pathname === '/api/devices') {
      if (confirmed) readsSinceConfirm++;
      const paired = confirmed && readsSinceConfirm > claimAfter;
      return {
        body: {
          items: [
            device('old', 'Firefox at home'),
            ...(paired ? [device('new', 'Chrome on the school laptop')] : []),
          ],
        },
      };
    }
    return undefined;
  });
}

const deviceReads = (calls: Call[]) => calls.filter((c) => c.url.pathname === '/api/devices').length;

async function confirmCode() {
  fireEvent.input(await screen.findByLabelText('Pairing code'), { target: { value: 'ABCD-2345' } });
  fireEvent.click(screen.getByRole('button', { name: 'Pair this browser' }));
}

afterEach(() => vi.unstubAllGlobals());

describe('pairing a browser', () => {
  it('when a code is confirmed, then the list is read again with short waits until the new browser is in it, and no more', async () => {
    const calls = pairingApi(2);
    render(<ExtensionView token="t" pollMs={[5, 10, 20, 40, 80]} />);
    const list = await screen.findByRole('region', { name: 'Paired browsers' });
    await within(list).findByText('Firefox at home');
    await confirmCode();
    await within(list).findByText('Chrome on the school laptop', undefined, { timeout: 1000 });
    expect((await screen.findByText(/It is in the list of paired browsers below/)).textContent).toContain(
      'Paired: Chrome on the school laptop.',
    );
    // The first read, then three after the confirmation: the third one saw the new browser.
    expect(deviceReads(calls)).toBe(4);
    await new Promise((r) => setTimeout(r, 250));
    expect(deviceReads(calls)).toBe(4);
    await expectNoAxeViolations();
  });

  it('when the browser never claims its token, then polling stops after the last wait and says what to do', async () => {
    const calls = pairingApi(1_000);
    render(<ExtensionView token="t" pollMs={[5, 5, 5]} />);
    await screen.findByText('Firefox at home');
    await confirmCode();
    await screen.findByText(/has not finished pairing yet/);
    expect(deviceReads(calls)).toBe(4);
    await new Promise((r) => setTimeout(r, 100));
    expect(deviceReads(calls)).toBe(4);
  });

  it('when the page comes back into view, then the list is read again', async () => {
    const calls = pairingApi(0);
    render(<ExtensionView token="t" pollMs={[]} />);
    await screen.findByText('Firefox at home');
    expect(deviceReads(calls)).toBe(1);
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(deviceReads(calls)).toBe(2));
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(deviceReads(calls)).toBe(3));
  });
});
