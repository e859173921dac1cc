import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopupApp } from '../../../extension/entrypoints/popup/popup-app';

describe('the popup', () => {
  it('when the server is connected and two clips wait, then both facts are shown', async () => {
    render(
      <PopupApp
        check={async () => ({ state: 'connected', serverUrl: 'https://tm.example.org', version: '1.2.3' })}
        pending={async () => 2}
      />,
    );
    await waitFor(() =>
      expect(screen.getByText('Connected to https://tm.example.org (version 1.2.3)')).toBeTruthy(),
    );
    expect(screen.getByTestId('outbox').textContent).toBe('2 clips waiting to be sent.');
  });

  it('when the server cannot be reached, then the reason is shown', async () => {
    render(
      <PopupApp
        check={async () => ({
          state: 'unreachable',
          serverUrl: 'https://tm.example.org',
          message: "Can't reach the server.",
        })}
        pending={async () => 0}
      />,
    );
    await waitFor(() => expect(screen.getByText(/Can't reach the server/)).toBeTruthy());
    expect(screen.getByTestId('outbox').textContent).toBe('No clips waiting to be sent.');
  });
});
