import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LtiLaunchError } from '../../../shared/errors';
import {
  deleteExpiredStorageBindings,
  findUnexpiredStorageBinding,
  insertStorageBinding,
  type StoredStorageBinding,
  useStorageBinding,
} from '../db/repositories/storage-bindings';
import type { Database } from '../db/schema';

/**
 * Cookieless launches through LTI platform storage (1EdTech "LTI Client Side postMessages" and "Platform Storage";
 * Canvas sends `lti_storage_target=post_message_forwarding`).
 *
 * ltijs binds the browser to an OIDC `state` with a signed cookie that holds the issuer. Inside an LMS iframe with
 * third-party cookies blocked that cookie never comes back. When the login request names an `lti_storage_target`,
 * we keep a second, cookie-free binding: a random secret that the login page hands to the platform's storage
 * (`lti.put_data`) and whose SHA-256 we keep here with the state and the issuer. At launch, when the state cookie is
 * missing, the launch page reads the secret back (`lti.get_data`) and posts it; only if it matches (once, compared in
 * constant time) do we give the launch the state value its cookie would have carried. Everything else (the nonce
 * issued with that state, signature, audience, issuer, token age, our launch guard) still runs exactly as for a
 * cookie launch.
 */

/** Form fields of the launch page's post back to /lti/launch. */
export const STORAGE_MARK_FIELD = 'lti_storage';
export const STORAGE_VALUE_FIELD = 'lti_storage_value';

/** How long a login may take before the launch that answers it (ltijs's own state rows live 10 minutes). */
export const BINDING_TTL_MS = 5 * 60_000;

const TARGET = /^(?:_parent|[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$/;

/** The frame name a login request asks us to use, if it is one we accept. */
export function storageTargetOf(value: unknown): string | undefined {
  return typeof value === 'string' && TARGET.test(value) ? value : undefined;
}

/** The key the tool uses in the platform's storage; the platform namespaces keys by the tool's origin. */
export function storageKeyOf(state: string): string {
  return `tasting_menu_state_${state}`;
}

export interface StorageBinding {
  state: string;
  issuer: string;
  target: string;
  platformOrigin: string;
  used: boolean;
}

const bindingOf = (row: StoredStorageBinding): StorageBinding => ({
  state: row.state,
  issuer: row.issuer,
  target: row.target,
  platformOrigin: row.platformOrigin,
  used: row.usedAt !== null,
});

const hashOf = (value: string) => createHash('sha256').update(value).digest();

/** Records a new binding and returns the secret the login page stores with the platform. */
export async function createStorageBinding(
  db: Kysely<Database>,
  input: { state: string; issuer: string; target: string; platformOrigin: string },
  now: number,
): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  await deleteExpiredStorageBindings(db, now);
  await insertStorageBinding(
    db,
    {
      state: input.state,
      issuer: input.issuer,
      bindingHash: hashOf(secret).toString('hex'),
      target: input.target,
      platformOrigin: input.platformOrigin,
    },
    now,
    BINDING_TTL_MS,
  );
  return secret;
}

/** The unexpired binding for a state, used or not. */
export async function findStorageBinding(
  db: Kysely<Database>,
  state: string,
  now: number,
): Promise<StorageBinding | undefined> {
  const row = await findUnexpiredStorageBinding(db, state, now);
  return row && bindingOf(row);
}

export const STORAGE_REFUSALS = {
  STORAGE_STATE_UNKNOWN:
    'The launch did not match a login started here, or it took too long. Open Tasting Menu from your course again.',
  STORAGE_VALUE_MISSING:
    'Your browser blocks the cookie Tasting Menu needs inside the LMS page, and the LMS did not hand back the launch check either. Open Tasting Menu in a new window from your course.',
  STORAGE_VALUE_MISMATCH: 'The launch check kept by your LMS does not match this login (state check failed).',
  STORAGE_BINDING_USED: 'This launch check was already used. Open Tasting Menu from your course again.',
} as const;

const refusal = (reason: keyof typeof STORAGE_REFUSALS) =>
  new LtiLaunchError(reason, STORAGE_REFUSALS[reason]);

/**
 * Checks the value read back from platform storage against the binding and uses the binding up: a wrong value
 * burns it too, so a guess cannot be retried. Throws an `LtiLaunchError` with a stable reason when it does not hold.
 */
export async function consumeStorageBinding(
  db: Kysely<Database>,
  state: string,
  value: string,
  now: number,
): Promise<StorageBinding> {
  const row = await findUnexpiredStorageBinding(db, state, now);
  if (!row) throw refusal('STORAGE_STATE_UNKNOWN');
  if (row.usedAt !== null) throw refusal('STORAGE_BINDING_USED');
  // Two posts of the same value at once: only the one that marked the row goes on.
  if (!(await useStorageBinding(db, state, now))) throw refusal('STORAGE_BINDING_USED');
  if (value === '') throw refusal('STORAGE_VALUE_MISSING');
  const expected = Buffer.from(row.bindingHash, 'hex');
  if (value.length > 200 || !timingSafeEqual(expected, hashOf(value)))
    throw refusal('STORAGE_VALUE_MISMATCH');
  return { ...bindingOf(row), used: true };
}
