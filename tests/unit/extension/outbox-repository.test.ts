import { describe, expect, it } from 'vitest';
import { TastingMenuDb } from '../../../extension/lib/db';
import { outboxRepository } from '../../../extension/lib/outbox-repository';

let n = 0;
const fresh = () => outboxRepository(new TastingMenuDb(`test-${n++}`));

describe('the outbox repository', () => {
  it('when clips are added, then they are pending in the order they were made', async () => {
    const outbox = fresh();
    await outbox.add({ title: 'b' }, 'id-b', new Date('2026-01-02'));
    await outbox.add({ title: 'a' }, 'id-a', new Date('2026-01-01'));
    expect(await outbox.countPending()).toBe(2);
    expect((await outbox.listPending()).map((i) => i.clientId)).toEqual(['id-a', 'id-b']);
  });

  it('when the same client id is added twice, then there is still one item', async () => {
    const outbox = fresh();
    await outbox.add({ title: 'x' }, 'same');
    await outbox.add({ title: 'x' }, 'same');
    expect(await outbox.countPending()).toBe(1);
  });

  it('when no id is given, then a UUID is generated', async () => {
    const item = await fresh().add({ title: 'x' });
    expect(item.clientId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
