import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../lti-server/src/db/database';
import { migrateToLatest } from '../../lti-server/src/db/migrations';
import { settingsFromRow } from '../../lti-server/src/db/repositories/tenant-settings';
import { DEFAULT_TENANT_SETTINGS } from '../../shared/settings';
import { seedTenant } from '../support/server/seed-tenant';
import { createTestDatabase, testDbKind } from '../support/server/test-database';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const OLD_DEFAULT = [
  'membership#Administrator',
  'membership#ContentDeveloper',
  'institution#Administrator',
  'system#Administrator',
  'system#SysAdmin',
];

describe(`migration 0016 over existing tenants on ${testDbKind()}`, () => {
  it('when a tenant was on the old default coach roles, then it gets the new default and its coaches relaunch; a chosen list and its coaches stay', async () => {
    const target = await createTestDatabase();
    const handle = openDatabase(target.target);
    cleanups.push(
      () => target.drop(),
      () => handle.close(),
    );
    const schema = target.target.kind === 'postgres' ? target.target.schema : undefined;
    await migrateToLatest(handle.db, handle.kind, schema, '0013-search-words');
    const now = new Date().toISOString();
    const settings = {
      // Saved unchanged by a coach who only made the menu school-wide (order as the old app sent it, or another).
      old: { scope: 'deployment', roles: OLD_DEFAULT },
      reordered: { scope: 'course', roles: [...OLD_DEFAULT].reverse() },
      chosen: { scope: 'course', roles: ['institution#Administrator'] },
      wider: { scope: 'course', roles: [...OLD_DEFAULT, 'membership#TeachingAssistant'] },
    } as const;
    for (const [tenant, s] of Object.entries(settings)) {
      await seedTenant(handle.db, { tenant, networks: [`n-${tenant}`], person: `p-${tenant}` }, now);
      await handle.db
        .insertInto('tenant_settings')
        .values({
          tenant_id: tenant,
          network_scope: s.scope,
          coach_roles: JSON.stringify(s.roles),
          updated_by: `p-${tenant}`,
          updated_at: now,
        })
        .execute();
    }

    // A tenant that never saved settings was on the old default too; every tenant's seeded person is a coach.
    await seedTenant(handle.db, { tenant: 'unset', networks: ['n-unset'], person: 'p-unset' }, now);
    await handle.db.updateTable('people').set({ role: 'coach' }).execute();

    expect(await handle.migrate()).toContain('0016-coach-roles');

    const rows = await handle.db.selectFrom('tenant_settings').selectAll().orderBy('tenant_id').execute();
    const after = Object.fromEntries(rows.map((r) => [r.tenant_id, settingsFromRow(r)]));
    expect(after.old).toEqual({
      networkScope: 'deployment',
      coachRoles: DEFAULT_TENANT_SETTINGS.coachRoles,
      subjects: DEFAULT_TENANT_SETTINGS.subjects,
    });
    expect(after.reordered).toEqual(DEFAULT_TENANT_SETTINGS);
    expect(after.chosen?.coachRoles).toEqual(['institution#Administrator']);
    expect(after.wider?.coachRoles).toEqual([...OLD_DEFAULT, 'membership#TeachingAssistant']);
    // Coaches of tenants on the old default may have been coaches by an account role only: teachers until they
    // launch again. Where a coach chose the list, the coaches stay.
    const roles = await handle.db
      .selectFrom('people')
      .select(['tenant_id', 'role'])
      .orderBy('tenant_id')
      .execute();
    expect(Object.fromEntries(roles.map((r) => [r.tenant_id, r.role]))).toEqual({
      chosen: 'coach',
      old: 'teacher',
      reordered: 'teacher',
      unset: 'teacher',
      wider: 'coach',
    });
    // People gain a language and a time zone, unknown until their next launch.
    const people = await handle.db.selectFrom('people').select(['locale', 'time_zone']).execute();
    expect(people).toHaveLength(5);
    expect(people.every((p) => p.locale === null && p.time_zone === null)).toBe(true);
  });
});
