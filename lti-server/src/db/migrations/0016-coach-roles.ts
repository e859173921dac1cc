import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The first default made every institution and system administrator a coach, and Canvas sends the institution
  // Administrator for any account role. Tenants still on that default (saved unchanged with another setting) move
  // to the new one: course designers and the coach claim. A list a coach chose differently stays as it is.
  const oldDefault = [
    'membership#Administrator',
    'membership#ContentDeveloper',
    'institution#Administrator',
    'system#Administrator',
    'system#SysAdmin',
  ];
  const newDefault = JSON.stringify(['membership#ContentDeveloper', 'custom#coach']);
  const sameSet = (stored: string) => {
    try {
      const roles = JSON.parse(stored) as unknown;
      if (!Array.isArray(roles)) return false;
      const set = new Set(roles);
      return set.size === oldDefault.length && oldDefault.every((r) => set.has(r));
    } catch {
      return false;
    }
  };
  const rows = await sql<{ tenant_id: string; coach_roles: string }>`
        select tenant_id, coach_roles from tenant_settings`.execute(db);
  for (const row of rows.rows.filter((r) => sameSet(r.coach_roles))) {
    await sql`update tenant_settings set coach_roles = ${newDefault}
          where tenant_id = ${row.tenant_id}`.execute(db);
  }
  // A person's role is what their last launch decided, and sessions and paired extensions read it from there:
  // coaches of tenants on the default may be coaches only by an account role. They are teachers until their next
  // launch, which makes them coaches again if the new mapping says so (fail closed; a relaunch is one click).
  const chosenLists = sql`select tenant_id from tenant_settings where coach_roles <> ${newDefault}`;
  await sql`update people set role = 'teacher'
        where role = 'coach' and tenant_id not in (${chosenLists})`.execute(db);
  // What a launch says about the person: interface language (BCP 47) and time zone (IANA); unknown until then.
  await db.schema.alterTable('people').addColumn('locale', 'text').execute();
  await db.schema.alterTable('people').addColumn('time_zone', 'text').execute();
}
