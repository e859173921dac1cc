import { describe, expect, it } from 'vitest';
import { settingsFromRow } from '../../../lti-server/src/db/repositories/tenant-settings';
import { DEFAULT_GRADES, DEFAULT_SUBJECTS, DEFAULT_TENANT_SETTINGS } from '../../../shared/settings';

describe('tenant settings read back from their row', () => {
  it('when there is no row yet, then the defaults apply', () => {
    expect(settingsFromRow(undefined)).toEqual(DEFAULT_TENANT_SETTINGS);
  });

  it('when the row is valid, then it is what the coaches chose', () => {
    const settings = settingsFromRow({
      network_scope: 'deployment',
      coach_roles: JSON.stringify(['membership#TeachingAssistant']),
    });
    expect(settings).toEqual({
      networkScope: 'deployment',
      coachRoles: ['membership#TeachingAssistant'],
      schoolDay: { timeZone: null, periods: [] },
      subjects: DEFAULT_SUBJECTS,
      grades: DEFAULT_GRADES,
    });
  });

  it('when the stored school day is valid, then it is read back; when it is broken, then only it falls back', () => {
    const schoolDay = {
      timeZone: 'America/Chicago',
      periods: [{ name: 'Period 1', weekdays: ['mon'], start: '08:00', end: '08:50' }],
    };
    const row = { network_scope: 'deployment' as const, coach_roles: JSON.stringify(['custom#coach']) };
    expect(settingsFromRow({ ...row, school_day: JSON.stringify(schoolDay) }).schoolDay).toEqual(schoolDay);
    for (const broken of ['{not json', JSON.stringify({ timeZone: 'Mars/Base', periods: [] })]) {
      expect(settingsFromRow({ ...row, school_day: broken })).toEqual({
        networkScope: 'deployment',
        coachRoles: ['custom#coach'],
        schoolDay: { timeZone: null, periods: [] },
        subjects: DEFAULT_SUBJECTS,
        grades: DEFAULT_GRADES,
      });
    }
  });

  it('when the row keeps a subject list, then it is read back; an empty or broken one means the default subjects', () => {
    const row = { network_scope: 'course' as const, coach_roles: JSON.stringify(['custom#coach']) };
    expect(settingsFromRow({ ...row, subjects: JSON.stringify(['Biology', 'Chemistry']) }).subjects).toEqual([
      'Biology',
      'Chemistry',
    ]);
    expect(settingsFromRow({ ...row, subjects: '[]' }).subjects).toEqual(DEFAULT_SUBJECTS);
    expect(settingsFromRow({ ...row, subjects: '[oops' }).subjects).toEqual(DEFAULT_SUBJECTS);
  });

  it('when the row keeps a grade list, then it is read back; an empty or broken one means the default grades', () => {
    const row = { network_scope: 'course' as const, coach_roles: JSON.stringify(['custom#coach']) };
    expect(settingsFromRow({ ...row, grades: JSON.stringify(['K', '1', '2']) }).grades).toEqual([
      'K',
      '1',
      '2',
    ]);
    expect(settingsFromRow({ ...row, grades: '[]' }).grades).toEqual(DEFAULT_GRADES);
    expect(settingsFromRow({ ...row, grades: '[oops' }).grades).toEqual(DEFAULT_GRADES);
    expect(settingsFromRow({ ...row, grades: JSON.stringify([7]) }).grades).toEqual(DEFAULT_GRADES);
  });

  it('when the stored roles are not JSON or do not validate, then the defaults apply instead of failing the launch', () => {
    expect(settingsFromRow({ network_scope: 'deployment', coach_roles: '[not json' })).toEqual(
      DEFAULT_TENANT_SETTINGS,
    );
    expect(settingsFromRow({ network_scope: 'deployment', coach_roles: '"instructor"' })).toEqual(
      DEFAULT_TENANT_SETTINGS,
    );
    expect(
      settingsFromRow({
        network_scope: 'everywhere' as 'course',
        coach_roles: JSON.stringify(['membership#TeachingAssistant']),
      }),
    ).toEqual(DEFAULT_TENANT_SETTINGS);
  });
});
