import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import { type LaunchClaims, mapRoles } from '../../../shared/lti';
import type { Database } from '../db/schema';
import { DEPLOYMENT_CONTEXT, upsertNetwork } from '../db/repositories/networks';
import { upsertPerson } from '../db/repositories/people';
import { upsertTenant } from '../db/repositories/tenants';
import { TenantScope } from '../db/tenant-scope';
import { createSession } from './sessions';
import { settingsOf } from './settings';

export interface LaunchResult {
  token: string;
  expiresAt: string;
  role: 'teacher' | 'coach';
  tenantId: string;
  personId: string;
}

/** Students and other non-staff roles: refused before anything about them is written. */
export class RoleRefusedError extends AppError {
  constructor() {
    super(
      'LTI_ROLE_REFUSED',
      'Tasting Menu is for teachers and coaches. Students do not need to open it; ask your teacher if you were sent here.',
      { status: 403 },
    );
  }
}

/**
 * A verified launch becomes a tenant (platform + deployment), a network (the course, or the whole deployment when
 * there is no course), a person (teacher or coach) and a bearer session for the in-LMS app.
 */
export async function completeLaunch(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  claims: LaunchClaims,
  now: Date,
): Promise<LaunchResult> {
  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const tenantName = claims.platformName?.trim() || new URL(claims.issuer).hostname;
    const tenant = await upsertTenant(
      trx,
      { issuer: claims.issuer, clientId: claims.clientId, deploymentId: claims.deploymentId },
      tenantName,
      stamp,
    );
    // The tenant's coaches decide which LMS roles are coaches and whether the menu is per course or school-wide.
    const settings = await settingsOf(new TenantScope(trx, tenant.id, dialect));
    const role = mapRoles(claims.roles, settings.coachRoles);
    // Thrown inside the transaction, so nothing of this launch is kept for a refused person.
    if (role === 'refused') throw new RoleRefusedError();
    const network =
      claims.context && settings.networkScope === 'course'
        ? await upsertNetwork(
            trx,
            tenant.id,
            claims.context.id,
            claims.context.title?.trim() || claims.context.label?.trim() || 'Course',
            'course',
            stamp,
            claims.membershipsUrl,
          )
        : await upsertNetwork(
            trx,
            tenant.id,
            DEPLOYMENT_CONTEXT,
            `${tenantName} (school-wide)`,
            'deployment',
            stamp,
          );
    const person = await upsertPerson(
      trx,
      tenant.id,
      claims.subject,
      claims.name?.trim() || 'Colleague',
      role,
      stamp,
    );
    const session = await createSession(
      trx,
      { tenantId: tenant.id, personId: person.id, networkId: network.id },
      now,
    );
    return { ...session, role, tenantId: tenant.id, personId: person.id };
  });
}
