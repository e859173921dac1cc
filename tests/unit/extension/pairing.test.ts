import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { beginPairing, forgetPairing, pairedToken, pairingStatus } from '../../../extension/lib/pairing';

const SERVER = 'https://tm.example.org';

/** A fake Tasting Menu server for the pairing endpoints. */
function fakeServer() {
  let confirmed = false;
  const fetchImpl = (async (url: string) => {
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url.endsWith('/api/pairings')) {
      return json(201, {
        pairingId: 'p1',
        code: 'ABCD-2345',
        claimSecret: 's',
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
    }
    return confirmed
      ? json(200, {
          state: 'paired',
          token: 'device-token',
          person: { name: 'Ana Rivera' },
          network: { title: 'Grade 7' },
          expiresAt: '2099-01-01T00:00:00.000Z',
        })
      : json(200, { state: 'waiting', expiresAt: '2099-01-01T00:00:00.000Z' });
  }) as unknown as typeof fetch;
  return { fetchImpl, confirm: () => (confirmed = true) };
}

beforeEach(() => fakeBrowser.reset());

describe('pairing the extension', () => {
  it('when the teacher confirms the code, then the next status check stores the token and reports who', async () => {
    const server = fakeServer();
    expect(await beginPairing(SERVER, 'Chrome on Linux', server.fetchImpl)).toEqual({
      state: 'waiting',
      code: 'ABCD-2345',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    expect((await pairingStatus(SERVER, server.fetchImpl)).state).toBe('waiting');
    expect(await pairedToken(SERVER)).toBeUndefined();
    server.confirm();
    expect(await pairingStatus(SERVER, server.fetchImpl)).toEqual({
      state: 'paired',
      person: 'Ana Rivera',
      network: 'Grade 7',
    });
    expect(await pairedToken(SERVER)).toBe('device-token');
    // The token belongs to that server only.
    expect(await pairedToken('https://other.example.org')).toBeUndefined();
  });

  it('when the code expired, then the status is unpaired again', async () => {
    const server = fakeServer();
    await beginPairing(SERVER, 'x', server.fetchImpl);
    expect((await pairingStatus(SERVER, server.fetchImpl, new Date('2100-01-01'))).state).toBe('unpaired');
  });

  it('when the teacher unpairs, then the token is forgotten', async () => {
    const server = fakeServer();
    await beginPairing(SERVER, 'x', server.fetchImpl);
    server.confirm();
    await pairingStatus(SERVER, server.fetchImpl);
    await forgetPairing();
    expect(await pairedToken(SERVER)).toBeUndefined();
  });
});
