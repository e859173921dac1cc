import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A room link is only as good as the session that minted it: it remembers that session (its SHA-256, as
  // `sessions` keeps it), signs in only while that session is live, and the session it gives ends no later. A link
  // goes with its session's row. Links minted before this migration name no session: unused ones are deleted (they
  // last ten minutes at most), used ones are kept as they are.
  await db.schema
    .alterTable('room_links')
    .addColumn('session_hash', 'text', (c) => c.references('sessions.token_hash').onDelete('cascade'))
    .execute();
  await db
    .deleteFrom('room_links' as never)
    .where('used_at' as never, 'is', null)
    .execute();
}
