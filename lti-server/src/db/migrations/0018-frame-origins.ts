import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The LMS pages that frame the tool (its frame-ancestors), per tenant; removing a tenant removes them.
  await db.schema
    .createTable('frame_origins')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('frame_origins_pkey', ['tenant_id', 'origin'])
    .execute();
}
