import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A round's debrief: evidence cards the writers add from their own notes, as text only — no writer, no room.
  // author_id lets a writer withdraw their card; it is never sent to anyone.
  await db.schema
    .createTable('debrief_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('source_note_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('pattern_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('debrief_cards_note', ['round_id', 'source_note_id'])
    .execute();
  await db.schema
    .createIndex('debrief_cards_round')
    .on('debrief_cards')
    .columns(['tenant_id', 'round_id'])
    .execute();
  await db.schema
    .createTable('debrief_patterns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('debrief_patterns_round')
    .on('debrief_patterns')
    .columns(['tenant_id', 'round_id'])
    .execute();
  await db.schema
    .alterTable('rounds')
    .addColumn('debrief_phase', 'text', (c) => c.notNull().defaultTo('description'))
    .execute();
  await db.schema.alterTable('rounds').addColumn('prediction', 'text').execute();
  await db.schema.alterTable('rounds').addColumn('next_level', 'text').execute();
  await db.schema.alterTable('rounds').addColumn('summarized_at', 'text').execute();
}
