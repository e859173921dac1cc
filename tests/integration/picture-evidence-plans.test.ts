import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { visitEvidence } from '../../lti-server/src/db/repositories/picture';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { planOf, recording } from '../support/server/query-plans';
import { seedTenant } from '../support/server/seed-tenant';
import { strategyRow } from '../support/server/strategy-row';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';

/**
 * Recounting a visit for the picture (a note edited or deleted, the retention job, a strategy's tags changed, a
 * rebuild) reads that visit's strategy's tags by the strategy, not every tag of the tenant (issue #20): on a database
 * without statistics — SQLite never gathers them by itself, PostgreSQL before its first ANALYZE — both chose the
 * tenant's tag index for it, and rebuilding a 100k district's picture took hours. Nothing is ANALYZEd here.
 */
let test: TestDatabase;
let handle: DatabaseHandle;
const kind = testDbKind();
const STRATEGIES = 3_000;
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();

beforeAll(async () => {
  test = await createTestDatabase();
  handle = openDatabase(test.target);
  await handle.migrate();
  await seedTenant(handle.db, { tenant: 't', networks: ['net'], person: 'p' });
  const scope = new TenantScope(handle.db, 't', kind);
  // The visitor who writes the note (never the host).
  await scope
    .insertInto('people', {
      id: 'q',
      subject: 's-q',
      name: 'Q',
      role: 'teacher',
      created_at: at(0),
      last_seen_at: at(0),
    })
    .execute();
  for (let i = 0; i < STRATEGIES; i += 500) {
    const ids = Array.from({ length: Math.min(500, STRATEGIES - i) }, (_, k) => `s-${i + k}`);
    await scope
      .insertInto(
        'strategies',
        ids.map((id, k) =>
          strategyRow({
            id,
            network: 'net',
            contributor: 'p',
            text: `strategy ${i + k}`,
            createdAt: at(i + k),
          }),
        ),
      )
      .execute();
    await scope
      .insertInto(
        'strategy_tags',
        ids.flatMap((id, k) => [
          { strategy_id: id, tag: `tag-${(i + k) % 40}` },
          { strategy_id: id, tag: `theme-${(i + k) % 7}` },
        ]),
      )
      .execute();
  }
  await scope
    .insertInto('doors', {
      id: 'door-1',
      network_id: 'net',
      host_id: 'p',
      strategy_id: 's-42',
      round_id: null,
      series_id: null,
      starts_at: at(0),
      ends_at: at(30 * 60_000),
      minutes: 30,
      time_zone: 'UTC',
      location: 'Room 1',
      capacity: 3,
      booked: 1,
      visitor_note: null,
      look_for: null,
      status: 'open',
      sequence: 0,
      created_at: at(0),
      updated_at: at(0),
    })
    .execute();
  await scope
    .insertInto('visits', {
      id: 'visit-1',
      door_id: 'door-1',
      visitor_id: 'q',
      status: 'booked',
      cancelled_by: null,
      sequence: 0,
      starts_at: at(0),
      ends_at: at(30 * 60_000),
      created_at: at(0),
      updated_at: at(0),
      thanks_message: null,
      thanked_at: null,
    })
    .execute();
  await scope
    .insertInto('notes', {
      id: 'note-1',
      network_id: 'net',
      visit_id: 'visit-1',
      door_id: 'door-1',
      host_id: 'p',
      writer_id: 'q',
      prompt: 'students',
      text: 'Pairs discussed the question and shared one idea with the class.',
      useful: 0,
      created_at: at(0),
      updated_at: at(0),
      expires_at: new Date(Date.UTC(2100, 0, 1)).toISOString(),
    })
    .execute();
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

/** Plan lines that read strategy_tags by the tenant alone: every tag of the tenant. */
const everyTag = (plan: string[]) =>
  plan.filter(
    (line) =>
      /\bstrategy_tags\b.*\(tenant_id=\?\)/.test(line) ||
      /Index Scan on strategy_tags_tag\b/.test(line) ||
      /Seq Scan on strategy_tags\b/.test(line) ||
      /\bSCAN strategy_tags\b/.test(line),
  );

describe(`a visit's evidence on ${kind}, without statistics`, () => {
  it("when a visit is recounted, then its strategy's tags are read by the strategy, not every tag of the tenant", async () => {
    const { db, queries } = recording(handle.db);
    const evidence = await visitEvidence(new TenantScope(db, 't', kind), 'visit-1', at(60_000));
    expect(evidence?.strategy).toEqual({ id: 's-42', title: 's-42', tags: ['tag-2', 'theme-0'] });
    const tags = queries.find((q) => q.sql.includes('from "strategy_tags"'));
    expect(tags).toBeDefined();
    const plan = await planOf(handle, tags!);
    expect(everyTag(plan), plan.join('\n')).toEqual([]);
  });
});
