import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Per-tenant choices a coach makes: which LMS roles are coaches, and whether the menu is per course or school-wide.
  await db.schema
    .createTable('tenant_settings')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('network_scope', 'text', (c) =>
      c.notNull().check(sql`network_scope in ('course', 'deployment')`),
    )
    .addColumn('coach_roles', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
