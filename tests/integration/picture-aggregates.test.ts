import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import type { Database } from '../../lti-server/src/db/schema';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import type { Actor } from '../../lti-server/src/domain/actor';
import { changeRetention, editNote, removeNote, writeNote } from '../../lti-server/src/domain/notes';
import { schoolPicture } from '../../lti-server/src/domain/picture';
import { purgeExpiredNotes } from '../../lti-server/src/domain/retention-job';
import { editStrategy, mergeStrategies } from '../../lti-server/src/domain/strategies';
import { AppError } from '../../shared/errors';
import { StrategyEditSchema } from '../../shared/strategy';
import { pictureFromScratch, presentedPicture, storedCounts } from '../support/server/picture-oracle';
import { seedTenant } from '../support/server/seed-tenant';
import { strategyRow } from '../support/server/strategy-row';
import { createTestDatabase, type TestDatabase, testDbKind } from '../support/server/test-database';

/**
 * The picture kept as aggregates (issue #20) against the picture computed from scratch the old way: after every step
 * of a random sequence of the writes that change it (notes written, edited and deleted; visits cancelled; strategies
 * retitled, retagged and merged; retention runs deleting expired notes), the stored counters equal the old
 * computation's exact counts, and the picture the coach reads equals the one the old code presented.
 */
let test: TestDatabase;
let handle: DatabaseHandle;
const TENANT = 't';
const HOSTS = ['h1', 'h2', 'h3', 'h4'];
const TITLES = ['Turn and talk', 'Exit ticket', 'Gallery walk'];
const TAGS = ['talk', 'writing', 'movement', 'feedback'];
const TEXTS = [
  'Students explained their answer to a partner before writing it down.',
  'Four groups compared their graphs at the tables.',
  'Most students asked why the second method worked.',
  'The teacher waited about five seconds before calling on anyone.',
  'Two students wrote a first draft, then revised it after feedback from peers.',
  'Students chose which problem to start with from the board.',
  'The class stood up and moved to the stations by the windows.',
];
const DAY = 86_400_000;
const START = Date.UTC(2026, 8, 1, 12);
let run = 0;
/** Checks that saw at least one group shown, so the comparison is not only of empty pictures. */
let shownChecks = 0;

beforeAll(async () => {
  test = await createTestDatabase();
  handle = openDatabase(test.target);
  await handle.migrate();
  await seedTenant(handle.db, { tenant: TENANT, networks: ['seed'], person: 'coach' });
  await handle.db.updateTable('people').set({ role: 'coach' }).where('id', '=', 'coach').execute();
  const at = new Date(START).toISOString();
  await handle.db
    .insertInto('people')
    .values(
      [...HOSTS, 'visitor'].map((id, i) => ({
        id,
        tenant_id: TENANT,
        subject: `s-${id}`,
        name: `Teacher ${'ABCDE'[i]}`,
        role: 'teacher' as const,
        created_at: at,
        last_seen_at: at,
      })),
    )
    .execute();
}, 60_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

interface World {
  strategies: Array<{ title: number; tags: number[] }>;
  /** Per visit: host index and strategy index (null: a round's classroom, no strategy). */
  visits: Array<{ host: number; strategy: number | null }>;
}

type Op =
  | { kind: 'add'; visit: number; text: number; shortLived: boolean }
  | { kind: 'edit'; note: number; text: number }
  | { kind: 'delete'; note: number }
  | { kind: 'cancel'; visit: number }
  | { kind: 'retitle'; strategy: number; title: number }
  | { kind: 'retag'; strategy: number; tags: number[] }
  | { kind: 'merge'; from: number; into: number }
  | { kind: 'retention'; days: number };

const tagSet = fc.uniqueArray(fc.nat(TAGS.length - 1), { maxLength: 3 });
const world: fc.Arbitrary<World> = fc.record({
  strategies: fc.array(fc.record({ title: fc.nat(TITLES.length - 1), tags: tagSet }), {
    minLength: 2,
    maxLength: 4,
  }),
  visits: fc.array(fc.record({ host: fc.nat(HOSTS.length - 1), strategy: fc.option(fc.nat(3)) }), {
    minLength: 3,
    maxLength: 9,
  }),
});
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      visit: fc.nat(8),
      text: fc.nat(TEXTS.length - 1),
      shortLived: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      note: fc.nat(20),
      text: fc.nat(TEXTS.length - 1),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), note: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), visit: fc.nat(8) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('retitle' as const),
      strategy: fc.nat(3),
      title: fc.nat(TITLES.length),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('retag' as const), strategy: fc.nat(3), tags: tagSet }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('merge' as const), from: fc.nat(3), into: fc.nat(3) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('retention' as const), days: fc.integer({ min: 1, max: 2 }) }),
  },
);

