import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TastingMenuDb } from '../../extension/lib/db';
import { outboxRepository } from '../../extension/lib/outbox-repository';
import { type UploadResult, uploadStrategy } from '../../extension/lib/server-api';
import { syncOutbox } from '../../extension/lib/sync';
import { PairingClaimResultSchema, PairingStartedSchema } from '../../shared/pairing';
import { launchAs } from '../support/server/api-client';
import { freePort } from '../support/server/free-port';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';

/** The extension's outbox and sync code against the real server, which is stopped and restarted mid-sync. */
let database: TestDatabase;
let server: TestServer | undefined;
let base: string;
let port: number;
let token: string;

const start = async () => {
  server = await startTestServer({ database, config: { port, publicUrl: base } });
};

beforeAll(async () => {
  database = await createTestDatabase();
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await start();
  const post = async (path: string, body: unknown) =>
    (
      await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json();
  const started = PairingStartedSchema.parse(await post('/api/pairings', { label: 'test' }));
  await (await launchAs(server!, 'sandbox-ana-rivera')).post('/api/pairings/confirm', { code: started.code });
  const claim = PairingClaimResultSchema.parse(
    await post('/api/pairings/claim', { pairingId: started.pairingId, claimSecret: started.claimSecret }),
  );
  if (claim.state !== 'paired') throw new Error('not paired');
  token = claim.token;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

let n = 0;
async function queue(prefix: string, count: number) {
  const outbox = outboxRepository(new TastingMenuDb(`sync-it-${n++}`));
  for (let i = 0; i < count; i++) {
    await outbox.add({
      title: `${prefix} ${i}`,
      purpose: 'p',
      steps: ['s'],
      minutes: 5,
      subject: 'Any',
      gradeBand: 'Any',
    });
  }
  return outbox;
}

async function stored(prefix: string): Promise<number> {
  const result = await server!.database.db
    .selectFrom('strategies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('title', 'like', `${prefix} %`)
    .executeTakeFirstOrThrow();
  return Number(result.n);
}

describe('the outbox when things break mid-sync', () => {
  it('when the server stops in the middle of a sync, then nothing is lost and nothing is doubled once it is back', async () => {
    const outbox = await queue('Interrupted', 30);
    let calls = 0;
    const upload = async (payload: unknown): Promise<UploadResult> => {
      calls++;
      if (calls === 10) await server!.close();
      return uploadStrategy(base, token, payload);
    };
    const first = await syncOutbox(outbox, upload);
    expect(first.stopped).toBeTruthy();
    expect(first.sent).toBeLessThan(30);
    await start();
    const second = await syncOutbox(
      outbox,
      (p) => uploadStrategy(base, token, p),
      () => new Date(),
      true,
    );
    expect(second.pending).toBe(0);
    expect(await stored('Interrupted')).toBe(30);
  });

  it('when the browser dies after the server stored a clip but before the outbox noted it, then the resend stores nothing new', async () => {
    const outbox = await queue('Crashed', 5);
    // The "crash": every upload reaches the server, but the extension never hears back.
    const crashing = async (payload: unknown): Promise<UploadResult> => {
      await uploadStrategy(base, token, payload);
      return { kind: 'retry', message: 'the service worker was stopped' };
    };
    await syncOutbox(outbox, crashing);
    await syncOutbox(outbox, crashing, () => new Date(), true);
    const resend = await syncOutbox(
      outbox,
      (p) => uploadStrategy(base, token, p),
      () => new Date(),
      true,
    );
    expect(resend).toMatchObject({ sent: 5, pending: 0 });
    expect(await stored('Crashed')).toBe(5);
  });
});
