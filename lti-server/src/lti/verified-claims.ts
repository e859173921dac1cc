import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';

/**
 * Claims of a verified id_token that ltijs 5.9.9 does not hand on. Its token object keeps a fixed set (`userInfo`:
 * names and email; `platformInfo`; `launchPresentation`…) and drops the OpenID Connect standard claim `locale` at the
 * top level, which LTI 1.3 allows and some platforms send instead of `launch_presentation.locale`.
 */
export interface VerifiedExtras {
  locale?: unknown;
}

const verifying = new AsyncLocalStorage<VerifiedExtras>();

interface LtijsAuth {
  validateToken(...args: unknown[]): Promise<unknown>;
}

const WRAPPED = Symbol.for('tasting-menu.verified-claims');

/**
 * Wraps ltijs's `Auth.validateToken` once per process: when it resolves, ltijs has checked the token's signature,
 * audience, nonce, age and LTI claims, and the wrapper copies the top-level `locale` of the object it returns into the
 * launch being verified in this async context (`keepVerifiedClaims`), if any. It never parses the raw token, never
 * changes the result and never throws; outside a launch it does nothing. Throws at start-up if ltijs no longer has
 * that method, so an upgrade cannot silently drop the claim.
 */
export function wrapTokenValidation(): void {
  const auth = createRequire(import.meta.url)('ltijs/dist/Utils/Auth') as Partial<LtijsAuth> & {
    [WRAPPED]?: true;
  };
  if (auth[WRAPPED]) return;
  const original = auth.validateToken;
  if (typeof original !== 'function') {
    throw new Error(
      'ltijs has no Auth.validateToken: check lti-server/src/lti/verified-claims.ts after an upgrade.',
    );
  }
  auth.validateToken = async function (this: unknown, ...args: unknown[]) {
    const verified = await original.apply(this, args);
    const kept = verifying.getStore();
    if (kept && verified && typeof verified === 'object' && 'locale' in verified) {
      kept.locale = (verified as { locale?: unknown }).locale;
    }
    return verified;
  };
  auth[WRAPPED] = true;
}

/** Runs `work` (ltijs verifying one launch) and keeps in `kept` the claims above from the token it verified. */
export function keepVerifiedClaims(kept: VerifiedExtras, work: () => void): void {
  verifying.run(kept, work);
}
