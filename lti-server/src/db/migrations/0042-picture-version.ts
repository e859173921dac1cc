import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A network's picture version: every transaction that changes its `picture_groups` adds one, in the same
  // transaction, so a server can keep a picture it read until the version moves, also beside other instances.
  await db.schema
    .alterTable('networks')
    .addColumn('picture_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
