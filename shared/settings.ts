import { z } from 'zod';
import { nearestGrade } from './grades';
import type { MessageKey } from './i18n';
import { DEFAULT_COACH_ROLES } from './lti';
import { EMPTY_SCHOOL_DAY, SchoolDaySchema } from './school-day';
import { nearestEntry } from './spelling';
import { GRADE_BANDS, MAX_GRADE, MAX_SUBJECT } from './strategy';
import { safeText } from './text';

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

/** The menu's subjects until a coach keeps the school's own list. */
export const DEFAULT_SUBJECTS = ['Any', 'Arts', 'English', 'History', 'Languages', 'Math', 'PE', 'Science'];
export const MAX_SUBJECTS = 40;
/** The menu's grades until a coach keeps the school's own list: the K–12 bands (stored strategies use them). */
export const DEFAULT_GRADES: string[] = [...GRADE_BANDS];
export const MAX_GRADES = 30;

/**
 * A list the school keeps for its menu (subjects, grades): trimmed, at least one entry, no two the same in any case, in
 * the order the coach gave. One rule for every such list.
 */
function schoolListSchema(o: {
  maxLength: number;
  maxEntries: number;
  /** The list's messages, written out whole (one set per list). */
  m: { empty: MessageKey; long: MessageKey; list: MessageKey; none: MessageKey; many: MessageKey };
}) {
  return z
    .array(safeText().trim().min(1, o.m.empty).max(o.maxLength, o.m.long), { error: o.m.list })
    .min(1, o.m.none)
    .max(o.maxEntries, o.m.many)
    .transform((entries) => {
      const seen = new Set<string>();
      return entries.filter((s) => !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
    });
}

/** The school's subjects: trimmed, at least one, no two the same in any case, in the order the coach gave. */
export const SubjectListSchema = schoolListSchema({
  maxLength: MAX_SUBJECT,
  maxEntries: MAX_SUBJECTS,
  m: {
    empty: 'errors.field.settings.subject-empty',
    long: 'errors.field.settings.subject-long',
    list: 'errors.field.settings.subjects-list',
    none: 'errors.field.settings.subjects-none',
    many: 'errors.field.settings.subjects-many',
  },
});

/** The school's grades ("K", "1" … "12", or bands such as "6-8"), kept like its subjects. */
export const GradeListSchema = schoolListSchema({
  maxLength: MAX_GRADE,
  maxEntries: MAX_GRADES,
  m: {
    empty: 'errors.field.settings.grade-empty',
    long: 'errors.field.settings.grade-long',
    list: 'errors.field.settings.grades-list',
    none: 'errors.field.settings.grades-none',
    many: 'errors.field.settings.grades-many',
  },
});

/** The lists a school keeps for its menu, and how free text finds an entry of each. */
export type SchoolList = 'subjects' | 'grades';
const NEAREST: Record<SchoolList, (text: string, entries: readonly string[]) => string | undefined> = {
  subjects: nearestEntry,
  grades: nearestGrade,
};

/**
 * The entry of the school's list that free text stands for ("sci" → "Science", "7th" → "6-8"), or the text as typed
 * when none is close. The strategy form and the menu's filters both go through here.
 */
export function schoolEntry(list: SchoolList, typed: string, entries: readonly string[]): string {
  return NEAREST[list](typed, entries) ?? typed;
}

export const TenantSettingsSchema = z.object({
  /** course: each course has its own menu; deployment: one school-wide menu for every course of the deployment. */
  networkScope: z.enum(['course', 'deployment'], { error: 'errors.field.settings.network-scope' }),
  coachRoles: z
    .array(z.enum(ROLE_VALUES, { error: 'errors.field.settings.coach-role' }))
    .min(1, 'errors.field.settings.coach-roles-none')
    .transform((roles) => [...new Set(roles)]),
  /** The school's time zone and weekly bell schedule (shared/school-day.ts); none until a coach sets them. */
  schoolDay: SchoolDaySchema.default(EMPTY_SCHOOL_DAY),
  /** The subjects teachers choose from on the strategy form and the menu's filter (free text maps to the nearest). */
  subjects: SubjectListSchema.default(DEFAULT_SUBJECTS),
  /** The grades teachers choose from on the strategy form and the menu's filter (free text maps to the nearest). */
  grades: GradeListSchema.default(DEFAULT_GRADES),
});
export type TenantSettings = z.output<typeof TenantSettingsSchema>;
export type TenantSettingsInput = z.input<typeof TenantSettingsSchema>;

export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  networkScope: 'course',
  coachRoles: DEFAULT_COACH_ROLES as CoachRole[],
  schoolDay: EMPTY_SCHOOL_DAY,
  subjects: DEFAULT_SUBJECTS,
  grades: DEFAULT_GRADES,
};

/** GET /api/settings/subjects: what every member may read of the settings, for the strategy form and the filters. */
export const MenuOptionsSchema = z.object({ subjects: z.array(z.string()), grades: z.array(z.string()) });
export type MenuOptions = z.infer<typeof MenuOptionsSchema>;

/**
 * What a coach sees about their own LMS registration: the platform and their own deployment. Other deployments of
 * the same registration may be other schools, so they are not listed (`npm run platform -- list` shows operators all).
 */
export const PlatformInfoSchema = z.object({
  /** The platform's name, as each launch sends it. */
  name: z.string(),
  /** The school's own name, set by a coach (PUT /api/settings/school-name); null until then. */
  schoolName: z.string().nullable(),
  issuer: z.string(),
  clientId: z.string(),
  deploymentId: z.string(),
  /** An operator registered the deployment, or it was recorded at its first launch (a dynamically registered LMS). */
  deploymentRecorded: z.enum(['registered', 'first-launch']),
  registeredSince: z.string(),
});
export type PlatformInfo = z.infer<typeof PlatformInfoSchema>;

export const SCHOOL_NAME_MAX = 80;

/**
 * PUT /api/settings/school-name: the school's own name, which district networks show. Launches keep setting the
 * platform's name but never this one; an empty name clears it (the platform's name shows again).
 */
export const SchoolNameInputSchema = z.object({
  schoolName: safeText({ error: 'errors.field.settings.school-name' })
    .trim()
    .max(SCHOOL_NAME_MAX, 'errors.field.settings.school-name-long')
    .refine((v) => v.length === 0 || v.length >= 2, 'errors.field.settings.school-name-short'),
});
export type SchoolNameInput = z.infer<typeof SchoolNameInputSchema>;
