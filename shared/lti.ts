import { z } from 'zod';
import type { Role } from './api';
import { safeText, safeToken } from './text';
import { canonicalTimeZone, isTimeZone } from './zoned-time';

export const CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  toolPlatform: 'https://purl.imsglobal.org/spec/lti/claim/tool_platform',
  launchPresentation: 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  namesRoleService: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
} as const;

/** What a launch hands to the domain once ltijs and our guard have verified it (stored text: see shared/text.ts). */
export const LaunchClaimsSchema = z.object({
  issuer: safeToken().url(),
  clientId: safeToken().min(1).max(255),
  deploymentId: safeToken().min(1).max(255),
  subject: safeToken().min(1).max(255),
  name: safeText().max(200).optional(),
  roles: z.array(safeText().max(500)).max(100),
  context: z
    .object({
      id: safeToken().min(1).max(255),
      title: safeText().max(300).optional(),
      label: safeText().max(300).optional(),
    })
    .optional(),
  platformName: safeText().max(300).optional(),
  /** Names and Role Provisioning Service: the course's membership URL. */
  membershipsUrl: safeToken().url().max(2000).optional(),
  /** Present on an LtiDeepLinkingRequest: where the chosen content goes back to. */
  deepLinking: z
    .object({
      returnUrl: safeToken().url().max(2000),
      acceptTypes: z.array(safeToken()).max(20),
      acceptMultiple: z.boolean(),
      data: safeToken().max(4000).optional(),
    })
    .optional(),
  /** The platform's `launch_presentation.return_url`: a page of the LMS that frames the tool (Canvas: the school's). */
  presentationReturnUrl: z.string().url().max(2000).optional(),
  /** Query parameters the launch URL carried (a deep-linked strategy's id). */
  strategyId: safeToken().max(100).optional(),
  /** The custom `coach` parameter said so (see `hasCoachClaim`); counts only where the tenant's settings allow it. */
  coachClaim: z.boolean().optional(),
  /** The person's interface language (`launch_presentation.locale`), a BCP 47 tag; absent when missing or malformed. */
  locale: safeToken().max(35).optional(),
  /** The person's IANA time zone (custom `timezone`, Canvas's `$Person.address.timezone`); absent when unknown. */
  timeZone: safeToken().max(64).optional(),
});
export type LaunchClaims = z.infer<typeof LaunchClaimsSchema>;

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';

/**
 * Reduces a role URI (long form, short form, or Canvas's enrollment names) to `scope#Name`, e.g.
 * `membership#Instructor`, `institution#Administrator`, `system#SysAdmin`, `membership#TeachingAssistant`.
 */
export function normaliseRole(role: string): string {
  const r = role.trim();
  if (r.startsWith(LIS)) {
    const rest = r.slice(LIS.length); // e.g. membership#Instructor, membership/Instructor#TeachingAssistant
    const [path = '', name = ''] = rest.split('#');
    const scope =
      path.split('/')[0] === 'institution'
        ? 'institution'
        : path.split('/')[0] === 'system'
          ? 'system'
          : 'membership';
    return `${scope}#${name}`;
  }
  const canvas: Record<string, string> = {
    TeacherEnrollment: 'membership#Instructor',
    TaEnrollment: 'membership#TeachingAssistant',
    DesignerEnrollment: 'membership#ContentDeveloper',
    StudentEnrollment: 'membership#Learner',
    ObserverEnrollment: 'membership#Mentor',
  };
  if (canvas[r]) return canvas[r];
  // LTI 1.1-style short forms ("Instructor", "Learner") are context roles.
  return `membership#${r.split('#').pop() ?? r}`;
}

/**
 * The custom parameter that marks a coach: `https://purl.imsglobal.org/spec/lti/claim/custom` → `coach`. Its value is
 * read as a comma-separated list; the claim holds when one item, trimmed, is `true` or `coach` (any case). So both a
 * fixed `coach=true` and Canvas's `coach=$Canvas.membership.roles` (the person's course and account role names, e.g.
 * `TeacherEnrollment,Coach`) work. Anything else, including an unexpanded `$Variable`, is no claim.
 */
export const COACH_CLAIM = 'custom#coach';

export function hasCoachClaim(custom: unknown): boolean {
  if (!custom || typeof custom !== 'object') return false;
  const value = (custom as Record<string, unknown>).coach;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value.length > 2000) return false;
  return value.split(',').some((item) => ['true', 'coach'].includes(item.trim().toLowerCase()));
}

/**
 * Tags read before, canonical or not (null): a launch reads one or two, and `Intl.getCanonicalLocales` took about 30 µs
 * each (a profile of 3,000 launches, issue #20). Emptied when full, so odd values sent on purpose cannot grow it.
 */
const readLocales = new Map<string, string | null>();
const READ_LOCALES_KEPT = 500;

/** A BCP 47 language tag in its canonical form (`en-gb` → `en-GB`), or undefined for anything else. */
export function readLocale(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 35) return undefined;
  let canonical = readLocales.get(value);
  if (canonical === undefined) {
    canonical = canonicalLocale(value);
    if (readLocales.size >= READ_LOCALES_KEPT) readLocales.clear();
    readLocales.set(value, canonical);
  }
  return canonical ?? undefined;
}

function canonicalLocale(value: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical && canonical.length <= 35 ? canonical : null;
  } catch {
    return null;
  }
}

/** An IANA time zone name the runtime knows, in its canonical spelling, or undefined for anything else. */
export function readTimeZone(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64 || !isTimeZone(value)) {
    return undefined;
  }
  return canonicalTimeZone(value);
}

/**
 * Default signals that make someone a coach: a course designer, or the custom coach claim on a course staff member.
 * Never an institution or system role (Canvas sends `institution/person#Administrator` for every account role,
 * custom ones included): a school adds those in Settings if it wants them.
 */
export const DEFAULT_COACH_ROLES: readonly string[] = ['membership#ContentDeveloper', COACH_CLAIM];

const TEACHER_ROLES = new Set(['membership#Instructor', 'membership#TeachingAssistant']);
/** Course roles with which the coach claim counts: it promotes course staff, it never lets anyone else in. */
const COURSE_STAFF_ROLES = new Set([...TEACHER_ROLES, 'membership#ContentDeveloper']);

/**
 * Teacher, coach, or refused (students, test students, observers and anyone without a staff role, such as an
 * account admin with no role in the course).
 */
export function mapRoles(
  roles: readonly string[],
  coachRoles: readonly string[] = DEFAULT_COACH_ROLES,
  coachClaim = false,
): Role | 'refused' {
  const normalised = roles.map(normaliseRole);
  if (normalised.some((r) => coachRoles.includes(r))) return 'coach';
  if (coachClaim && coachRoles.includes(COACH_CLAIM) && normalised.some((r) => COURSE_STAFF_ROLES.has(r))) {
    return 'coach';
  }
  if (normalised.some((r) => TEACHER_ROLES.has(r))) return 'teacher';
  return 'refused';
}

/** True when the roles hold an institution or system role but no course role at all (e.g. an account admin). */
export function onlyInstitutionRoles(roles: readonly string[]): boolean {
  const normalised = roles.map(normaliseRole);
  return (
    normalised.length > 0 &&
    normalised.some((r) => r.startsWith('institution#') || r.startsWith('system#')) &&
    !normalised.some((r) => r.startsWith('membership#'))
  );
}