/** A fresh network for one run: its strategies, doors and visits (all visits started an hour before the clock). */
async function build(w: World) {
  run++;
  const net = `net-${run}`;
  const db = handle.db;
  const at = new Date(START - 2 * DAY).toISOString();
  await db
    .insertInto('networks')
    .values({
      id: net,
      tenant_id: TENANT,
      context_id: net,
      title: 'N',
      scope: 'course',
      created_at: at,
      updated_at: at,
    })
    .execute();
  const strategyIds = w.strategies.map((_, i) => `${net}-s${i}`);
  await db
    .insertInto('strategies')
    .values(
      w.strategies.map((s, i) => ({
        ...strategyRow(
          {
            id: strategyIds[i]!,
            network: net,
            contributor: HOSTS[i % HOSTS.length]!,
            text: 'x',
            createdAt: at,
          },
          { title: TITLES[s.title]!, tags: JSON.stringify(s.tags.map((t) => TAGS[t])) },
        ),
        tenant_id: TENANT,
      })),
    )
    .execute();
  const tags = w.strategies.flatMap((s, i) =>
    s.tags.map((t) => ({ tenant_id: TENANT, strategy_id: strategyIds[i]!, tag: TAGS[t]! })),
  );
  if (tags.length > 0) await db.insertInto('strategy_tags').values(tags).execute();
  const startsAt = new Date(START - 60 * 60_000).toISOString();
  const endsAt = new Date(START - 50 * 60_000).toISOString();
  const visitIds = w.visits.map((_, i) => `${net}-v${i}`);
  const doors: Array<Database['doors']> = w.visits.map((v, i) => ({
    id: `${net}-d${i}`,
    tenant_id: TENANT,
    network_id: net,
    // Offset by the visit's position, so fast-check's bias towards small numbers still spreads visits over rooms.
    host_id: HOSTS[(v.host + i) % HOSTS.length]!,
    strategy_id: v.strategy === null ? null : (strategyIds[v.strategy % strategyIds.length] ?? null),
    round_id: null,
    series_id: null,
    starts_at: startsAt,
    ends_at: endsAt,
    minutes: 10,
    time_zone: 'UTC',
    location: 'Room',
    capacity: 4,
    booked: 1,
    visitor_note: null,
    look_for: null,
    status: 'open',
    sequence: 0,
    created_at: at,
    updated_at: at,
  }));
  await db.insertInto('doors').values(doors).execute();
  await db
    .insertInto('visits')
    .values(
      w.visits.map((_, i) => ({
        id: visitIds[i]!,
        tenant_id: TENANT,
        door_id: doors[i]!.id,
        visitor_id: 'visitor',
        status: 'booked' as const,
        cancelled_by: null,
        sequence: 0,
        starts_at: startsAt,
        ends_at: endsAt,
        created_at: at,
        updated_at: at,
        thanks_message: null,
        thanked_at: null,
      })),
    )
    .execute();
  const actor = (personId: string, role: Actor['role']): Actor => ({
    scope: new TenantScope(handle.db, TENANT, handle.kind),
    personId,
    networkId: net,
    role,
  });
  return { net, strategyIds, visitIds, visitor: actor('visitor', 'teacher'), coach: actor('coach', 'coach') };
}

