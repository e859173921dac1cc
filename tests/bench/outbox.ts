import 'fake-indexeddb/auto';
import { TastingMenuDb } from '../../extension/lib/db';
import { outboxRepository } from '../../extension/lib/outbox-repository';
import { uploadStrategy } from '../../extension/lib/server-api';
import { syncOutbox } from '../../extension/lib/sync';
import { PairingClaimResultSchema, PairingStartedSchema } from '../../shared/pairing';
import { launchAs } from '../support/server/api-client';
import type { TestDbKind } from '../support/server/test-database';
import { startTestServer } from '../support/server/test-server';
import type { Figure } from './report';

/**
 * The extension's outbox against the real server: N clips queued while offline, then one sync run, with the
 * extension's own repository, sync loop and upload code (IndexedDB is fake-indexeddb here). Then a second run, which
 * must send nothing, and a count of what the server stored.
 */
export async function outboxFigures(kind: TestDbKind, clips: number): Promise<Figure[]> {
  const server = await startTestServer({ db: kind });
  try {
    const post = async (path: string, body: unknown) =>
      (
        await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    const started = PairingStartedSchema.parse(await post('/api/pairings', { label: 'bench' }));
    await (await launchAs(server, 'sandbox-ana-rivera')).post('/api/pairings/confirm', {
      code: started.code,
    });
    const claim = PairingClaimResultSchema.parse(
      await post('/api/pairings/claim', { pairingId: started.pairingId, claimSecret: started.claimSecret }),
    );
    if (claim.state !== 'paired') throw new Error('pairing failed');

    const outbox = outboxRepository(new TastingMenuDb(`bench-${Date.now()}`));
    for (let i = 0; i < clips; i++) {
      await outbox.add({
        title: `Offline clip ${i}`,
        purpose: 'Queued while the network was down.',
        steps: ['One', 'Two'],
        minutes: 5,
        subject: 'Any',
        gradeBand: 'Any',
        tags: ['bench'],
      });
    }
    const upload = (payload: unknown) => uploadStrategy(server.url, claim.token, payload);
    const start = performance.now();
    const first = await syncOutbox(outbox, upload);
    const seconds = (performance.now() - start) / 1000;
    const second = await syncOutbox(outbox, upload);
    const stored = await server.database.db
      .selectFrom('strategies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('title', 'like', 'Offline clip %')
      .executeTakeFirstOrThrow();
    const label = `outbox.${kind}`;
    return [
      {
        name: `${label}.sync_${clips}_clips`,
        value: seconds,
        unit: `s (goal <= 5 s; sent ${first.sent}, left ${first.pending})`,
      },
      { name: `${label}.second_run_sent`, value: second.sent, unit: 'clips (must be 0)' },
      { name: `${label}.duplicates`, value: Number(stored.n) - clips, unit: 'strategies (must be 0)' },
    ];
  } finally {
    await server.close();
  }
}
