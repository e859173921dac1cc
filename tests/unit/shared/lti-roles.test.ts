import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COACH_ROLES,
  hasCoachClaim,
  mapRoles,
  normaliseRole,
  onlyInstitutionRoles,
  readLocale,
  readTimeZone,
} from '../../../shared/lti';
import { CANVAS_ROLES } from '../../fixtures/canvas-roles';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2';

describe('normaliseRole', () => {
  it.each([
    [`${LIS}/membership#Instructor`, 'membership#Instructor'],
    [`${LIS}/membership/Instructor#TeachingAssistant`, 'membership#TeachingAssistant'],
    [`${LIS}/institution/person#Administrator`, 'institution#Administrator'],
    [`${LIS}/system/person#SysAdmin`, 'system#SysAdmin'],
    ['Instructor', 'membership#Instructor'],
    ['TeacherEnrollment', 'membership#Instructor'],
    ['TaEnrollment', 'membership#TeachingAssistant'],
    ['DesignerEnrollment', 'membership#ContentDeveloper'],
    ['StudentEnrollment', 'membership#Learner'],
  ])('when given %s, then it reads %s', (input, expected) => {
    expect(normaliseRole(input)).toBe(expected);
  });
});

describe('mapRoles', () => {
  it('when someone is an Instructor, then they are a teacher', () => {
    expect(mapRoles([`${LIS}/membership#Instructor`])).toBe('teacher');
  });

  it('when an Instructor is also an institution Administrator, then they are still a teacher by default', () => {
    expect(mapRoles([`${LIS}/membership#Instructor`, `${LIS}/institution/person#Administrator`])).toBe(
      'teacher',
    );
  });

  it('when a course designer launches, then they are a coach by default', () => {
    expect(mapRoles([`${LIS}/membership#ContentDeveloper`])).toBe('coach');
  });

  it('when the coach roles are configured differently, then the configuration decides', () => {
    expect(mapRoles([`${LIS}/membership#ContentDeveloper`], ['institution#Administrator'])).toBe('refused');
    expect(
      mapRoles(
        [`${LIS}/membership#Instructor`, `${LIS}/institution/person#Administrator`],
        ['institution#Administrator'],
      ),
    ).toBe('coach');
  });

  it('when a Learner or a test student launches, then they are refused', () => {
    expect(mapRoles([`${LIS}/membership#Learner`])).toBe('refused');
    expect(
      mapRoles([`${LIS}/membership#Learner`, 'http://purl.imsglobal.org/vocab/lti/system/person#TestUser']),
    ).toBe('refused');
  });

  it('when there are no roles, then they are refused', () => {
    expect(mapRoles([])).toBe('refused');
  });
});

describe('Canvas role sets (as Canvas builds the roles claim) with the default settings', () => {
  it.each([
    ['teacher', 'teacher'],
    ['ta', 'teacher'],
    ['designer', 'coach'],
    ['accountAdmin', 'refused'],
    ['subAccountAdmin', 'refused'],
    ['customAccountRole', 'refused'],
    ['siteAdmin', 'refused'],
    ['teacherWhoIsAccountAdmin', 'teacher'],
    ['observer', 'refused'],
    ['student', 'refused'],
    ['testStudent', 'refused'],
  ] as const)('when a Canvas %s launches, then they are %s', (who, expected) => {
    expect(mapRoles(CANVAS_ROLES[who], DEFAULT_COACH_ROLES)).toBe(expected);
  });

  it('when any account role launches, then it is never a coach without a course role that makes one', () => {
    for (const who of [
      'accountAdmin',
      'subAccountAdmin',
      'customAccountRole',
      'teacherWhoIsAccountAdmin',
    ] as const) {
      expect(mapRoles(CANVAS_ROLES[who])).not.toBe('coach');
    }
  });

  it('when the school adds the institution Administrator in Settings, then every account role becomes a coach', () => {
    const roles = [...DEFAULT_COACH_ROLES, 'institution#Administrator'];
    expect(mapRoles(CANVAS_ROLES.customAccountRole, roles)).toBe('coach');
    expect(mapRoles(CANVAS_ROLES.subAccountAdmin, roles)).toBe('coach');
    expect(mapRoles(CANVAS_ROLES.student, roles)).toBe('refused');
  });
});