/** Refusals a step may meet (a cancelled visit, a note gone, a merged strategy): the picture must stay right anyway. */
async function allowRefusal(step: Promise<unknown>) {
  try {
    await step;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

async function check(net: string, coach: Actor, now: Date) {
  const oracle = await pictureFromScratch(handle.db, TENANT, net, now.toISOString());
  for (const by of ['tag', 'strategy'] as const) {
    expect(await storedCounts(handle.db, TENANT, net, by)).toEqual(oracle[by]);
    const picture = await schoolPicture(coach, by);
    const expected = presentedPicture(oracle[by]);
    expect({ groups: picture.groups, withheld: picture.withheld }).toEqual(expected);
    if (picture.groups.length > 0) shownChecks++;
  }
}

describe(`the picture's aggregates on ${testDbKind()}`, () => {
  it('after every write of a random sequence, they equal the picture computed from scratch from the notes', async () => {
    await fc.assert(
      fc.asyncProperty(world, fc.array(op, { minLength: 1, maxLength: 18 }), async (w, ops) => {
        const { net, strategyIds, visitIds, visitor, coach } = await build(w);
        let now = new Date(START);
        const notes: string[] = [];
        // Every visit starts with one note, so most runs have groups over the threshold to compare.
        const opening: Op[] = visitIds.map((_, i) => ({
          kind: 'add',
          visit: i,
          text: i % TEXTS.length,
          shortLived: false,
        }));
        for (const o of [...opening, ...ops]) {
          switch (o.kind) {
            case 'add': {
              const visitId = visitIds[o.visit % visitIds.length]!;
              await allowRefusal(
                writeNote(
                  visitor,
                  { visitId, prompt: 'students', text: TEXTS[o.text]!, confirmFlags: true },
                  now,
                ).then(async (note) => {
                  notes.push(note.id);
                  if (o.shortLived)
                    await handle.db
                      .updateTable('notes')
                      .set({ expires_at: new Date(now.getTime() + DAY).toISOString() })
                      .where('id', '=', note.id)
                      .execute();
                }),
              );
              break;
            }
            case 'edit':
              if (notes.length > 0)
                await allowRefusal(
                  editNote(
                    visitor,
                    notes[o.note % notes.length]!,
                    { text: TEXTS[o.text]!, confirmFlags: true },
                    now,
                  ),
                );
              break;
            case 'delete':
              if (notes.length > 0)
                await allowRefusal(removeNote(visitor, notes[o.note % notes.length]!, now));
              break;
            case 'cancel':
              await handle.db
                .updateTable('visits')
                .set({ status: 'cancelled', cancelled_by: 'visitor' })
                .where('id', '=', visitIds[o.visit % visitIds.length]!)
                .execute();
              break;
            case 'retitle':
              await allowRefusal(
                editStrategy(
                  coach,
                  strategyIds[o.strategy % strategyIds.length]!,
                  StrategyEditSchema.parse({ title: TITLES[o.title] ?? 'Think time' }),
                  now,
                ),
              );
              break;
            case 'retag':
              await allowRefusal(
                editStrategy(
                  coach,
                  strategyIds[o.strategy % strategyIds.length]!,
                  StrategyEditSchema.parse({ tags: o.tags.map((t) => TAGS[t]) }),
                  now,
                ),
              );
              break;
            case 'merge':
              await allowRefusal(
                mergeStrategies(
                  coach,
                  strategyIds[o.from % strategyIds.length]!,
                  strategyIds[o.into % strategyIds.length]!,
                  now,
                ),
              );
              break;
            case 'retention':
              now = new Date(now.getTime() + o.days * DAY);
              await purgeExpiredNotes(handle.db, handle.kind, now);
              break;
          }
          await check(net, coach, now);
        }
      }),
      { numRuns: 25 },
    );
    expect(shownChecks).toBeGreaterThan(0);
  }, 120_000);

  it('when a coach moves the retention date, then notes expired but not yet deleted count again, as they read again', async () => {
    const { net, visitIds, visitor, coach } = await build({
      strategies: [{ title: 0, tags: [0] }],
      visits: [
        { host: 0, strategy: 0 },
        { host: 0, strategy: 0 },
        { host: 0, strategy: 0 },
      ],
    });
    const now = new Date(START);
    const write = (visitId: string, text: string) =>
      writeNote(visitor, { visitId, prompt: 'students', text, confirmFlags: true }, now);
    const moved = await write(visitIds[0]!, 'The class stood up and moved to the stations by the windows.');
    const others = [];
    for (const visitId of visitIds)
      others.push(await write(visitId, 'Most students asked why the second method worked.'));
    // The first note expires; editing another note of its visit recounts the visit without it before the job deletes it.
    await handle.db
      .updateTable('notes')
      .set({ expires_at: new Date(START - 1000).toISOString() })
      .where('id', '=', moved.id)
      .execute();
    await editNote(
      visitor,
      others[0]!.id,
      { text: 'Four groups compared their graphs at the tables.', confirmFlags: true },
      now,
    );
    await check(net, coach, now);
    await changeRetention(coach, { expiresOn: '2026-10-01' }, now);
    const oracle = await pictureFromScratch(handle.db, TENANT, net, now.toISOString());
    expect(oracle.tag.get('school\u0000The whole school')?.themes.movement).toBe(1);
    await check(net, coach, now);
  });
});
