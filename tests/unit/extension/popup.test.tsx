import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopupApp } from '../../../extension/entrypoints/popup/popup-app';

const connected = async () => ({
  state: 'connected' as const,
  serverUrl: 'https://tm.example.org',
  version: '1.2.3',
});

describe('the popup', () => {
  it('when clips are in every state, then each says where it is', async () => {
    render(
      <PopupApp
        check={connected}
        sync={async () => ({ sent: 0, failed: 0, pending: 1 })}
        clips={async () => [
          { clientId: 'a', title: 'Waiting one', createdAt: '', outbox: 'pending' },
          { clientId: 'b', title: 'Approved one', createdAt: '', outbox: 'sent', serverStatus: 'approved' },
          {
            clientId: 'c',
            title: 'Refused one',
            createdAt: '',
            outbox: 'failed',
            error: 'Minutes must be at most 15',
          },
        ]}
      />,
    );
    await waitFor(() =>
      expect(screen.getByText('Connected to https://tm.example.org (version 1.2.3)')).toBeTruthy(),
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('clip-state').map((e) => e.textContent)).toEqual([
        'waiting to be sent',
        'on the menu',
        'not accepted: Minutes must be at most 15',
      ]),
    );
    expect(screen.getByTestId('outbox').textContent).toBe('1 clip waiting to be sent.');
    expect(screen.getByRole('button', { name: 'Send now' })).toBeTruthy();
  });

  it('when the browser is not paired, then the popup says how to send the clips', async () => {
    render(
      <PopupApp
        check={connected}
        sync={async () => ({
          sent: 0,
          failed: 0,
          pending: 0,
          stopped: 'Pair this browser in Options to send your clips.',
        })}
        clips={async () => []}
      />,
    );
    await waitFor(() =>
      expect(screen.getByText('Pair this browser in Options to send your clips.')).toBeTruthy(),
    );
    expect(screen.getByTestId('outbox').textContent).toBe('No clips waiting to be sent.');
  });
});
