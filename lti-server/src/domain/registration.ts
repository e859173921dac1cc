import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConflictError, UnauthenticatedError } from '../../../shared/errors';
import type { DynamicPlatformRegistration } from '../../../shared/platform';
import {
  formatInviteCode,
  INVITE_ALPHABET,
  INVITE_LENGTH,
  normalizeInviteCode,
  type RegistrationForm,
} from '../../../shared/registration';
import {
  insertRegistrationInvite,
  isRegistrationInviteUsable,
  listPendingRegistrationInvites,
  useRegistrationInvite,
} from '../db/repositories/registration-invites';
import type { Database } from '../db/schema';
import { type PlatformRegistry, type PlatformSummary, registerDynamicPlatform } from './platforms';

/**
 * LTI Dynamic Registration, guarded. The registration page is reachable by anyone the LMS (or an attacker) sends
 * there, so unless REGISTRATION=open it asks for a single-use code the operator created, and it only ever adds a
 * platform: an issuer and client id that are already registered are never changed from here.
 */
export type RegistrationMode = 'invite' | 'open';

const sha = (code: string) => createHash('sha256').update(code).digest('hex');

function newInviteCode(): string {
  // 256 is a multiple of neither 31 nor 32; drawing bytes below 248 (8 × 31) keeps every letter equally likely.
  let code = '';
  while (code.length < INVITE_LENGTH) {
    for (const byte of randomBytes(INVITE_LENGTH * 2)) {
      if (byte < 248 && code.length < INVITE_LENGTH) code += INVITE_ALPHABET[byte % INVITE_ALPHABET.length];
    }
  }
  return code;
}

/** A new registration code: returned once, stored only as its hash. */
export async function createRegistrationInvite(
  db: Kysely<Database>,
  now: Date,
  ttlMs: number,
): Promise<{ id: string; code: string; expiresAt: string }> {
  const code = newInviteCode();
  const invite = {
    id: randomUUID(),
    codeHash: sha(code),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
  };
  await insertRegistrationInvite(db, invite);
  return { id: invite.id, code: formatInviteCode(code), expiresAt: invite.expiresAt };
}

export function listPendingInvites(db: Kysely<Database>, now: Date) {
  return listPendingRegistrationInvites(db, now.toISOString());
}

const codeRefused = () => new UnauthenticatedError('errors.registration.code-refused');

/**
 * What registration needs from the LTI layer (`LtiTool`, lti/tool.ts, has it): the LMS's answer to a dynamic
 * registration, whether that platform is already kept, and keeping it.
 */
export interface DynamicRegistrar extends Pick<PlatformRegistry, 'registerPlatform'> {
  /** Registers this tool with the LMS whose configuration is at `openidConfiguration`; answers the platform. */
  registerDynamically(
    publicUrl: string,
    openidConfiguration: string,
    registrationToken: string | undefined,
    fetchImpl?: typeof fetch,
  ): Promise<{ registration: DynamicPlatformRegistration }>;
  hasPlatform(issuer: string, clientId: string): Promise<boolean>;
}

export interface RegistrationDeps {
  db: Kysely<Database>;
  lti: DynamicRegistrar;
  publicUrl: string;
  mode: RegistrationMode;
  fetchImpl?: typeof fetch;
}

/**
 * Registers the LMS that opened the registration page. In invite mode the code is checked before anything is
 * fetched, and used (atomically) only once the LMS has answered and the platform is known to be new: a refused
 * registration leaves the code usable.
 */
export async function registerFromLms(
  deps: RegistrationDeps,
  form: RegistrationForm,
  now: Date,
): Promise<PlatformSummary> {
  let codeHash: string | undefined;
  if (deps.mode === 'invite') {
    if (!form.code?.trim()) throw new UnauthenticatedError('errors.registration.code-missing');
    codeHash = sha(normalizeInviteCode(form.code));
    if (!(await isRegistrationInviteUsable(deps.db, codeHash, now.toISOString()))) throw codeRefused();
  }
  const { registration } = await deps.lti.registerDynamically(
    deps.publicUrl,
    form.openid_configuration,
    form.registration_token,
    deps.fetchImpl,
  );
  if (await deps.lti.hasPlatform(registration.issuer, registration.clientId)) {
    throw new ConflictError('CONFLICT', {
      key: 'errors.registration.exists',
      params: { issuer: registration.issuer, clientId: registration.clientId },
    });
  }
  const usedFor = `${registration.issuer} ${registration.clientId}`;
  if (codeHash !== undefined && !(await useRegistrationInvite(deps.db, codeHash, now.toISOString(), usedFor)))
    throw codeRefused();
  return registerDynamicPlatform(deps.db, deps.lti, registration);
}
