import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One page of "my visits" with no sort (issue #20): the upcoming ones (ending after now) in end order, then the past
  // ones newest first, each one range of this index read forwards or backwards. visits_visitor (0008) ends at
  // starts_at: it cannot tell a visit under way (started, not ended: it belongs with the upcoming ones) from a past one.
  await db.schema
    .createIndex('visits_visitor_end')
    .on('visits')
    .columns(['tenant_id', 'visitor_id', 'ends_at', 'id'])
    .execute();
}