describe('the custom coach claim', () => {
  it.each([
    [{ coach: 'true' }, true],
    [{ coach: ' TRUE ' }, true],
    [{ coach: true }, true],
    [{ coach: 'TeacherEnrollment,Coach' }, true],
    [{ coach: 'coach' }, true],
    [{ coach: 'false' }, false],
    [{ coach: 'TeacherEnrollment,Account Admin' }, false],
    [{ coach: 'Instructional Coach' }, false],
    [{ coach: '$Canvas.membership.roles' }, false],
    [{ coach: 1 }, false],
    [{}, false],
    [undefined, false],
    ['coach', false],
  ])('when the custom claim is %j, then the coach claim is %s', (custom, expected) => {
    expect(hasCoachClaim(custom)).toBe(expected);
  });

  it('when course staff carry the claim, then they are coaches', () => {
    expect(mapRoles(CANVAS_ROLES.teacher, DEFAULT_COACH_ROLES, true)).toBe('coach');
    expect(mapRoles(CANVAS_ROLES.ta, DEFAULT_COACH_ROLES, true)).toBe('coach');
  });

  it('when someone without a course staff role carries the claim, then it lets nobody in', () => {
    for (const who of ['accountAdmin', 'customAccountRole', 'observer', 'student', 'testStudent'] as const) {
      expect(mapRoles(CANVAS_ROLES[who], DEFAULT_COACH_ROLES, true)).toBe('refused');
    }
  });

  it('when the school unticks the claim in Settings, then it no longer makes a coach', () => {
    expect(mapRoles(CANVAS_ROLES.teacher, ['membership#ContentDeveloper'], true)).toBe('teacher');
  });
});

describe('onlyInstitutionRoles', () => {
  it('when an admin has no course role, then that is what the refusal says', () => {
    expect(onlyInstitutionRoles(CANVAS_ROLES.accountAdmin)).toBe(true);
    expect(onlyInstitutionRoles(CANVAS_ROLES.customAccountRole)).toBe(true);
    expect(onlyInstitutionRoles(CANVAS_ROLES.siteAdmin)).toBe(true);
    expect(onlyInstitutionRoles(CANVAS_ROLES.student)).toBe(false);
    expect(onlyInstitutionRoles(CANVAS_ROLES.observer)).toBe(false);
    expect(onlyInstitutionRoles([])).toBe(false);
  });
});

describe('locale and time zone from a launch', () => {
  it.each([
    ['en', 'en'],
    ['en-gb', 'en-GB'],
    ['fr-CA', 'fr-CA'],
    ['zh-Hant', 'zh-Hant'],
    ['en-AU-x-unimelb', 'en-AU-x-unimelb'],
    ['', undefined],
    ['en_US', undefined],
    ['not a locale', undefined],
    ['x'.repeat(40), undefined],
    [42, undefined],
  ])('when the locale is %j, then it reads %j', (input, expected) => {
    expect(readLocale(input)).toBe(expected);
  });

  it('when tags are read again, or more of them than are kept, then each reads as the first time', () => {
    for (let round = 0; round < 2; round++) {
      expect(readLocale('en-gb')).toBe('en-GB');
      expect(readLocale('en_US')).toBeUndefined();
    }
    for (let i = 0; i < 1_200; i++) expect(readLocale(`en-x-n${i}`)).toBe(`en-x-n${i}`);
    expect(readLocale('fr-ca')).toBe('fr-CA');
    expect(readLocale('not a locale')).toBeUndefined();
  });

  it.each([
    ['America/Denver', 'America/Denver'],
    ['europe/paris', 'Europe/Paris'],
    ['UTC', 'UTC'],
    ['Mars/Olympus_Mons', undefined],
    ['+05:30', undefined],
    ['$Person.address.timezone', undefined],
    ['', undefined],
    [null, undefined],
  ])('when the time zone is %j, then it reads %j', (input, expected) => {
    expect(readTimeZone(input)).toBe(expected);
  });
});
