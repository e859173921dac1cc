import type { Kysely } from 'kysely';
import { AppError, parseAt } from '../../../shared/errors';
import { type PlatformRegistration, PlatformRegistrationSchema } from '../../../shared/platform';
import { addDeployments, listDeployments, removeDeployments } from '../db/repositories/deployments';
import type { Database } from '../db/schema';
import type { LtiTool } from '../lti/tool';

export interface PlatformSummary extends Omit<PlatformRegistration, 'deploymentIds'> {
  deploymentIds: string[];
}

/** Registers (or updates) an LMS platform and the deployments it may launch from. */
export async function registerPlatform(
  db: Kysely<Database>,
  lti: LtiTool,
  input: unknown,
): Promise<PlatformSummary> {
  const registration = parseAt('Platform registration', PlatformRegistrationSchema, input);
  await lti.registerPlatform(registration);
  await addDeployments(
    db,
    registration.issuer,
    registration.clientId,
    registration.deploymentIds,
    new Date().toISOString(),
  );
  const deploymentIds = await listDeployments(db, registration.issuer, registration.clientId);
  return { ...registration, deploymentIds };
}

export async function listPlatforms(db: Kysely<Database>, lti: LtiTool): Promise<PlatformSummary[]> {
  const platforms = await lti.listPlatforms();
  const summaries = await Promise.all(
    platforms.map(async (p) => ({ ...p, deploymentIds: await listDeployments(db, p.issuer, p.clientId) })),
  );
  return summaries.sort((a, b) => a.issuer.localeCompare(b.issuer) || a.clientId.localeCompare(b.clientId));
}

export async function removePlatform(
  db: Kysely<Database>,
  lti: LtiTool,
  issuer: string,
  clientId: string,
): Promise<void> {
  const removed = await lti.removePlatform(issuer, clientId);
  await removeDeployments(db, issuer, clientId);
  if (!removed) {
    throw new AppError(
      'NOT_FOUND',
      `No platform is registered with issuer ${issuer} and client id ${clientId}.`,
      {
        status: 404,
      },
    );
  }
}
