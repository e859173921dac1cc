import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../../lti-server/src/db/database';
import type { Database } from '../../../lti-server/src/db/schema';
import { TenantScope } from '../../../lti-server/src/db/tenant-scope';
import type { Actor } from '../../../lti-server/src/domain/actor';
import { analyzeOwnTables, recording } from './query-plans';
import { seedTenant } from './seed-tenant';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * The set-up of the EXPLAIN plan tests of doors and visits (issue #20): tenant `t` with many doors, each booked once,
 * in a database ANALYZEd so that PostgreSQL would rather scan a table than use an index that does not fit.
 */

export const HOUR = 3_600_000;
/** A Monday: the seeded doors start on the hour from here on, one every 30 minutes per network. */
export const START = Date.UTC(2025, 0, 6);
export const iso = (ms: number) => new Date(ms).toISOString();

export type DoorRow = Omit<Database['doors'], 'tenant_id'>;
export type VisitRow = Omit<Database['visits'], 'tenant_id'>;

/**
 * A migrated test database for the file, created before its first test and dropped after its last: tenant `t` with
 * `networks`, the teacher `p` in them and the teachers `q` and `r`; then `seed` fills it (stamped at START) and every
 * table is ANALYZEd.
 */
export function useSeededPlansDatabase(
  networks: string[],
  seed: (scope: TenantScope, stamp: string) => Promise<void>,
): { readonly handle: DatabaseHandle } {
  let test: TestDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    test = await createTestDatabase();
    handle = openDatabase(test.target);
    await handle.migrate();
    const stamp = iso(START);
    await seedTenant(handle.db, { tenant: 't', networks, person: 'p' }, stamp);
    for (const id of ['q', 'r']) {
      await handle.db
        .insertInto('people')
        .values({
          id,
          tenant_id: 't',
          subject: `s-${id}`,
          name: id.toUpperCase(),
          role: 'teacher',
          created_at: stamp,
          last_seen_at: stamp,
        })
        .execute();
    }
    await seed(new TenantScope(handle.db, 't', handle.kind), stamp);
    await analyzeOwnTables(handle);
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
    await test?.drop();
  });
  return {
    get handle() {
      if (!handle) throw new Error('the plans database is not seeded yet (use it inside a test or a hook)');
      return handle;
    },
  };
}

/** An open 10-minute door in UTC for four visitors, one of them booked, with neither visitor note nor look-for. */
export function doorRow(fields: {
  id: string;
  network: string;
  host: string;
  strategy: string | null;
  round: string | null;
  startsAt: number;
  location: string;
  stamp: string;
}): DoorRow {
  return {
    id: fields.id,
    network_id: fields.network,
    host_id: fields.host,
    strategy_id: fields.strategy,
    round_id: fields.round,
    series_id: null,
    starts_at: iso(fields.startsAt),
    ends_at: iso(fields.startsAt + 10 * 60_000),
    minutes: 10,
    time_zone: 'UTC',
    location: fields.location,
    capacity: 4,
    booked: 1,
    visitor_note: null,
    look_for: null,
    status: 'open',
    sequence: 0,
    created_at: fields.stamp,
    updated_at: fields.stamp,
  };
}

/** The visit `${door.id}-v` of `visitor` to `door`, booked unless `over` says otherwise. */
export function visitRow(door: DoorRow, visitor: string, over: Partial<VisitRow> = {}): VisitRow {
  return {
    id: `${door.id}-v`,
    door_id: door.id,
    visitor_id: visitor,
    status: 'booked',
    cancelled_by: null,
    sequence: 0,
    starts_at: door.starts_at,
    ends_at: door.ends_at,
    created_at: door.created_at,
    updated_at: door.updated_at,
    thanks_message: null,
    thanked_at: null,
    ...over,
  };
}

/** Inserts the doors and their visits, 500 rows a statement. */
export async function insertDoorsAndVisits(scope: TenantScope, doors: DoorRow[], visits: VisitRow[]) {
  for (let i = 0; i < doors.length; i += 500) {
    await scope.insertInto('doors', doors.slice(i, i + 500)).execute();
    await scope.insertInto('visits', visits.slice(i, i + 500)).execute();
  }
}

/** The teacher `p` in `networkId`, acting through a Kysely that records every query it sends into `queries`. */
export function recordedTeacher(
  handle: DatabaseHandle,
  networkId: string,
): { actor: Actor; queries: CompiledQuery[] } {
  const { db, queries } = recording(handle.db);
  return {
    actor: { scope: new TenantScope(db, 't', handle.kind), personId: 'p', networkId, role: 'teacher' },
    queries,
  };
}
