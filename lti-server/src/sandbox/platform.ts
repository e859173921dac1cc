import { createHmac, timingSafeEqual } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { CLAIM } from '../../../shared/lti';
import type { PlatformRegistration } from '../../../shared/platform';
import type { SandboxKey } from './keys';
import { SANDBOX_DEMO_DEPLOYMENT_ID, type SandboxCourse, type SandboxUser } from './roster';

/** The sandbox LMS is a real LTI 1.3 platform living at `${publicUrl}/sandbox`. */
export interface SandboxPlatform {
  issuer: string;
  clientId: string;
  deploymentId: string;
  loginUrl: string;
  launchUrl: string;
  registration: PlatformRegistration;
  signHint(hint: SandboxHint): string;
  readHint(value: string): SandboxHint | undefined;
  /** The claims of a resource-link launch, as Canvas would send them; tests alter them to forge bad launches. */
  idTokenClaims(input: {
    user: SandboxUser;
    course: SandboxCourse;
    nonce: string;
    locale?: string;
  }): Record<string, unknown>;
  signIdToken(claims: Record<string, unknown>): Promise<string>;
}

/** What the sandbox remembers across the OIDC round trip: who, where, and whether it is a deep-linking request. */
export interface SandboxHint {
  user: string;
  course: string;
  deepLink?: boolean;
  /** The launch's `locale` claim (BCP 47, e.g. es-419) when the launch page asked for one; en-US otherwise. */
  locale?: string;
}

/** A BCP 47 language tag the sandbox may put in a launch: "es", "es-419", "en-US" (letters, digits, hyphens). */
export function sandboxLocale(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(value)
    ? value
    : undefined;
}

/** Where the sandbox LMS answers on the tool's server (server.ts mounts it there; its pages link to it). */
export const SANDBOX_PATH = '/sandbox';
export const SANDBOX_CLIENT_ID = 'tasting-menu-sandbox';
export const SANDBOX_DEPLOYMENT_ID = 'sandbox-school';

/** The deployment a sandbox course's launches name: the demo school's for its course, the sandbox school's otherwise. */
export function deploymentOf(course: SandboxCourse): string {
  return course.deploymentId ?? SANDBOX_DEPLOYMENT_ID;
}

export function createSandboxPlatform(publicUrl: string, key: SandboxKey, secret: string): SandboxPlatform {
  const issuer = `${publicUrl}${SANDBOX_PATH}`;
  const mac = (text: string) =>
    createHmac('sha256', secret).update(`sandbox-hint:${text}`).digest('base64url');
  let signingKey: Awaited<ReturnType<typeof importPKCS8>> | undefined;

  return {
    issuer,
    clientId: SANDBOX_CLIENT_ID,
    deploymentId: SANDBOX_DEPLOYMENT_ID,
    loginUrl: `${publicUrl}/lti/login`,
    launchUrl: `${publicUrl}/lti/launch`,
    registration: {
      issuer,
      clientId: SANDBOX_CLIENT_ID,
      name: 'Sandbox LMS',
      authUrl: `${issuer}/auth`,
      tokenUrl: `${issuer}/token`,
      jwksUrl: `${issuer}/jwks`,
      deploymentIds: [SANDBOX_DEPLOYMENT_ID, SANDBOX_DEMO_DEPLOYMENT_ID],
    },
    signHint({ user, course, deepLink, locale }) {
      const body = Buffer.from(
        JSON.stringify({ user, course, ...(deepLink ? { deepLink } : {}), ...(locale ? { locale } : {}) }),
      ).toString('base64url');
      return `${body}.${mac(body)}`;
    },
    readHint(value) {
      const [body, sig] = value.split('.');
      if (!body || !sig) return undefined;
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      try {
        const parsed = JSON.parse(Buffer.from(body, 'base64url').toString()) as {
          user?: unknown;
          course?: unknown;
          deepLink?: unknown;
          locale?: unknown;
        };
        const locale = sandboxLocale(parsed.locale);
        return typeof parsed.user === 'string' && typeof parsed.course === 'string'
          ? {
              user: parsed.user,
              course: parsed.course,
              ...(parsed.deepLink === true ? { deepLink: true } : {}),
              ...(locale ? { locale } : {}),
            }
          : undefined;
      } catch {
        return undefined;
      }
    },
    idTokenClaims({ user, course, nonce, locale }) {
      const now = Math.floor(Date.now() / 1000);
      return {
        iss: issuer,
        aud: SANDBOX_CLIENT_ID,
        sub: user.id,
        iat: now,
        exp: now + 300,
        nonce,
        azp: SANDBOX_CLIENT_ID,
        name: user.name,
        given_name: user.givenName,
        family_name: user.familyName,
        [CLAIM.messageType]: 'LtiResourceLinkRequest',
        [CLAIM.version]: '1.3.0',
        [CLAIM.deploymentId]: deploymentOf(course),
        [CLAIM.targetLinkUri]: `${publicUrl}/lti/launch`,
        [CLAIM.resourceLink]: { id: `${course.id}-navigation`, title: 'Tasting Menu' },
        [CLAIM.roles]: user.roles,
        [CLAIM.context]: {
          id: course.id,
          label: course.label,
          title: course.title,
          type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
        },
        [CLAIM.toolPlatform]: {
          guid: 'sandbox-lms',
          name: 'Sandbox LMS',
          product_family_code: 'tasting-menu-sandbox',
        },
        [CLAIM.launchPresentation]: {
          document_target: 'iframe',
          return_url: `${issuer}/courses/${course.id}`,
          locale: locale ?? 'en-US',
        },
        [CLAIM.namesRoleService]: {
          context_memberships_url: `${issuer}/courses/${course.id}/memberships`,
          service_versions: ['2.0'],
        },
      };
    },
    async signIdToken(claims) {
      signingKey ??= await importPKCS8(key.privatePem, 'RS256');
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
        .sign(signingKey);
    },
  };
}
