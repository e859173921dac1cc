import type { Kysely } from 'kysely';
import { AppError, deploymentUnknownError } from '../../../shared/errors';
import { type LaunchClaims, mapRoles, onlyInstitutionRoles } from '../../../shared/lti';
import { addDeployments, learnsDeployments } from '../db/repositories/deployments';
import { readLaunchRows } from '../db/repositories/launch-rows';
import { DEPLOYMENT_CONTEXT, upsertNetwork } from '../db/repositories/networks';
import { upsertPerson } from '../db/repositories/people';
import { upsertTenant } from '../db/repositories/tenants';
import type { Database } from '../db/schema';
import { createSession } from './sessions';

export interface LaunchResult {
  token: string;
  expiresAt: string;
  role: 'teacher' | 'coach';
  tenantId: string;
  personId: string;
}

/** Students and other non-staff roles: refused before anything about them is written. */
export class RoleRefusedError extends AppError {
  constructor(message = RoleRefusedError.STUDENT) {
    super('LTI_ROLE_REFUSED', { verbatim: message });
  }

  static readonly STUDENT =
    'Tasting Menu is for teachers and coaches. Students do not need to open it; ask your teacher if you were sent here.';

  /** An account or site administrator with no role in this course: an institution role alone lets nobody in. */
  static readonly NO_COURSE_ROLE =
    'Tasting Menu is for the teachers and coaches of a course, and your LMS says you have no role in this one (an administrator account is not enough). Open it from a course where you teach or design, or ask a coach to add administrators in Tasting Menu’s Settings.';

  static for(roles: readonly string[]): RoleRefusedError {
    return new RoleRefusedError(
      onlyInstitutionRoles(roles) ? RoleRefusedError.NO_COURSE_ROLE : RoleRefusedError.STUDENT,
    );
  }
}

/**
 * A verified launch becomes a tenant (platform + deployment), a network (the course, or the whole deployment when
 * there is no course), a person (teacher or coach) and a bearer session for the in-LMS app.
 *
 * The role is decided before anything is written, so a refused person leaves no trace. The writes are separate
 * idempotent upserts rather than one transaction: a transaction would hold row locks on the shared tenant and
 * network rows across round trips and make concurrent launches from one school wait for each other; a launch that
 * fails half-way leaves only rows the next launch upserts anyway.
 */
export async function completeLaunch(
  db: Kysely<Database>,
  claims: LaunchClaims,
  now: Date,
  /** Where the session is written: `DatabaseHandle.ephemeral` (a crash may lose it; the teacher relaunches). */
  sessionDb: Kysely<Database> = db,
): Promise<LaunchResult> {
  const stamp = now.toISOString();
  const key = { issuer: claims.issuer, clientId: claims.clientId, deploymentId: claims.deploymentId };
  const courseContext = claims.context?.id;
  // One read for what is already known: the tenant, its coaches' settings (which LMS roles are coaches, whether the
  // menu is per course or school-wide), the networks this launch may land in and the person.
  const contextIds = courseContext ? [courseContext, DEPLOYMENT_CONTEXT] : [DEPLOYMENT_CONTEXT];
  let known = await readLaunchRows(db, key, contextIds, claims.subject);
  // A platform that learns its deployments (dynamic registration): ltijs has verified this launch against the
  // platform's keys, so its new deployment is recorded now.
  if (!known && (await learnsDeployments(db, key.issuer, key.clientId))) {
    await addDeployments(db, key.issuer, key.clientId, [key.deploymentId], stamp, true);
    known = await readLaunchRows(db, key, contextIds, claims.subject);
  }
  // The guard before ltijs may have answered from its cache; this read is the authoritative check.
  if (!known) throw deploymentUnknownError();
  const settings = known.settings;
  const role = mapRoles(claims.roles, settings.coachRoles, claims.coachClaim);
  if (role === 'refused') throw RoleRefusedError.for(claims.roles);

  const tenantName = claims.platformName?.trim() || new URL(claims.issuer).hostname;
  const tenant = await upsertTenant(db, key, tenantName, stamp, known.tenant ?? null);
  // Rows read before the tenant existed (none) are not reused: the upserts read for themselves then.
  const sameTenant = known.tenant?.id === tenant.id;
  const knownNetwork = (contextId: string) =>
    sameTenant ? (known.networks.find((n) => n.contextId === contextId) ?? null) : undefined;
  const network =
    claims.context && settings.networkScope === 'course'
      ? await upsertNetwork(
          db,
          tenant.id,
          claims.context.id,
          claims.context.title?.trim() || claims.context.label?.trim() || 'Course',
          'course',
          stamp,
          claims.membershipsUrl,
          knownNetwork(claims.context.id),
        )
      : await upsertNetwork(
          db,
          tenant.id,
          DEPLOYMENT_CONTEXT,
          `${tenantName} (school-wide)`,
          'deployment',
          stamp,
          undefined,
          knownNetwork(DEPLOYMENT_CONTEXT),
        );
  const person = await upsertPerson(
    db,
    tenant.id,
    claims.subject,
    claims.name?.trim() || 'Colleague',
    role,
    stamp,
    sameTenant ? (known.person ?? null) : undefined,
    { locale: claims.locale, timeZone: claims.timeZone },
  );
  const session = await createSession(
    sessionDb,
    { tenantId: tenant.id, personId: person.id, networkId: network.id },
    now,
  );
  return { ...session, role, tenantId: tenant.id, personId: person.id };
}
