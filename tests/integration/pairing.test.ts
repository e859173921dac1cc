import { describe, expect, it } from 'vitest';
import { MeSchema } from '../../shared/api';
import { DeviceSchema, PairingClaimResultSchema, PairingStartedSchema } from '../../shared/pairing';
import { apiClient, launchAs } from '../support/server/api-client';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});
async function post(path: string, body: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('pairing the extension', () => {
  it('when a teacher confirms the code the extension shows, then the extension gets a token that works as them', async () => {
    const started = PairingStartedSchema.parse(
      (await post('/api/pairings', { label: 'Chrome on a school laptop' })).body,
    );
    expect(started.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const claim = { pairingId: started.pairingId, claimSecret: started.claimSecret };
    expect(PairingClaimResultSchema.parse((await post('/api/pairings/claim', claim)).body).state).toBe(
      'waiting',
    );

    const ana = await launchAs(server, 'sandbox-ana-rivera');
    const confirmed = await ana.post('/api/pairings/confirm', {
      code: started.code.toLowerCase().replace('-', ' '),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ label: 'Chrome on a school laptop' });

    const paired = PairingClaimResultSchema.parse((await post('/api/pairings/claim', claim)).body);
    if (paired.state !== 'paired') throw new Error('expected paired');
    expect(paired.person.name).toBe('Ana Rivera');
    const device = apiClient(server, paired.token);
    expect(MeSchema.parse((await device.get('/api/me')).body).person.name).toBe('Ana Rivera');
    // Only a hash is stored, and the claim works once.
    const rows = await server.database.db.selectFrom('device_tokens').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === paired.token)).toBe(false);
    expect((await post('/api/pairings/claim', claim)).status).toBe(404);

    // Listed for its owner, revocable, and then refused.
    const list = await ana.get('/api/devices');
    const [entry] = list.body.items.map((d: unknown) => DeviceSchema.parse(d));
    expect(entry?.label).toBe('Chrome on a school laptop');
    expect((await ana.delete(`/api/devices/${entry!.id}`)).status).toBe(204);
    expect((await device.get('/api/me')).status).toBe(401);
  });

  it('when the claim secret is wrong, then nothing is revealed', async () => {
    const started = PairingStartedSchema.parse((await post('/api/pairings', { label: 'x' })).body);
    expect(
      (await post('/api/pairings/claim', { pairingId: started.pairingId, claimSecret: 'guess' })).status,
    ).toBe(404);
  });

  it('when a code is wrong or already used, then the teacher is told to get a fresh one', async () => {
    const ben = await launchAs(server, 'sandbox-ben-okafor');
    const res = await ben.post('/api/pairings/confirm', { code: 'ZZZZ-ZZZZ' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('fresh code');
    expect((await ben.post('/api/pairings/confirm', { code: '12' })).status).toBe(400);
  });

  it('when someone guesses codes, then they are stopped after ten tries', async () => {
    const chloe = await launchAs(server, 'sandbox-chloe-martin');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await chloe.post('/api/pairings/confirm', { code: 'AAAA-AAAA' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('when the code has expired, then claiming says so and confirming fails', async () => {
    const started = PairingStartedSchema.parse((await post('/api/pairings', { label: 'x' })).body);
    await server.database.db
      .updateTable('pairings')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', started.pairingId)
      .execute();
    const dana = await launchAs(server, 'sandbox-dana-kim');
    expect((await dana.post('/api/pairings/confirm', { code: started.code })).status).toBe(404);
    expect(
      (await post('/api/pairings/claim', { pairingId: started.pairingId, claimSecret: started.claimSecret }))
        .status,
    ).toBe(410);
  });
});
