import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../lti-server/src/db/database';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from '../support/server/test-database';

/**
 * Seen in CI: a migration failed with `column "nonce" of relation "lti_storage_bindings" does not exist` because
 * another schema of the same database was migrating at that moment, and Kysely's own introspector reads every
 * schema's columns. Here a neighbour schema renames a column as fast as it can while we introspect and migrate.
 */
const ROUNDS = 150;

let ours: TestDatabase;
let neighbour: TestDatabase;
let churn: pg.Client;
let churning = true;
let churned: Promise<void>;

beforeAll(async () => {
  ours = await createTestDatabase('postgres');
  neighbour = await createTestDatabase('postgres');
  if (neighbour.target.kind !== 'postgres') throw new Error('a PostgreSQL database was asked for');
  churn = new pg.Client({ connectionString: POSTGRES_URL });
  await churn.connect();
  const table = `${neighbour.target.schema}.bindings`;
  await churn.query(`create table ${table} (id serial primary key, nonce text)`);
  churned = (async () => {
    let name = 'nonce';
    while (churning) {
      const next = name === 'nonce' ? 'nonce_next' : 'nonce';
      await churn.query(`alter table ${table} rename column ${name} to ${next}`);
      name = next;
    }
  })();
});
afterAll(async () => {
  churning = false;
  await churned;
  await churn?.end();
  await ours?.drop();
  await neighbour?.drop();
});

/** Lists the tables `rounds` times, or until the first failure when `untilFailure`. */
async function introspectRounds(
  db: Kysely<unknown>,
  rounds: number,
  untilFailure = false,
): Promise<unknown[]> {
  const failures: unknown[] = [];
  for (let i = 0; i < rounds && !(untilFailure && failures.length > 0); i++) {
    await db.introspection.getTables().catch((e: unknown) => failures.push(e));
  }
  return failures;
}

describe('a migration while another schema of the database changes its tables', () => {
  it("when Kysely's own introspector lists the tables, then the neighbour's rename breaks it (the race is real here)", async () => {
    const plain = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: POSTGRES_URL, max: 1 }) }),
    });
    try {
      const failures = await introspectRounds(plain, ROUNDS * 20, true);
      expect(String(failures[0])).toMatch(/does not exist/);
      expect(failures.length).toBeGreaterThan(0);
    } finally {
      await plain.destroy();
    }
  });

  it('when our database lists its tables and migrates, then nothing of the neighbour gets in the way', async () => {
    const handle = openDatabase(ours.target);
    try {
      expect(await introspectRounds(handle.db as unknown as Kysely<unknown>, ROUNDS)).toEqual([]);
      const applied = await handle.migrate();
      expect(applied.length).toBeGreaterThan(40);
      const tables = (await handle.db.introspection.getTables()).map((t) => t.name);
      expect(tables).toContain('lti_storage_bindings');
      expect(tables).not.toContain('bindings');
    } finally {
      await handle.close();
    }
  });
});
