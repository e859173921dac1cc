import type { Kysely } from 'kysely';
import { NotFoundError, parseAt } from '../../../shared/errors';
import {
  type DeploymentPolicy,
  type DynamicPlatformRegistration,
  DynamicPlatformRegistrationSchema,
  type PlatformRegistration,
  PlatformRegistrationSchema,
} from '../../../shared/platform';
import {
  addDeployments,
  learnsDeployments,
  listDeployments,
  removeDeployments,
  setLearnsDeployments,
} from '../db/repositories/deployments';
import type { Database } from '../db/schema';

/** A platform as the LTI layer keeps it (ltijs holds platforms; the domain keeps their deployments). */
export interface KnownPlatform {
  issuer: string;
  clientId: string;
  name: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
}

/**
 * What the domain needs from the LTI layer to keep platforms. `LtiTool` (lti/tool.ts) has it; each function asks
 * only for the methods it calls.
 */
export interface PlatformRegistry {
  /** Adds a platform, or updates the one with the same issuer and client id. */
  registerPlatform(registration: PlatformRegistration): Promise<void>;
  /** False when there was no such platform. */
  removePlatform(issuer: string, clientId: string): Promise<boolean>;
  listPlatforms(): Promise<KnownPlatform[]>;
}

export interface PlatformSummary extends Omit<PlatformRegistration, 'deploymentIds'> {
  deploymentIds: string[];
  deploymentPolicy: DeploymentPolicy;
}

async function summaryOf(
  db: Kysely<Database>,
  p: Omit<PlatformRegistration, 'deploymentIds'>,
): Promise<PlatformSummary> {
  const [deploymentIds, learns] = await Promise.all([
    listDeployments(db, p.issuer, p.clientId),
    learnsDeployments(db, p.issuer, p.clientId),
  ]);
  return { ...p, deploymentIds, deploymentPolicy: learns ? 'learn' : 'registered' };
}

/** What a refused registration names (an operator reads it on the console, in English). */
const REGISTRATION = 'errors.source.platform-registration';

/**
 * Registers (or updates) an LMS platform and the deployments it may launch from. Not an HTTP request: an operator's
 * typing (npm run platform -- add), the sandbox or a test, so it is checked here, for every caller alike.
 */
export async function registerPlatform(
  db: Kysely<Database>,
  lti: Pick<PlatformRegistry, 'registerPlatform'>,
  input: PlatformRegistration,
): Promise<PlatformSummary> {
  const registration = parseAt(REGISTRATION, PlatformRegistrationSchema, input);
  await lti.registerPlatform(registration);
  await addDeployments(
    db,
    registration.issuer,
    registration.clientId,
    registration.deploymentIds,
    new Date().toISOString(),
  );
  return summaryOf(db, registration);
}

/**
 * A platform that registered itself (LTI Dynamic Registration): it may name no deployment yet, and learns its
 * deployments at their first verified launch (domain/launch.ts). The caller has checked that it is new. The values
 * come from the LMS's answers, not from the request, so they are checked here.
 */
export async function registerDynamicPlatform(
  db: Kysely<Database>,
  lti: Pick<PlatformRegistry, 'registerPlatform'>,
  input: DynamicPlatformRegistration,
): Promise<PlatformSummary> {
  const registration = parseAt(REGISTRATION, DynamicPlatformRegistrationSchema, input);
  const now = new Date().toISOString();
  await lti.registerPlatform(registration);
  await setLearnsDeployments(db, registration.issuer, registration.clientId, now);
  await addDeployments(db, registration.issuer, registration.clientId, registration.deploymentIds, now);
  return summaryOf(db, registration);
}

export async function listPlatforms(
  db: Kysely<Database>,
  lti: Pick<PlatformRegistry, 'listPlatforms'>,
): Promise<PlatformSummary[]> {
  const platforms = await lti.listPlatforms();
  const summaries = await Promise.all(platforms.map((p) => summaryOf(db, p)));
  return summaries.sort((a, b) => a.issuer.localeCompare(b.issuer) || a.clientId.localeCompare(b.clientId));
}

export async function removePlatform(
  db: Kysely<Database>,
  lti: Pick<PlatformRegistry, 'removePlatform'>,
  issuer: string,
  clientId: string,
): Promise<void> {
  const removed = await lti.removePlatform(issuer, clientId);
  await removeDeployments(db, issuer, clientId);
  if (!removed) {
    throw new NotFoundError({
      key: 'errors.not-found.platform',
      params: { issuer, clientId },
    });
  }
}
