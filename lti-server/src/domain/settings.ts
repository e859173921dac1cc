import type { Kysely } from 'kysely';
import { parseAt } from '../../../shared/errors';
import {
  type MenuOptions,
  type PlatformInfo,
  type SchoolNameInput,
  type TenantSettings,
  TenantSettingsSchema,
} from '../../../shared/settings';
import { findDeployment } from '../db/repositories/deployments';
import { findSettings, saveSettings } from '../db/repositories/tenant-settings';
import { findTenantById, setSchoolName, type TenantKey, upsertTenant } from '../db/repositories/tenants';
import type { Database } from '../db/schema';
import { TenantScope } from '../db/tenant-scope';
import type { Actor } from './actor';
import { authorize, registration } from './policies';

/** A tenant's settings as stored, validated when read back; defaults until a coach changes them. */
export async function settingsOf(scope: TenantScope): Promise<TenantSettings> {
  return findSettings(scope);
}

export async function getSettings(actor: Actor): Promise<TenantSettings> {
  authorize(actor, 'read', 'settings');
  return settingsOf(actor.scope);
}

/** What every member of the school reads of its settings: the subjects and grades the form and the filters offer. */
export async function menuOptions(actor: Actor): Promise<MenuOptions> {
  const { subjects, grades } = await settingsOf(actor.scope);
  return { subjects, grades };
}

/** Coaches change them; the change applies from each person's next launch. */
export async function updateSettings(
  actor: Actor,
  settings: TenantSettings,
  now: Date,
): Promise<TenantSettings> {
  authorize(actor, 'update', 'settings');
  await saveSettings(actor.scope, settings, { updatedBy: actor.personId, updatedAt: now.toISOString() });
  return settings;
}

/**
 * A coach names their school (district networks show it). Launches set the platform's name again, never this one;
 * an empty name clears it, so the platform's name shows again.
 */
export async function nameSchool(
  actor: Actor,
  db: Kysely<Database>,
  { schoolName }: SchoolNameInput,
): Promise<PlatformInfo> {
  authorize(actor, 'update', 'settings');
  await setSchoolName(db, actor.scope.tenantId, schoolName === '' ? null : schoolName);
  return platformInfo(actor, db);
}

/**
 * The operator's answer to "nobody here can be a coach yet" (`npm run platform -- coach-roles`): sets which LMS roles
 * make a coach for one deployment, before or after its first launch. Schoology, for one, sends no designer role and
 * no custom coach parameter, so a school there names the roles its coaches have. Without `roles` it only reads them.
 */
export async function operatorCoachRoles(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  key: TenantKey,
  roles: string[] | undefined,
  now: Date,
): Promise<TenantSettings> {
  const tenant = await upsertTenant(db, key, key.issuer, now.toISOString());
  const scope = new TenantScope(db, tenant.id, dialect);
  const current = await settingsOf(scope);
  if (roles === undefined) return current;
  const settings = parseAt('errors.source.coach-roles', TenantSettingsSchema, {
    ...current,
    coachRoles: roles,
  });
  await saveSettings(scope, settings, { updatedBy: 'operator', updatedAt: now.toISOString() });
  return settings;
}

/** The coach's own LMS registration and deployment; other tenants' registrations are never listed. */
export async function platformInfo(actor: Actor, db: Kysely<Database>): Promise<PlatformInfo> {
  const found = await findTenantById(db, actor.scope.tenantId);
  authorize(actor, 'read', registration(found !== undefined));
  const tenant = found!; // the policy refused when there is none
  const deployment = await findDeployment(db, tenant.issuer, tenant.clientId, tenant.deploymentId);
  return {
    name: tenant.name,
    schoolName: tenant.schoolName,
    issuer: tenant.issuer,
    clientId: tenant.clientId,
    deploymentId: tenant.deploymentId,
    deploymentRecorded: deployment?.learnedAt ? 'first-launch' : 'registered',
    registeredSince: tenant.createdAt,
  };
}
