import { z } from 'zod';
import type { Role } from './api';
import { safeText, safeToken } from './text';

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

/** Default roles that make someone a coach; a tenant can change this set. */
export const DEFAULT_COACH_ROLES: readonly string[] = [
  'membership#Administrator',
  'membership#ContentDeveloper',
  'institution#Administrator',
  'system#Administrator',
  'system#SysAdmin',
];

const TEACHER_ROLES = new Set(['membership#Instructor', 'membership#TeachingAssistant']);

/** Teacher, coach, or refused (students, test students, observers and anyone without a staff role). */
export function mapRoles(
  roles: readonly string[],
  coachRoles: readonly string[] = DEFAULT_COACH_ROLES,
): Role | 'refused' {
  const normalised = roles.map(normaliseRole);
  if (normalised.some((r) => coachRoles.includes(r))) return 'coach';
  if (normalised.some((r) => TEACHER_ROLES.has(r))) return 'teacher';
  return 'refused';
}
