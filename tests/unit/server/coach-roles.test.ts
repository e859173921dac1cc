import { describe, expect, it } from 'vitest';
import { operatorCoachRoles } from '../../../lti-server/src/domain/settings';
import { ValidationError } from '../../../shared/errors';
import { DEFAULT_TENANT_SETTINGS } from '../../../shared/settings';
import { useMemoryDb } from '../../support/server/memory-db';

/** The operator's `platform coach-roles` use case on a real (in-memory) database, without a server. */
const memory = useMemoryDb();
const school = { issuer: 'https://lms.example.edu', clientId: 'client-1', deploymentId: 'deployment-1' };
const now = new Date('2026-12-06T09:00:00Z');
const coachRoles = (roles?: string[], key = school) =>
  operatorCoachRoles(memory.handle.db, 'sqlite', key, roles, now);

describe('coach roles set by the operator', () => {
  it('when a deployment has never launched, then reading its coach roles gives the defaults', async () => {
    expect(await coachRoles()).toEqual(DEFAULT_TENANT_SETTINGS);
  });

  it('when the operator names roles, then they are kept once each and read back, and the network scope is unchanged', async () => {
    const set = await coachRoles([
      'system#Administrator',
      'institution#Administrator',
      'system#Administrator',
    ]);
    expect(set).toEqual({
      ...DEFAULT_TENANT_SETTINGS,
      coachRoles: ['system#Administrator', 'institution#Administrator'],
      subjects: DEFAULT_TENANT_SETTINGS.subjects,
      grades: DEFAULT_TENANT_SETTINGS.grades,
    });
    expect(await coachRoles()).toEqual(set);
  });

  it('when the roles are set for one deployment, then another deployment of the same LMS keeps the defaults', async () => {
    await coachRoles(['system#Administrator']);
    expect(await coachRoles(undefined, { ...school, deploymentId: 'deployment-2' })).toEqual(
      DEFAULT_TENANT_SETTINGS,
    );
  });

  it('when a role is unknown or the list is empty, then nothing is saved and a ValidationError says why', async () => {
    await coachRoles(['system#Administrator']);
    await expect(coachRoles(['no-such-role'])).rejects.toThrow(ValidationError);
    await expect(coachRoles([])).rejects.toThrow(/at least one coach role/);
    expect((await coachRoles()).coachRoles).toEqual(['system#Administrator']);
  });
});
