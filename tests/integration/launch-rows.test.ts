import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../lti-server/src/db/database';
import { completeLaunch } from '../../lti-server/src/domain/launch';
import type { LaunchClaims } from '../../shared/lti';
import { createTestDatabase, type TestDatabase } from '../support/server/test-database';

/**
 * A launch reads the deployment's registration, the tenant, its settings, the networks and the person in one query
 * before it writes. These tests hold that single read to what the separate reads did: only registered deployments,
 * nothing of another deployment, changes written.
 */
let test: TestDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  test = await createTestDatabase();
  handle = openDatabase(test.target);
  await handle.migrate();
  await handle.db
    .insertInto('platform_deployments')
    .values(
      ['dep-a', 'dep-b', 'dep-c', 'dep-d'].map((deployment_id) => ({
        issuer: 'https://lms.example.edu',
        client_id: 'client-1',
        deployment_id,
        created_at: '2026-11-25T07:00:00Z',
      })),
    )
    .execute();
}, 60_000);
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

const INSTRUCTOR = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';

function claims(deploymentId: string, over: Partial<LaunchClaims> = {}): LaunchClaims {
  return {
    issuer: 'https://lms.example.edu',
    clientId: 'client-1',
    deploymentId,
    subject: 'same-subject',
    name: 'Ana Rivera',
    roles: [INSTRUCTOR],
    context: { id: 'course-1', title: 'Grade 7 Science' },
    platformName: 'Example LMS',
    ...over,
  };
}

const row = async (table: 'people' | 'networks', id: string) =>
  handle.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The network of the person's latest session: where their last launch landed. */
async function latestNetwork(personId: string) {
  const session = await handle.db
    .selectFrom('sessions')
    .select('network_id')
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return row('networks', session.network_id);
}

describe('what a launch reads before it writes', () => {
  it('when the deployment is not registered, then the launch is refused and writes nothing', async () => {
    await expect(
      completeLaunch(handle.db, claims('dep-unregistered'), new Date('2026-11-25T07:30:00Z')),
    ).rejects.toMatchObject({ reason: 'DEPLOYMENT_UNKNOWN' });
    expect(await handle.db.selectFrom('tenants').selectAll().execute()).toEqual([]);
    expect(await handle.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('when the same subject and course launch from two deployments, then each gets its own tenant, person and network', async () => {
    const a1 = await completeLaunch(handle.db, claims('dep-a'), new Date('2026-11-25T08:00:00Z'));
    const b1 = await completeLaunch(handle.db, claims('dep-b'), new Date('2026-11-25T08:01:00Z'));
    const a2 = await completeLaunch(handle.db, claims('dep-a'), new Date('2026-11-25T08:02:00Z'));
    const b2 = await completeLaunch(handle.db, claims('dep-b'), new Date('2026-11-25T08:03:00Z'));
    expect(a1.tenantId).not.toBe(b1.tenantId);
    expect(a1.personId).not.toBe(b1.personId);
    expect([a2.tenantId, a2.personId]).toEqual([a1.tenantId, a1.personId]);
    expect([b2.tenantId, b2.personId]).toEqual([b1.tenantId, b1.personId]);
    const people = await handle.db.selectFrom('people').select(['tenant_id']).execute();
    expect(people.map((p) => p.tenant_id).sort()).toEqual([a1.tenantId, b1.tenantId].sort());
    const networks = await handle.db.selectFrom('networks').select(['tenant_id']).execute();
    expect(networks.map((n) => n.tenant_id).sort()).toEqual([a1.tenantId, b1.tenantId].sort());
  });

  it('when the LMS renames the person and the course, then the next launch writes the new names', async () => {
    const first = await completeLaunch(handle.db, claims('dep-c'), new Date('2026-11-25T09:00:00Z'));
    const renamed = await completeLaunch(
      handle.db,
      claims('dep-c', { name: 'Ana Rivera-Lopez', context: { id: 'course-1', title: 'Science 7' } }),
      new Date('2026-11-25T09:05:00Z'),
    );
    expect(renamed.personId).toBe(first.personId);
    expect((await row('people', renamed.personId)).name).toBe('Ana Rivera-Lopez');
    expect((await latestNetwork(renamed.personId)).title).toBe('Science 7');
  });

  it('when a coach made the menu school-wide, then a course launch lands in the deployment network, not the course', async () => {
    const first = await completeLaunch(handle.db, claims('dep-d'), new Date('2026-11-25T10:00:00Z'));
    await handle.db
      .insertInto('tenant_settings')
      .values({
        tenant_id: first.tenantId,
        network_scope: 'deployment',
        coach_roles: JSON.stringify(['membership#TeachingAssistant']),
        updated_by: first.personId,
        updated_at: '2026-11-25T10:01:00Z',
      })
      .execute();
    const ta = { roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant'] };
    const next = await completeLaunch(handle.db, claims('dep-d', ta), new Date('2026-11-25T10:02:00Z'));
    // The settings came from the same single read: teaching assistants are now coaches, and the menu is school-wide.
    expect(next.role).toBe('coach');
    expect((await latestNetwork(next.personId)).scope).toBe('deployment');
  });
});
