import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../lti-server/src/db/database';
import { migrateToLatest } from '../../lti-server/src/db/migrations';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { refreshPictureVisits } from '../../lti-server/src/domain/picture';
import { seedTenant } from '../support/server/seed-tenant';
import { createTestDatabase, testDbKind } from '../support/server/test-database';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe(`migration 0034 over counted notes on ${testDbKind()}`, () => {
  it('when notes of a round were counted before, then its round group is counted from them exactly as the writes count it now', async () => {
    const target = await createTestDatabase();
    const handle = openDatabase(target.target);
    cleanups.push(
      () => target.drop(),
      () => handle.close(),
    );
    const schema = target.target.kind === 'postgres' ? target.target.schema : undefined;
    // Notes written before the picture's aggregates existed: migration 0022 counts them, 0034 adds the rounds.
    await migrateToLatest(handle.db, handle.kind, schema, '0021-browse-order');
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 90 * 86_400_000).toISOString();
    const db = handle.db;
    await seedTenant(db, { tenant: 't', networks: ['n'], person: 'coach' }, now);
    const people = ['h1', 'h2', 'h3', 'v1', 'v2'];
    await db
      .insertInto('people')
      .values(
        people.map((id) => ({
          id,
          tenant_id: 't',
          subject: `s-${id}`,
          name: id,
          role: 'teacher' as const,
          created_at: now,
          last_seen_at: now,
        })),
      )
      .execute();
    await db
      .insertInto('rounds')
      .values({
        id: 'r1',
        tenant_id: 't',
        network_id: 'n',
        created_by: 'coach',
        title: 'R',
        focus_kind: 'problem',
        focus_value: 'F',
        date: now.slice(0, 10),
        start: '09:00',
        time_zone: 'UTC',
        start_occurrence: null,
        slot_minutes: 10,
        gap_minutes: 5,
        look_for: null,
        status: 'published',
        participants: '[]',
        hosts: '[]',
        groups: '[]',
        created_at: now,
        updated_at: now,
        debrief_phase: 'description',
        prediction: null,
        next_level: null,
        summarized_at: null,
      })
      .execute();
    // Three rooms of the round, one of them visited twice, and an open door outside it.
    const visits: Array<{ door: string; host: string; round: string | null; visitor: string; text: string }> =
      [
        {
          door: 'd1',
          host: 'h1',
          round: 'r1',
          visitor: 'v1',
          text: 'Students explained their steps to a partner.',
        },
        {
          door: 'd1',
          host: 'h1',
          round: 'r1',
          visitor: 'v2',
          text: 'Students wrote one sentence on a card.',
        },
        {
          door: 'd2',
          host: 'h2',
          round: 'r1',
          visitor: 'v1',
          text: 'Students explained the graph to the class.',
        },
        { door: 'd3', host: 'h3', round: 'r1', visitor: 'v2', text: 'Partners compared answers.' },
        { door: 'd4', host: 'h1', round: null, visitor: 'v1', text: 'Students explained a rule.' },
      ];
    for (const door of new Map(visits.map((v) => [v.door, v])).values())
      await db
        .insertInto('doors')
        .values({
          id: door.door,
          tenant_id: 't',
          network_id: 'n',
          host_id: door.host,
          strategy_id: null,
          round_id: door.round,
          series_id: null,
          starts_at: now,
          ends_at: now,
          minutes: 10,
          time_zone: 'UTC',
          location: 'Room',
          capacity: 4,
          booked: 2,
          visitor_note: null,
          look_for: null,
          status: 'open',
          sequence: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    for (const [i, v] of visits.entries()) {
      await db
        .insertInto('visits')
        .values({
          id: `visit-${i}`,
          tenant_id: 't',
          door_id: v.door,
          visitor_id: v.visitor,
          status: 'booked',
          cancelled_by: null,
          sequence: 0,
          starts_at: now,
          ends_at: now,
          created_at: now,
          updated_at: now,
          thanks_message: null,
          thanked_at: null,
        })
        .execute();
      await db
        .insertInto('notes')
        .values({
          id: `note-${i}`,
          tenant_id: 't',
          network_id: 'n',
          visit_id: `visit-${i}`,
          door_id: v.door,
          host_id: v.host,
          writer_id: v.visitor,
          prompt: 'students',
          text: v.text,
          useful: 0,
          created_at: now,
          updated_at: now,
          expires_at: later,
        })
        .execute();
    }
    await migrateToLatest(handle.db, handle.kind, schema, '0033-cycles');
    const before = await db
      .selectFrom('picture_groups')
      .selectAll()
      .orderBy('kind')
      .orderBy('label')
      .execute();
    expect(before.map((g) => g.kind)).toEqual(['school']);

    expect(await migrateToLatest(handle.db, handle.kind, schema)).toContain('0034-round-picture');

    const groups = await db
      .selectFrom('picture_groups')
      .selectAll()
      .orderBy('kind')
      .orderBy('label')
      .execute();
    expect(groups.find((g) => g.kind === 'school')).toEqual(before[0]);
    const round = groups.find((g) => g.kind === 'round');
    expect(round).toMatchObject({ label: 'r1', visits: 4, hosts: 3 });
    expect(JSON.parse(round!.themes)['student-talk']).toBe(2);
    const visit0 = await db
      .selectFrom('picture_visits')
      .select('groups')
      .where('visit_id', '=', 'visit-0')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(visit0.groups)).toEqual([
      { kind: 'round', label: 'r1' },
      { kind: 'school', label: 'The whole school' },
    ]);
    // What the writes compute from the notes now is what the migration counted: a recount changes nothing.
    const scope = new TenantScope(db, 't', handle.kind);
    const snapshot = async () => ({
      groups: await db.selectFrom('picture_groups').selectAll().orderBy('kind').orderBy('label').execute(),
      hosts: await db
        .selectFrom('picture_group_hosts')
        .selectAll()
        .orderBy('kind')
        .orderBy('label')
        .orderBy('host_id')
        .execute(),
      visits: await db.selectFrom('picture_visits').selectAll().orderBy('visit_id').execute(),
    });
    const migrated = await snapshot();
    await scope.transaction((trx) =>
      refreshPictureVisits(
        trx,
        visits.map((_v, i) => `visit-${i}`),
        new Date(),
      ),
    );
    expect(await snapshot()).toEqual(migrated);
  });
});
