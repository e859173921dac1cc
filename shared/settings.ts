import { z } from 'zod';
import { DEFAULT_COACH_ROLES } from './lti';
import { EMPTY_SCHOOL_DAY, SchoolDaySchema } from './school-day';

/**
 * Signals a tenant may treat as coaches, with the words an administrator recognises and what the LMS sends. Course
 * roles and the coach claim come first; institution and system roles are for schools that choose them knowingly
 * (in Canvas every account role, custom ones included, arrives as the institution Administrator).
 */
export const COACH_ROLE_OPTIONS = [
  {
    role: 'membership#ContentDeveloper',
    label: 'Course designer',
    sent: 'membership#ContentDeveloper (Canvas: Designer, or a course role based on it)',
    scope: 'course',
  },
  {
    role: 'custom#coach',
    label: 'Course staff the LMS marks as coach',
    sent: 'custom parameter coach=true, or a role named Coach (Canvas: coach=$Canvas.membership.roles)',
    scope: 'course',
  },
  {
    role: 'membership#Administrator',
    label: 'Course administrator',
    sent: 'membership#Administrator',
    scope: 'course',
  },
  {
    role: 'membership#TeachingAssistant',
    label: 'Teaching assistant',
    sent: 'membership/Instructor#TeachingAssistant (Canvas: TA)',
    scope: 'course',
  },
  {
    role: 'institution#Administrator',
    label: 'Any school or district administrator',
    sent: 'institution/person#Administrator (Canvas: every account role, custom ones included)',
    scope: 'institution',
  },
  {
    role: 'system#SysAdmin',
    label: 'LMS site administrator',
    sent: 'system/person#SysAdmin (Canvas: site admin)',
    scope: 'institution',
  },
  {
    role: 'system#Administrator',
    label: 'LMS system administrator',
    sent: 'system/person#Administrator',
    scope: 'institution',
  },
] as const;
export type CoachRole = (typeof COACH_ROLE_OPTIONS)[number]['role'];
const ROLE_VALUES = COACH_ROLE_OPTIONS.map((o) => o.role) as [CoachRole, ...CoachRole[]];

export const TenantSettingsSchema = z.object({
  /** course: each course has its own menu; deployment: one school-wide menu for every course of the deployment. */
  networkScope: z.enum(['course', 'deployment'], { error: 'networkScope must be course or deployment' }),
  coachRoles: z
    .array(z.enum(ROLE_VALUES, { error: 'not a role Tasting Menu knows' }))
    .min(1, 'Keep at least one coach role, or nobody could change these settings again.')
    .transform((roles) => [...new Set(roles)]),
  /** The school's time zone and weekly bell schedule (shared/school-day.ts); none until a coach sets them. */
  schoolDay: SchoolDaySchema.default(EMPTY_SCHOOL_DAY),
});
export type TenantSettings = z.output<typeof TenantSettingsSchema>;
export type TenantSettingsInput = z.input<typeof TenantSettingsSchema>;

export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  networkScope: 'course',
  coachRoles: DEFAULT_COACH_ROLES as CoachRole[],
  schoolDay: EMPTY_SCHOOL_DAY,
};

/**
 * What a coach sees about their own LMS registration: the platform and their own deployment. Other deployments of
 * the same registration may be other schools, so they are not listed (`npm run platform -- list` shows operators all).
 */
export const PlatformInfoSchema = z.object({
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  deploymentId: z.string(),
  /** An operator registered the deployment, or it was recorded at its first launch (a dynamically registered LMS). */
  deploymentRecorded: z.enum(['registered', 'first-launch']),
  registeredSince: z.string(),
});
export type PlatformInfo = z.infer<typeof PlatformInfoSchema>;
