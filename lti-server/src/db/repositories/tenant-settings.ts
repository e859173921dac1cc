import { EMPTY_SCHOOL_DAY, type SchoolDay, SchoolDaySchema } from '../../../../shared/school-day';
import {
  DEFAULT_GRADES,
  DEFAULT_SUBJECTS,
  DEFAULT_TENANT_SETTINGS,
  GradeListSchema,
  SubjectListSchema,
  type TenantSettings,
  TenantSettingsSchema,
} from '../../../../shared/settings';
import { encodeJson } from '../json-column';
import type { TenantSettingsTable } from '../schema';
import type { TenantScope } from '../tenant-scope';

/** A stored school day, or none when it is absent or no longer validates (the rest of the settings still apply). */
function schoolDayFrom(text: string | null | undefined): SchoolDay {
  const parsed = SchoolDaySchema.safeParse(parseOrUndefined(text ?? undefined));
  return parsed.success ? parsed.data : EMPTY_SCHOOL_DAY;
}

function parseOrUndefined(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** A settings row read back (or none yet) as validated settings; a row that no longer validates means defaults. */
export function settingsFromRow(
  row:
    | (Pick<TenantSettingsTable, 'network_scope' | 'coach_roles'> &
        Partial<Pick<TenantSettingsTable, 'school_day'>> & { subjects?: string; grades?: string })
    | undefined,
): TenantSettings {
  if (!row) return DEFAULT_TENANT_SETTINGS;
  let coachRoles: unknown;
  try {
    coachRoles = JSON.parse(row.coach_roles);
  } catch {
    return DEFAULT_TENANT_SETTINGS;
  }
  const parsed = TenantSettingsSchema.safeParse({ networkScope: row.network_scope, coachRoles });
  if (!parsed.success) return DEFAULT_TENANT_SETTINGS;
  // The subject list (migration 0024), the school day (0025) and the grade list (0031) stand on their own: an empty or
  // unreadable one means the default subjects or grades, or no school day.
  const subjects = SubjectListSchema.safeParse(parseOrUndefined(row.subjects));
  const grades = GradeListSchema.safeParse(parseOrUndefined(row.grades));
  return {
    ...parsed.data,
    subjects: subjects.success ? subjects.data : DEFAULT_SUBJECTS,
    grades: grades.success ? grades.data : DEFAULT_GRADES,
    schoolDay: schoolDayFrom(row.school_day),
  };
}

/** A tenant's settings as stored, validated when read back; defaults until a coach changes them. */
export async function findSettings(scope: TenantScope): Promise<TenantSettings> {
  return settingsFromRow(await scope.selectFrom('tenant_settings').selectAll().executeTakeFirst());
}

export async function saveSettings(
  scope: TenantScope,
  settings: TenantSettings,
  by: { updatedBy: string; updatedAt: string },
): Promise<void> {
  const row = {
    network_scope: settings.networkScope,
    coach_roles: encodeJson(settings.coachRoles),
    school_day: encodeJson(settings.schoolDay),
    subjects: encodeJson(settings.subjects),
    grades: encodeJson(settings.grades),
    updated_by: by.updatedBy,
    updated_at: by.updatedAt,
  };
  const updated = await scope.updateTable('tenant_settings').set(row).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await scope.insertInto('tenant_settings', row).execute();
}

/** Whether a coach (or the demo school's seeder, as its last step) ever saved this tenant's settings. */
export async function hasSavedSettings(scope: TenantScope): Promise<boolean> {
  const row = await scope.selectFrom('tenant_settings').select('updated_at').executeTakeFirst();
  return row !== undefined;
}
