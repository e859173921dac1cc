import type { Kysely } from 'kysely';
import type { LaunchClaims } from '../../../shared/lti';
import { addFrameOrigin, listFrameOrigins } from '../db/repositories/frame-origins';
import type { Database } from '../db/schema';
import { TenantScope } from '../db/tenant-scope';
import type { PlatformRegistry } from './platforms';

/**
 * Which LMS pages may frame the app (its CSP `frame-ancestors`). The tool lives in LMS iframes, so not `'none'`;
 * but the page that frames it is often on neither origin a platform registers with: Canvas's issuer is
 * https://canvas.instructure.com and its auth URL sso.canvaslms.com, while the course page is on the school's own
 * domain. That domain is learned from verified launches only: the platform's signed id_token names pages of the
 * LMS (`launch_presentation.return_url`, the deep-linking return URL), so no browser can add an origin by itself
 * (the launch POST's Origin or Referer header could come from any page holding a token to post).
 */

/** The web origins a verified launch's signed claims name as pages of the LMS, besides the issuer's own. */
export function launchFrameOrigins(claims: LaunchClaims): string[] {
  const urls = [claims.presentationReturnUrl, claims.deepLinking?.returnUrl];
  const issuer = webOrigin(claims.issuer);
  return [...new Set(urls.map(webOrigin).filter((o): o is string => o !== undefined && o !== issuer))];
}

/**
 * Stores each launch's LMS origins for its tenant; the function answers true when one of them was new. Launches
 * repeat the same origins, so each instance remembers the pairs it has stored (at most `limit`, then it starts over)
 * and a launch writes only an origin this instance has not stored yet.
 */
export function frameOriginLearner(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', limit = 10_000) {
  const stored = new Set<string>();
  return async (tenantId: string, claims: LaunchClaims, now: Date): Promise<boolean> => {
    const scope = new TenantScope(db, tenantId, dialect);
    let learned = false;
    for (const origin of launchFrameOrigins(claims)) {
      const key = JSON.stringify([tenantId, origin]);
      if (stored.has(key)) continue;
      if (await addFrameOrigin(scope, origin, now.toISOString())) learned = true;
      if (stored.size >= limit) stored.clear();
      stored.add(key);
    }
    return learned;
  };
}

/**
 * The registered platforms' origins (issuer and auth URL), the origins learned from launches and those the
 * administrator configured (FRAME_ANCESTORS), sorted.
 */
export async function frameAncestorOrigins(
  db: Kysely<Database>,
  lti: Pick<PlatformRegistry, 'listPlatforms'>,
  configured: string[],
): Promise<string[]> {
  const [platforms, learned] = await Promise.all([lti.listPlatforms(), listFrameOrigins(db)]);
  const origins = [...platforms.flatMap((p) => [p.issuer, p.authUrl]), ...learned].map(webOrigin);
  return [...new Set([...origins.filter((o): o is string => o !== undefined), ...configured])].sort();
}

function webOrigin(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const { protocol, origin } = new URL(url);
  return protocol === 'https:' || protocol === 'http:' ? origin : undefined;
}
