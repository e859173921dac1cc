import type { Kysely } from 'kysely';

/**
 * Problems of practice and cycles (issue #17 items 2 and 4):
 * - problems: proposals made by staff before a cycle starts; `status` open → closed (no more votes or comments) or
 *   chosen (a cycle started from it);
 * - problem_votes: one per person and proposal (the primary key), changeable; only counts are ever shown;
 * - problem_comments: checked for names before they are saved, like notes;
 * - cycles: a series of rounds on one problem, its members (JSON person ids, starting with three volunteers and
 *   growing) and the menu strategies it works with (JSON strategy ids);
 * - rounds.cycle_id: the cycle a round belongs to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('problems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('proposer_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('why', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('problems_network')
    .on('problems')
    .columns(['tenant_id', 'network_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('problem_votes')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('problem_id', 'text', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('problem_votes_pk', ['tenant_id', 'problem_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('problem_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('problem_id', 'text', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('problem_comments_problem')
    .on('problem_comments')
    .columns(['tenant_id', 'problem_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('cycles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('problem_id', 'text', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('strategies', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cycles_network')
    .on('cycles')
    .columns(['tenant_id', 'network_id', 'created_at'])
    .execute();

  await db.schema
    .alterTable('rounds')
    .addColumn('cycle_id', 'text', (c) => c.references('cycles.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('rounds_cycle').on('rounds').columns(['tenant_id', 'cycle_id']).execute();
}
