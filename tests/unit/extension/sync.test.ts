import { describe, expect, it } from 'vitest';
import { TastingMenuDb } from '../../../extension/lib/db';
import { outboxRepository } from '../../../extension/lib/outbox-repository';
import type { UploadResult } from '../../../extension/lib/server-api';
import { backoffMs, syncOutbox } from '../../../extension/lib/sync';

let n = 0;
const fresh = () => outboxRepository(new TastingMenuDb(`sync-${n++}`));
const at = (iso: string) => () => new Date(iso);

describe('syncing the outbox', () => {
  it('when the server accepts every clip, then each is sent once with its client id', async () => {
    const outbox = fresh();
    await outbox.add({ title: 'A' }, 'a', new Date('2026-01-01'));
    await outbox.add({ title: 'B' }, 'b', new Date('2026-01-02'));
    const seen: unknown[] = [];
    const report = await syncOutbox(outbox, async (p) => {
      seen.push(p);
      return { kind: 'ok', id: `server-${(p as { clientId: string }).clientId}` };
    });
    expect(report).toEqual({ sent: 2, failed: 0, pending: 0 });
    expect(seen).toEqual([
      { title: 'A', clientId: 'a' },
      { title: 'B', clientId: 'b' },
    ]);
    expect((await outbox.recent()).map((i) => [i.clientId, i.status, i.serverId])).toEqual([
      ['b', 'sent', 'server-b'],
      ['a', 'sent', 'server-a'],
    ]);
    expect((await syncOutbox(outbox, async () => ({ kind: 'ok', id: 'x' }))).sent).toBe(0);
  });

  it('when the first clip is refused for good, then it is marked failed with the reason and the next one still goes', async () => {
    const outbox = fresh();
    await outbox.add({ title: 'bad' }, 'bad', new Date('2026-01-01'));
    await outbox.add({ title: 'good' }, 'good', new Date('2026-01-02'));
    const answers: UploadResult[] = [
      { kind: 'permanent', message: 'Minutes must be at most 15' },
      { kind: 'ok', id: 'g' },
    ];
    const report = await syncOutbox(outbox, async () => answers.shift()!);
    expect(report).toEqual({ sent: 1, failed: 1, pending: 0 });
    expect((await outbox.recent()).find((i) => i.clientId === 'bad')).toMatchObject({
      status: 'failed',
      lastError: 'Minutes must be at most 15',
    });
  });

  it('when the server is down, then clips stay pending, back off, and are retried when due or when forced', async () => {
    const outbox = fresh();
    await outbox.add({ title: 'A' }, 'a');
    const down = async (): Promise<UploadResult> => ({ kind: 'retry', message: "Can't reach the server" });
    const report = await syncOutbox(outbox, down, at('2026-01-01T00:00:00Z'));
    expect(report).toEqual({ sent: 0, failed: 0, pending: 1, stopped: "Can't reach the server" });
    let calls = 0;
    const up = async (): Promise<UploadResult> => {
      calls++;
      return { kind: 'ok', id: 's' };
    };
    expect((await syncOutbox(outbox, up, at('2026-01-01T00:00:01Z'))).sent).toBe(0);
    expect(calls).toBe(0);
    expect((await syncOutbox(outbox, up, at('2026-01-01T00:00:01Z'), true)).sent).toBe(1);
    expect(calls).toBe(1);
  });

  it('when the pairing was revoked, then nothing is lost and the reason asks to pair again', async () => {
    const outbox = fresh();
    await outbox.add({ title: 'A' }, 'a');
    const report = await syncOutbox(outbox, async () => ({ kind: 'auth', message: 'Pair it again' }));
    expect(report).toEqual({ sent: 0, failed: 0, pending: 1, stopped: 'Pair it again' });
  });

  it('when failures repeat, then waits double up to half an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(30)).toBe(30 * 60_000);
  });
});
