import type { Kysely } from 'kysely';

/**
 * District networks across schools (issue #17 item 5). A district spans several schools (tenants); a school is a member
 * only once its coach accepted (an operator's or another school's invitation), so membership is explicit on both sides.
 * A host school opens one of its rounds to the district; a visiting coach takes a seat, which gives them a guest person
 * in the host school (the notes they write there belong to the host school's visited teacher, as every note does).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('districts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('district_schools')
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text')
    .addPrimaryKeyConstraint('district_schools_pk', ['district_id', 'tenant_id'])
    .execute();
  await db.schema
    .createIndex('district_schools_tenant')
    .on('district_schools')
    .columns(['tenant_id'])
    .execute();
  // A single-use code one member school's coach hands to another school's coach.
  await db.schema
    .createTable('district_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text', (c) => c.references('tenants.id').onDelete('set null'))
    .execute();
  // A host school's round opened to the district, with the problem of practice visitors come for.
  await db.schema
    .createTable('district_rounds')
    .addColumn('round_id', 'text', (c) => c.primaryKey().references('rounds.id').onDelete('cascade'))
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id').onDelete('cascade'))
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('district_rounds_district')
    .on('district_rounds')
    .columns(['district_id'])
    .execute();
  // A visiting coach's seat in a cross-school round: `tenant_id` is the host school, `guest_id` the visitor's person
  // there; the visitor's own school and person are kept so only they reach the seat.
  await db.schema
    .createTable('district_seats')
    .addColumn('round_id', 'text', (c) =>
      c.notNull().references('district_rounds.round_id').onDelete('cascade'),
    )
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id').onDelete('cascade'))
    .addColumn('visitor_tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('guest_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('district_seats_pk', ['round_id', 'visitor_id'])
    .execute();
  await db.schema
    .createIndex('district_seats_district')
    .on('district_seats')
    .columns(['district_id'])
    .execute();
}
